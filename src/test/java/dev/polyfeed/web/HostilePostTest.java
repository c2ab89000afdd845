package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Posts written to attack every page and feed they appear in (fixture: src/test/resources/hostile-content:
 * script in the site title, post title, description, tags and author; event handlers, javascript: and
 * data: links in any case and with spaces, SVG with script, a CSS expression, frames, objects, forms,
 * MathML links). Every page a browser can open (home, feeds' pages, tag pages, post pages) and every
 * item of every feed format shows no active content: no script but the pages' own, no handler, no
 * script URL, no frame, no object, no form, no CSS expression.
 */
@QuarkusTest
@TestProfile(HostilePostTest.HostileContent.class)
class HostilePostTest {

    public static class HostileContent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/hostile-content", "polyfeed.base-url",
                    "https://feeds.example.org");
        }
    }

    @Test
    void noPageABrowserOpensRunsAnythingButItsOwnScript() {
        List<String> pages = new ArrayList<>(List.of("/", "/en/", "/ar/", "/en/posts/attack", "/ar/posts/hujum",
                "/rss.xml", "/en/rss.xml", "/en/atom.xml", "/en/feed.json", "/ar/rss.xml"));
        Document home = page("/");
        for (Element link : home.select("a[href^=https://feeds.example.org/]:not([href$=.opml])")) {
            pages.add(link.attr("href").substring("https://feeds.example.org".length()));
        }
        assertTrue(pages.stream().anyMatch(path -> path.contains("/tags/")), "tag pages are among them: " + pages);
        for (String path : pages) {
            Document page = page(path);
            assertEquals(1, page.select("script").size(), path + ": the page's own script only");
            assertEquals("", page.selectFirst("script").attr("src"), path);
            assertTrue(page.selectFirst("script").data().startsWith("for(const b of document.querySelectorAll("), path);
            assertInert(page.body(), path);
            assertInert(page.head(), path);
        }
        assertTrue(page("/en/posts/attack").selectFirst("article h1").text().contains("<script>alert('title')</script>"),
                "the title is shown as the text it is");
    }

    @Test
    void noFeedItemCarriesActiveContent() {
        for (String path : List.of("/en/rss.xml", "/rss.xml", "/ar/rss.xml")) {
            Xml rss = Xml.parse(given().get(path).then().statusCode(200).extract().asByteArray());
            for (String html : rss.texts("//item/content:encoded")) {
                assertInert(Jsoup.parseBodyFragment(html).body(), path);
            }
            for (String html : rss.texts("//item/description")) {
                assertInert(Jsoup.parseBodyFragment(html).body(), path);
            }
        }
        for (String path : List.of("/en/atom.xml", "/atom.xml")) {
            Xml atom = Xml.parse(given().get(path).then().statusCode(200).extract().asByteArray());
            for (String html : atom.texts("//a:entry/a:content")) {
                assertInert(Jsoup.parseBodyFragment(html).body(), path);
            }
            for (String html : atom.texts("//a:entry/a:summary")) {
                assertInert(Jsoup.parseBodyFragment(html).body(), path);
            }
        }
        JsonPath json = new JsonPath(given().get("/en/feed.json").then().statusCode(200).extract().asString());
        for (String html : json.getList("items.content_html", String.class)) {
            assertInert(Jsoup.parseBodyFragment(html).body(), "/en/feed.json");
        }
    }

    private static Document page(String path) {
        return Jsoup.parse(given().urlEncodingEnabled(false).accept("text/html").get(path).then().statusCode(200)
                .contentType("text/html; charset=utf-8").extract().asString());
    }

    /** Nothing under this element can run: no script, handler, script URL, frame, object, form or CSS expression. */
    private static void assertInert(Element root, String where) {
        for (Element element : root.getAllElements()) {
            String name = element.normalName();
            if (name.equals("script")) {
                continue; // counted by the caller: pages have exactly their own
            }
            assertFalse(List.of("iframe", "frame", "object", "embed", "form", "svg", "math", "base", "meta")
                    .contains(name) && !element.parents().is("head"), where + ": <" + name + ">");
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), where + ": " + key + " on <" + name + ">");
                assertFalse(value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:text/html"), where + ": " + key + "=" + attribute.getValue());
                assertFalse(key.equals("style") && value.contains("expression("), where + ": " + attribute.getValue());
            }
        }
    }
}
