package dev.polyfeed.web;

import static dev.polyfeed.web.FeedsTest.BASE;
import static dev.polyfeed.web.FeedsTest.fetch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.polyfeed.testing.AtomSchema;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The index, OPML, post pages, 404s, redirects and revalidation. */
@QuarkusTest
class SiteTest {

    @Test
    void everyFeedInTheOpmlsIsServedWellFormedAndAtomOnesMatchRfc4287() {
        List<String> urls = new java.util.ArrayList<>();
        for (String list : List.of("/feeds.opml", "/feeds-atom.opml", "/feeds-json.opml")) {
            Xml opml = Xml.parse(fetch(list));
            assertEquals("2.0", opml.text("/opml/@version"));
            List<String> listed = opml.texts("//outline/@xmlUrl");
            // the site's feed; tr: itself + ai, açık-kaynak, c-c++, i̇stanbul + authors ada, nobody; ar:
            // itself + ai, البرمجيات-الحرة + author ada; en: itself + ai, café + author grace-hopper (inline);
            // pt-BR: itself + notícias; those 7 tags and 3 authors across languages: each once, in one format
            assertEquals(1 + (5 + 2) + (3 + 1) + (3 + 1) + 2 + (7 + 3), listed.size(), list);
            assertEquals(listed.size(), new java.util.HashSet<>(listed).size(), list + " lists each feed once");
            String file = list.equals("/feeds.opml") ? "rss.xml" : list.equals("/feeds-atom.opml") ? "atom.xml" : "feed.json";
            assertTrue(listed.stream().allMatch(url -> url.endsWith("/" + file)), list);
            assertEquals(List.of(), opml.texts("//outline[@xmlUrl and @type!='rss']/@xmlUrl"), list);
            // OPML 2.0's versions are RSS's (RSS, RSS1, RSS2, scriptingNews): none is named for Atom or JSON
            assertEquals(list.equals("/feeds.opml") ? listed.size() : 0, opml.count("//outline[@version='RSS2']"), list);
            assertEquals(0, opml.count("//outline[@version!='RSS2']"), list);
            // folders carry their name only; a title there makes them read as subscriptions with no type
            assertEquals(List.of(), opml.texts("//outline[not(@type)]/@*[name()!='text']"), list);
            assertEquals(List.of("ar", "en", "pt-BR", "tr"),
                    opml.texts("/opml/body/outline[@text!='Tags and authors, all languages']/outline[1]/@language"));
            urls.addAll(listed);
        }
        assertTrue(urls.contains(BASE + "/rss.xml") && urls.contains(BASE + "/atom.xml"), "the site's own feed");
        for (String url : urls) {
            assertTrue(url.startsWith(BASE + "/"), url);
            byte[] body = fetch(url.substring(BASE.length()));
            if (url.endsWith("/feed.json")) {
                JsonPath json = new JsonPath(new String(body, StandardCharsets.UTF_8));
                assertEquals("https://jsonfeed.org/version/1.1", json.getString("version"), url);
                assertTrue(json.getList("items").size() > 0, url);
                continue;
            }
            Xml feed = Xml.parse(body);
            if (url.endsWith("/atom.xml")) {
                assertEquals(List.of(), AtomSchema.violations(body), url);
                assertTrue(feed.count("//a:entry") > 0, url);
                assertEquals(feed.count("//a:entry"), feed.count("//a:entry[@xml:lang]"), url);
            } else {
                assertTrue(feed.count("//item") > 0, url);
                assertEquals(feed.count("//item"), feed.count("//item/dc:language"), url);
            }
        }
    }

