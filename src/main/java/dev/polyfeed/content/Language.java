package dev.polyfeed.content;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A language of the site, as a canonical BCP 47 tag ({@code tr}, {@code pt-BR}, {@code az-Arab}) with
 * the writing direction of its script.
 */
public record Language(String tag, boolean rightToLeft) implements Comparable<Language> {

    /** Scripts written right to left (ISO 15924). */
    private static final Set<String> RTL_SCRIPTS = Set.of(
            "Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Elym", "Hatr", "Hebr", "Hung", "Khar",
            "Lydi", "Mand", "Mani", "Mend", "Merc", "Mero", "Narb", "Nbat", "Nkoo", "Orkh", "Ougr",
            "Palm", "Phli", "Phlp", "Phnx", "Prti", "Rohg", "Samr", "Sarb", "Sogd", "Sogo", "Syrc",
            "Thaa", "Yezi");

    /** Languages whose usual script is right to left when the tag names no script. */
    private static final Set<String> RTL_LANGUAGES = Set.of(
            "ar", "arc", "ary", "arz", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw",
            "khw", "ks", "lrc", "mzn", "nqo", "pnb", "prs", "ps", "sd", "sdh", "syr", "ug", "ur",
            "yi", "ji");

    public Language {
        Objects.requireNonNull(tag, "tag");
    }

    /**
     * Reads a BCP 47 tag, as found in a folder name or a {@code lang:} key.
     *
     * @return empty when the text is not a well-formed tag naming a real language subtag
     */
    public static Optional<Language> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        // every post names its language: one instance per spelling, not one per post (and a parse each)
        return SPELLINGS.of(text);
    }

    private static final Spellings<Language> SPELLINGS = new Spellings<>(1024, Language::parseTag);

    private static Optional<Language> parseTag(String text) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(text.strip().replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        String language = locale.getLanguage();
        // 4 letters are reserved and 5-8 letters are registered-only subtags that nobody uses; such
        // folder names are far more likely "drafts" or "images" than a language.
        if (language.length() < 2 || language.length() > 3) {
            return Optional.empty();
        }
        String script = locale.getScript();
        boolean rtl = script.isEmpty() ? RTL_LANGUAGES.contains(language) : RTL_SCRIPTS.contains(script);
        return Optional.of(new Language(locale.toLanguageTag(), rtl));
    }

    /** The HTML {@code dir} value. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language's own name for itself ("Türkçe", "العربية"), for headings shown to readers. */
    public String nativeName() {
        Locale locale = locale();
        String name = locale.getDisplayName(locale);
        if (name.isEmpty() || name.equals(tag)) {
            return tag;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    @Override
    public int compareTo(Language other) {
        return tag.compareTo(other.tag);
    }

    @Override
    public String toString() {
        return tag;
    }
}
