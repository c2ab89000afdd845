package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.AtomSchema;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Feeds per author, across languages and in each language, over the fixture tree
 * (src/test/resources/fixture-content: Ada Lovelace wrote the Turkish and the Arabic "merhaba", the
 * Turkish one with "nobody", a key authors.yml does not have; Grace Hopper, inline, the English one).
 */
@QuarkusTest
class AuthorFeedsTest {

    static final String BASE = FeedsTest.BASE;

    @Test
    void anAuthorsFeedAcrossLanguagesHoldsTheirPostsEachInItsLanguage() {
        byte[] body = FeedsTest.fetch("/authors/ada/atom.xml");
        assertEquals(List.of(), AtomSchema.violations(body));
        Xml atom = Xml.parse(body);
        assertEquals("Fixture Site – Ada Lovelace", atom.text("/a:feed/a:title"));
        assertEquals("tag:example.org,2024-01-01:feed/authors/ada", atom.text("/a:feed/a:id"));
        assertEquals(BASE + "/authors/ada/atom.xml", atom.text("/a:feed/a:link[@rel='self']/@href"));
        assertEquals("", atom.text("/a:feed/@xml:lang"), "no language for a feed across languages");
        assertEquals(List.of("ar", "tr"), atom.texts("//a:entry/@xml:lang"));
        assertEquals(List.of("tag:example.org,2024-01-01:ar/merhaba", "tag:example.org,2024-01-01:tr/merhaba"),
                atom.texts("//a:entry/a:id"));
    }

    @Test
    void anAuthorsFeedInOneLanguage() {
        Xml rss = FeedsTest.feed("/tr/authors/ada/rss.xml");
        assertEquals("tr", rss.text("/rss/channel/language"));
        assertEquals("Deneme Sitesi – Ada Lovelace", rss.text("/rss/channel/title"));
        assertEquals(List.of("Merhaba dünya"), rss.texts("//item/title"));
        assertEquals(List.of("Merhaba dünya"), FeedsTest.feed("/authors/nobody/rss.xml").texts("//item/title"));
        given().get("/authors/ada/feed.json").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void otherSpellingsRedirectAndUnknownAuthorsSayWho() {
        given().redirects().follow(false).get("/authors/Ada/atom.xml").then().statusCode(301)
                .header("Location", containsString("/authors/ada/atom.xml"));
        given().get("/authors/zed/rss.xml").then().statusCode(404)
                .body(containsString("No author 'zed'. Authors: ada, grace-hopper, nobody."));
        given().get("/en/authors/ada/rss.xml").then().statusCode(404).body(containsString("No author 'ada' in en"));
    }

    @Test
    void authorFeedsAreInTheOpml() {
        List<String> urls = new java.util.ArrayList<>();
        for (String list : List.of("/feeds.opml", "/feeds-atom.opml", "/feeds-json.opml")) {
            urls.addAll(Xml.parse(FeedsTest.fetch(list)).texts("//outline/@xmlUrl"));
        }
        for (String path : List.of("/authors/ada/rss.xml", "/authors/nobody/atom.xml", "/tr/authors/ada/feed.json",
                "/ar/authors/ada/atom.xml")) {
            assertTrue(urls.contains(BASE + path), path);
        }
    }
}
