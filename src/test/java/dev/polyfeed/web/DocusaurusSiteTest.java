package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A Docusaurus site read from its own tree (src/test/resources/sites/docusaurus): blog/ and its
 * Turkish translation under i18n/, authors.yml beside the posts, dates from file and folder names,
 * truncate markers, admonitions, MDX, unlisted and draft posts.
 */
@QuarkusTest
@TestProfile(DocusaurusSiteTest.Docusaurus.class)
class DocusaurusSiteTest {

    public static class Docusaurus implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/sites/docusaurus", "polyfeed.feed-size", "20",
                    "polyfeed.base-url", "https://feeds.example.org");
        }
    }

    static final String SITE = "https://tidewater.example.com";

    @Test
    void everyListedPostInItsLanguage() {
        assertEquals(List.of("The lighthouse keeper", "Harbour lights", "Reading tide tables"),
                FeedsTest.feed("/en/rss.xml").texts("//item/title"));
        assertEquals(List.of("Gelgit tablolarını okumak"), FeedsTest.feed("/tr/rss.xml").texts("//item/title"));
        dev.polyfeed.testing.Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'content' }.data.posts", equalTo(4))
                .body("checks.find { it.name == 'content' }.data.drafts", equalTo(2));
    }

    @Test
    void itemsLinkTheirPagesAndTranslations() {
        Xml atom = FeedsTest.feed("/en/atom.xml");
        String entry = "//a:entry[a:title='Reading tide tables']";
        assertEquals(SITE + "/blog/2024/02/10/tide-tables", atom.text(entry + "/a:link[@hreflang='en']/@href"));
        assertEquals(SITE + "/tr/blog/2024/02/10/tide-tables", atom.text(entry + "/a:link[@hreflang='tr']/@href"));
        assertEquals("2024-02-10T00:00:00Z", atom.text(entry + "/a:published"));
        assertEquals("Mira Sand", atom.text(entry + "/a:author/a:name"));
        assertEquals("https://mira.example.com", atom.text(entry + "/a:author/a:uri"));
        assertEquals(SITE + "/img/tides.png", atom.text(entry + "/media:content/@url"));
        // the date of blog/2024/07/20/lighthouse-keeper.md is in its folders
        assertEquals("2024-07-20T00:00:00Z", atom.text("//a:entry[a:title='The lighthouse keeper']/a:published"));
        assertEquals(SITE + "/blog/2024/07/20/lighthouse-keeper",
                atom.text("//a:entry[a:title='The lighthouse keeper']/a:link/@href"));
        Xml tr = FeedsTest.feed("/tr/atom.xml");
        assertEquals("tr", tr.text("//a:entry/@xml:lang"));
        assertEquals(List.of("Mira Sand", "Osman Kaya"), tr.texts("//a:entry/a:author/a:name"));
    }

    @Test
    void admonitionsTruncateAndMdxBecomeHtml() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        String tides = rss.text("//item[title='Reading tide tables']/content:encoded");
        assertTrue(tides.contains("<blockquote>\n<p><strong>Note</strong></p>\n<p>The tables use local time.</p>\n</blockquote>"), tides);
        assertTrue(tides.contains("<p><strong>Remember the moon</strong></p>"), tides);
        assertTrue(tides.contains("src=\"" + SITE + "/img/low-water.png\""), tides);
        String lights = rss.text("//item[title='Harbour lights']/content:encoded");
        assertTrue(lights.contains("<p>By day the lights are shapes.</p>"), lights);
        assertTrue(lights.contains("<p><strong>Warning</strong></p>"), lights);
        // the text before {/* truncate */} is the summary
        assertEquals("Green to starboard, red to port.", rss.text("//item[title='Harbour lights']/description"));
        String tr = FeedsTest.feed("/tr/rss.xml").text("//item/content:encoded");
        assertTrue(tr.contains("<p><strong>Ayın etkisi</strong></p>"), tr);
    }

    @Test
    void imagesBesideAPostAreServedWhereItsHtmlPoints() {
        String lights = FeedsTest.feed("/en/rss.xml").text("//item[title='Harbour lights']/content:encoded");
        String beacon = "https://feeds.example.org/en/posts/harbour-lights/beacon.png";
        assertTrue(lights.contains("<img src=\"" + beacon + "\" alt=\"The beacon\">"), lights);
        byte[] png = given().get("/en/posts/harbour-lights/beacon.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertEquals((byte) 0x89, png[0]);
        given().get("/en/posts/harbour-lights/index.mdx").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/en/posts/harbour-lights/..%2F2024-02-10-tide-tables.md").then().statusCode(404);
        given().get("/en/posts/harbour-lights/missing.png").then().statusCode(404);
    }

    @Test
    void noTemplateSyntaxReachesAReader() {
        GeneratorSiteFeeds.noMarkersInAnyFeed();
    }
}
