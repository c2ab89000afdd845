package dev.polyfeed.page;

import java.util.Map;

import dev.polyfeed.content.Language;

/**
 * The few words Polyfeed's pages say themselves, in the languages it has been given them in; other
 * languages get English, marked as English so that screen readers and hyphenation know.
 *
 * @param language the BCP 47 tag the words are in
 */
record PageText(String language, String whatAFeedIs, String howToSubscribe, String posts, String tags, String copy,
        String copied, String openIn, String otherFormats, String translations, String archive, String newer,
        String older, String feeds) {

    private static final PageText ENGLISH = new PageText("en", "This is a web feed.",
            "To subscribe, copy the address below into your feed reader (NetNewsWire, Feedly, Thunderbird, newsboat, "
                    + "Miniflux…). New posts then appear in your reader as they are published.",
            "Posts", "Tags", "Copy", "Copied", "Open in", "Also as", "In other languages", "Archive", "Newer", "Older",
            "Feeds");

    private static final Map<String, PageText> BY_LANGUAGE = Map.of(
            "tr", new PageText("tr", "Bu bir web beslemesi (feed).",
                    "Abone olmak için aşağıdaki adresi kopyalayıp feed okuyucunuza (NetNewsWire, Feedly, Thunderbird, "
                            + "newsboat, Miniflux…) ekleyin. Yeni yazılar yayımlandıkça okuyucunuzda görünür.",
                    "Yazılar", "Etiketler", "Kopyala", "Kopyalandı", "Şurada aç", "Diğer biçimler", "Diğer dillerde",
                    "Arşiv", "Daha yeni", "Daha eski", "Beslemeler"),
            "ar", new PageText("ar", "هذه تغذية ويب.",
                    "للاشتراك، انسخ العنوان أدناه وأضفه إلى قارئ التغذيات لديك (NetNewsWire أو Feedly أو Thunderbird أو "
                            + "newsboat أو Miniflux…). ستظهر المقالات الجديدة في القارئ فور نشرها.",
                    "المقالات", "الوسوم", "نسخ", "تم النسخ", "افتح في", "بصيغ أخرى", "بلغات أخرى", "الأرشيف", "أحدث",
                    "أقدم", "التغذيات"),
            "hi", new PageText("hi", "यह एक वेब फ़ीड है।",
                    "सदस्यता लेने के लिए नीचे दिया गया पता कॉपी करके अपने फ़ीड रीडर (NetNewsWire, Feedly, Thunderbird, "
                            + "newsboat, Miniflux…) में जोड़ें। नई पोस्ट प्रकाशित होते ही आपके रीडर में दिखेंगी।",
                    "पोस्ट", "टैग", "कॉपी करें", "कॉपी हो गया", "इसमें खोलें", "अन्य प्रारूप", "अन्य भाषाओं में", "संग्रह",
                    "नई", "पुरानी", "फ़ीड"),
            "id", new PageText("id", "Ini adalah umpan web (feed).",
                    "Untuk berlangganan, salin alamat di bawah ke pembaca feed Anda (NetNewsWire, Feedly, Thunderbird, "
                            + "newsboat, Miniflux…). Tulisan baru akan muncul di pembaca Anda begitu terbit.",
                    "Tulisan", "Tag", "Salin", "Tersalin", "Buka di", "Format lain", "Dalam bahasa lain", "Arsip",
                    "Lebih baru", "Lebih lama", "Feed"));

    /** The words for a page in this language, or English. */
    static PageText of(Language language) {
        return BY_LANGUAGE.getOrDefault(language.locale().getLanguage(), ENGLISH);
    }

    static PageText english() {
        return ENGLISH;
    }

    boolean isEnglish() {
        return language.equals("en");
    }
}
