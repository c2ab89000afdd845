package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The feeds served for the fixture tree (src/test/resources/fixture-content, feed size 3), read the
 * way a feed reader reads them: parsed XML, attributes and values.
 */
@QuarkusTest
class FeedsTest {

    static final String BASE = "https://feeds.example.org/blog";

    @Inject
    PublicationStore store;

    static byte[] fetch(String path) {
        return given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().asByteArray();
    }

    static Xml feed(String path) {
        return Xml.parse(fetch(path));
    }

    @Test
    void languageRssCarriesLanguageGuidDatesAndFullHtml() {
        given().when().get("/tr/rss.xml").then().statusCode(200)
                .contentType(startsWith("application/rss+xml")).contentType(containsString("charset=utf-8"));
        Xml rss = feed("/tr/rss.xml");
        assertEquals("Deneme Sitesi", rss.text("/rss/channel/title"));
        assertEquals("tr", rss.text("/rss/channel/language"));
        assertEquals(BASE + "/tr/rss.xml", rss.text("/rss/channel/atom:link[@rel='self']/@href"));
        assertEquals(List.of("Tablo <&\" ]]> kontrol", "Merhaba dünya", "Üçüncü"), rss.texts("//item/title"));

        String merhaba = "//item[title='Merhaba dünya']";
        assertEquals(BASE + "/tr/posts/merhaba", rss.text(merhaba + "/link"));
        assertEquals("tag:example.org,2024-01-01:tr/merhaba", rss.text(merhaba + "/guid"));
        assertEquals("false", rss.text(merhaba + "/guid/@isPermaLink"));
        assertEquals("Fri, 01 Mar 2024 00:00:00 GMT", rss.text(merhaba + "/pubDate"));
        assertEquals("İlk yazı.", rss.text(merhaba + "/description"));
        assertEquals("tr", rss.text(merhaba + "/dc:language"));
        assertEquals(List.of("Ada Lovelace", "nobody"), rss.texts(merhaba + "/dc:creator"));
        assertEquals(List.of("AI", "Açık Kaynak", "C/C++"), rss.texts(merhaba + "/category"));
        assertEquals(BASE + "/tr/posts/merhaba/img/kapak.png", rss.text(merhaba + "/media:content/@url"));
        assertEquals("image", rss.text(merhaba + "/media:content/@medium"));
        assertEquals(BASE + "/tr/posts/merhaba/img/kapak.png", rss.text(merhaba + "/media:thumbnail/@url"));
        // 10:00 at +03:00 is 07:00 GMT
        assertEquals("Tue, 05 Mar 2024 07:00:00 GMT", rss.text("//item[1]/pubDate"));

        Element body = html(rss.text(merhaba + "/content:encoded"));
        assertEquals("tr", body.attr("lang"));
        assertEquals("ltr", body.attr("dir"));
        assertEquals("Başlık", body.selectFirst("h1").text());
        assertEquals("başlık", body.selectFirst("h1").id());
        assertEquals("  girintili   kod\n    korunur\n", body.selectFirst("pre code").wholeText());
        assertEquals(BASE + "/tr/posts/merhaba/resimler/kedi.jpg", body.selectFirst("img").attr("src"));
        assertEquals(List.of(BASE + "/tr/posts/merhaba/img/a.png", "https://feeds.example.org/media/b.png",
                BASE + "/tr/posts/merhaba#ba%C5%9Fl%C4%B1k"), body.select("a").eachAttr("href"));
    }

    @Test
    void fullHtmlKeepsTablesStrikethroughAndAutolinks() {
        Element body = html(feed("/tr/rss.xml").text("//item[1]/content:encoded"));
        assertEquals(List.of("1", "2"), body.select("table td").eachText());
        assertEquals("eski", body.selectFirst("del").text());
        assertEquals("https://example.com", body.selectFirst("a").attr("href"));
    }

    @Test
    void arabicAtomIsRightToLeftWithTranslations() {
        Xml atom = feed("/ar/atom.xml");
        assertEquals("ar", atom.text("/a:feed/@xml:lang"));
        assertEquals("موقع الاختبار", atom.text("/a:feed/a:title"));
        assertEquals("tag:example.org,2024-01-01:feed/ar", atom.text("/a:feed/a:id"));
        assertEquals(BASE + "/ar/atom.xml", atom.text("/a:feed/a:link[@rel='self']/@href"));
        String entry = "/a:feed/a:entry[1]";
        assertEquals("ar", atom.text(entry + "/@xml:lang"));
        assertEquals("tag:example.org,2024-01-01:ar/merhaba", atom.text(entry + "/a:id"));
        assertEquals("2024-03-02T00:00:00Z", atom.text(entry + "/a:published"));
        assertEquals("2024-03-02T00:00:00Z", atom.text(entry + "/a:updated"));
        assertEquals("Ada Lovelace", atom.text(entry + "/a:author/a:name"));
        assertEquals("https://example.org/ada", atom.text(entry + "/a:author/a:uri"));
        assertEquals(List.of("ai", "البرمجيات-الحرة"), atom.texts(entry + "/a:category/@term"));
        assertEquals(List.of("AI", "البرمجيات الحرة"), atom.texts(entry + "/a:category/@label"));
        assertEquals(List.of("ar", "en", "tr"), atom.texts(entry + "/a:link[@rel='alternate']/@hreflang"));
        assertEquals(List.of(BASE + "/ar/posts/merhaba", BASE + "/en/posts/merhaba", BASE + "/tr/posts/merhaba"),
                atom.texts(entry + "/a:link[@rel='alternate']/@href"));
        // whichever alternate link a reader takes, first or last, it is the post's own page
        assertEquals(BASE + "/ar/posts/merhaba", atom.text("(" + entry + "/a:link[not(@rel) or @rel='alternate'])[1]/@href"));
        assertEquals(BASE + "/ar/posts/merhaba", atom.text("(" + entry + "/a:link[not(@rel) or @rel='alternate'])[last()]/@href"));
        assertEquals("html", atom.text(entry + "/a:content/@type"));
        Element body = html(atom.text(entry + "/a:content"));
        assertEquals("ar", body.attr("lang"));
        assertEquals("rtl", body.attr("dir"));
        assertEquals(BASE + "/ar/posts/merhaba/img/a.png", body.selectFirst("a").attr("href"));
    }