    @Test
    void homeOffersOnlyTheSitesAndEachLanguagesFeedToDiscovery() {
        given().when().get("/").then().statusCode(200).contentType(startsWith("text/html"));
        Document index = Jsoup.parse(new String(fetch("/"), StandardCharsets.UTF_8));
        List<String> rss = index.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href");
        assertEquals(List.of(BASE + "/rss.xml", BASE + "/ar/rss.xml", BASE + "/en/rss.xml", BASE + "/pt-BR/rss.xml",
                BASE + "/tr/rss.xml"), rss);
        assertEquals(0, index.select("link[rel=alternate][type=application/atom+xml]").size());
        assertEquals(List.of(BASE + "/feeds.opml", BASE + "/feeds-atom.opml", BASE + "/feeds-json.opml"),
                index.select("link[rel=alternate][type=text/x-opml]").eachAttr("href"));
        assertEquals("en", index.selectFirst("html").attr("lang"));
        assertEquals(BASE + "/rss.xml", index.selectFirst("#feed-url").attr("value"));
        // the Turkish posts tagged AI: 2024-03-01-merhaba and tablo ("tags: ai"), each a link to the tag's page
        Element ai = index.selectFirst("section[lang=tr] .tags a[href=" + BASE + "/tr/tags/ai/]");
        assertEquals("#AI", ai.text());
        assertEquals("(2)", ai.nextElementSibling().text());
        assertEquals("rtl", index.selectFirst("section[lang=ar]").attr("dir"));
        assertEquals("ltr", index.selectFirst("section[lang=tr]").attr("dir"));
        assertEquals("العربية", index.selectFirst("section[lang=ar] h2").text());
    }

    @Test
    void postPageCarriesLanguageDirectionAndTranslations() {
        Document page = Jsoup.parse(new String(fetch("/ar/posts/merhaba"), StandardCharsets.UTF_8));
        assertEquals("ar", page.selectFirst("html").attr("lang"));
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        assertEquals("مرحبا بالعالم", page.selectFirst("article h1").text());
        assertEquals(BASE + "/ar/posts/merhaba", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(List.of("ar", "en", "tr"), page.select("link[rel=alternate][hreflang]").eachAttr("hreflang"));
        assertEquals(BASE + "/tr/posts/merhaba", page.selectFirst("link[hreflang=tr]").attr("href"));
        assertEquals(BASE + "/ar/rss.xml", page.selectFirst("link[type=application/rss+xml]").attr("href"));
    }

    @ParameterizedTest
    @CsvSource({
            "/xx/rss.xml,               No language 'xx'",
            "/drafts/atom.xml,          No language 'drafts'",
            "/tr/tags/nope/rss.xml,     No tag 'nope' in tr",
            "/ar/tags/deepseek/atom.xml, No tag 'deepseek' in ar",
            "/tags/nope/atom.xml,       No tag 'nope'",
            "/tr/posts/nope,            No post 'nope' in tr",
    })
    void unknownThingsAre404WithAPlainTextReason(String path, String reason) {
        given().when().get(path).then().statusCode(404).contentType(startsWith("text/plain"))
                .body(containsString(reason));
    }

    @ParameterizedTest
    @CsvSource({
            "/TR/rss.xml,           /tr/rss.xml",
            "/tags/AI/rss.xml,      /tags/ai/rss.xml",
            "/Tr/tags/Ai/atom.xml,  /tr/tags/ai/atom.xml",
            "/TR/posts/merhaba,     /tr/posts/merhaba",
    })
    void otherSpellingsRedirectToTheCanonicalUrl(String path, String canonical) {
        given().redirects().follow(false).when().get(path).then().statusCode(301).header("Location", canonical);
    }

    @Test
    void revalidationAnswers304() {
        var first = given().when().get("/tr/atom.xml").then().statusCode(200).extract();
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        assertEquals("Tue, 05 Mar 2024 07:00:00 GMT", lastModified);
        given().header("If-None-Match", etag).when().get("/tr/atom.xml").then().statusCode(304)
                .header("ETag", etag).body(emptyString());
        given().header("If-Modified-Since", lastModified).when().get("/tr/atom.xml").then().statusCode(304);
        given().header("If-Modified-Since", "Mon, 04 Mar 2024 00:00:00 GMT").when().get("/tr/atom.xml").then()
                .statusCode(200);
        // If-None-Match wins over If-Modified-Since (RFC 9110 section 13.1.3)
        given().header("If-None-Match", "\"other\"").header("If-Modified-Since", lastModified)
                .when().get("/tr/atom.xml").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tr/rss.xml", "/tr/atom.xml", "/tags/ai/rss.xml"})
    void etagsDifferBetweenFeeds(String path) {
        String etag = given().when().get(path).then().extract().header("ETag");
        String other = given().when().get("/ar/atom.xml").then().extract().header("ETag");
        assertTrue(!etag.equals(other), path);
    }
}
