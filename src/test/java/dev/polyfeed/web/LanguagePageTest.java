package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each language has a page at its folder, {@code /ar/}, in its language and direction, and post pages
 * lead back to it and home (fixture tree: src/test/resources/fixture-content).
 */
@QuarkusTest
class LanguagePageTest {

    static final String BASE = FeedsTest.BASE;

    @Test
    void theArabicPageIsInArabicRightToLeftWithItsFeedsAndPosts() {
        Document page = Jsoup.parse(given().get("/ar/").then().statusCode(200).extract().asString());
        assertEquals("ar", page.selectFirst("html").attr("lang"));
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        assertEquals("موقع الاختبار", page.selectFirst("h1").text());
        assertEquals(BASE + "/", page.selectFirst("nav a").attr("href"), "a way home");
        assertEquals(List.of(BASE + "/ar/rss.xml", BASE + "/ar/atom.xml", BASE + "/ar/feed.json"),
                page.select("link[rel=alternate]").eachAttr("href"), "discovery for the language's main feed only");
        assertTrue(page.select("a").eachAttr("href").contains(BASE + "/ar/posts/merhaba"));
        assertTrue(page.select("a").eachAttr("href").contains(BASE + "/ar/tags/ai/"), "the tag's page");
    }

    @Test
    void otherSpellingsOfTheLanguagePageRedirectToIt() {
        for (String path : List.of("/ar", "/AR/", "/AR")) {
            given().redirects().follow(false).get(path).then().statusCode(301).header("Location", endsWith("/ar/"));
        }
    }

    @Test
    void aPostPageLeadsHomeAndToItsLanguagesPage() {
        Document post = Jsoup.parse(given().get("/tr/posts/merhaba").then().statusCode(200).extract().asString());
        // the first nav leads back; the post's other nav lists its translations
        assertEquals(List.of(BASE + "/", BASE + "/tr/"), post.selectFirst("nav").select("a").eachAttr("href"));
        assertEquals("Türkçe", post.selectFirst("nav").select("a").get(1).text());
    }
}