    @Test
    void crossLanguageTagFeedsHaveNoChannelLanguageButEveryItemHasOne() {
        Xml rss = feed("/tags/ai/rss.xml");
        assertEquals(0, rss.count("/rss/channel/language"));
        assertEquals(List.of("Tablo <&\" ]]> kontrol", "مرحبا بالعالم", "Merhaba dünya"), rss.texts("//item/title"));
        assertEquals(List.of("tr", "ar", "tr"), rss.texts("//item/dc:language"));

        Xml atom = feed("/tags/ai/atom.xml");
        assertEquals("", atom.text("/a:feed/@xml:lang"));
        assertEquals(List.of("tr", "ar", "tr"), atom.texts("/a:feed/a:entry/@xml:lang"));
        assertEquals("Fixture Site – #AI", atom.text("/a:feed/a:title"));
    }

    @Test
    void spellingsOfOneTagMerge() {
        // "AI" (ar, tr) and "ai" (tr/tablo) are one tag
        assertEquals(List.of("Tablo <&\" ]]> kontrol", "Merhaba dünya"), feed("/tr/tags/ai/atom.xml").texts("//a:entry/a:title"));
        // "Café" (NFC) and "cafe\u0301" (NFD) are one tag
        assertEquals(List.of("Hello, world", "Decomposed"), feed("/tags/caf%C3%A9/atom.xml").texts("//a:entry/a:title"));
        given().urlEncodingEnabled(false).redirects().follow(false).when().get("/tags/cafe%CC%81/atom.xml")
                .then().statusCode(301).header("Location", "/tags/caf%C3%A9/atom.xml");
    }

    @Test
    void contentLoadedUnderATurkishDefaultLocaleStillMergesAiAndAI() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("aı", "AI".toLowerCase(), "the Turkish locale is in force");
            store.reload();
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(List.of("tr", "ar", "tr"), feed("/tags/ai/rss.xml").texts("//item/dc:language"));
        assertEquals(List.of("Tablo <&\" ]]> kontrol", "Merhaba dünya"), feed("/tr/tags/ai/atom.xml").texts("//a:entry/a:title"));
        given().when().get("/tags/a%C4%B1/rss.xml").then().statusCode(404);
    }

    @Test
    void newestFirstAndAtMostTheFeedSize() {
        Xml atom = feed("/tr/atom.xml");
        assertEquals(List.of("2024-03-05T07:00:00Z", "2024-03-01T00:00:00Z", "2024-02-01T00:00:00Z"),
                atom.texts("//a:entry/a:published"));
        assertEquals("2024-03-05T07:00:00Z", atom.text("/a:feed/a:updated"));
        // updated: in front matter is carried through
        assertEquals("2024-02-03T12:00:00Z", atom.text("//a:entry[a:title='Üçüncü']/a:updated"));
        assertFalse(new String(fetch("/tr/atom.xml")).contains("Eski"), "the 4th-newest post is past the feed size");
    }

    @Test
    void draftsAndBrokenPostsAreNotServedButTheRestIs() {
        String all = new String(fetch("/tr/rss.xml")) + new String(fetch("/"));
        assertFalse(all.contains("Taslak"));
        assertFalse(all.contains("Bozuk"));
        given().when().get("/tr/posts/taslak").then().statusCode(404);
        given().when().get("/tr/posts/bozuk").then().statusCode(404);
        given().when().get("/drafts/rss.xml").then().statusCode(404);
    }

    @Test
    void regionalLanguageTags() {
        assertEquals("pt-BR", feed("/pt-BR/atom.xml").text("/a:feed/@xml:lang"));
        assertEquals("pt-BR", feed("/pt-BR/rss.xml").text("/rss/channel/language"));
        given().redirects().follow(false).when().get("/pt-br/atom.xml").then().statusCode(301)
                .header("Location", "/pt-BR/atom.xml");
    }

    @Test
    void xmlIllegalCharactersNeverReachAFeed() {
        String title = feed("/tr/rss.xml").text("//item[1]/title");
        assertEquals("Tablo <&\" ]]> kontrol", title);
        assertFalse(new String(fetch("/tr/atom.xml")).contains("\u0008"));
    }

    static Element html(String fragment) {
        Document document = Jsoup.parseBodyFragment(fragment);
        assertTrue(document.body().childrenSize() == 1, "the body is wrapped in one element: " + fragment);
        return document.body().child(0);
    }
}
