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
 * A multilingual Hugo site read from its own tree (src/test/resources/sites/hugo): languages by
 * folder and by file suffix, TOML, YAML and JSON front matter, the sections params.mainSections
 * names, permalinks from hugo.toml, shortcodes rendered or reduced.
 */
@QuarkusTest
@TestProfile(HugoSiteTest.Hugo.class)
class HugoSiteTest {

    public static class Hugo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/sites/hugo", "polyfeed.feed-size", "20",
                    "polyfeed.base-url", "https://feeds.example.org");
        }
    }

    static final String SITE = "https://hugo.example.org";

    @Test
    void everyPostOfTheMainSectionInItsLanguageAndNothingElse() {
        assertEquals(List.of("The night walk", "First light"), FeedsTest.feed("/en/rss.xml").texts("//item/title"));
        assertEquals(List.of("Première lumière"), FeedsTest.feed("/fr/rss.xml").texts("//item/title"));
        // content/en/posts/laternen.de.md: German by its name's suffix, JSON front matter
        assertEquals(List.of("Die Laterne"), FeedsTest.feed("/de/rss.xml").texts("//item/title"));
        dev.polyfeed.testing.Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'content' }.data.posts", equalTo(4))
                // a draft, a post dated 2099 (which waits for its date) and an expired one are not published
                .body("checks.find { it.name == 'content' }.data.drafts", equalTo(1))
                .body("checks.find { it.name == 'content' }.data.scheduled", equalTo(1))
                .body("checks.find { it.name == 'content' }.data.nextListingChange", equalTo("2099-01-01T00:00:00Z"));
    }

    @Test
    void itemsLinkTheirPagesOnTheSiteByItsPermalinks() {
        Xml atom = FeedsTest.feed("/en/atom.xml");
        String entry = "//a:entry[a:title='First light']";
        assertEquals(SITE + "/2025/03/first-light/", atom.text(entry + "/a:link[@hreflang='en']/@href"));
        assertEquals(SITE + "/fr/2025/03/first-light/", atom.text(entry + "/a:link[@hreflang='fr']/@href"));
        // publishDate wins over date; lastmod is the update
        assertEquals("2025-03-03T05:30:00Z", atom.text(entry + "/a:published"));
        assertEquals("2025-03-05T00:00:00Z", atom.text(entry + "/a:updated"));
        assertEquals("en", atom.text(entry + "/@xml:lang"));
        assertEquals(List.of("Lamps", "Night", "Field notes"), atom.texts(entry + "/a:category/@label"));
        assertEquals(List.of("Ada Byron", "Tomas Reyes"), atom.texts(entry + "/a:author/a:name"));
        assertEquals("https://reyes.example.net", atom.text(entry + "/a:author[a:name='Tomas Reyes']/a:uri"));
        // the text before <!--more--> is the summary
        assertEquals("The wick caught on the third try, and the room changed colour.", atom.text(entry + "/a:summary"));
        Xml rss = FeedsTest.feed("/en/rss.xml");
        assertEquals(SITE + "/2025/03/walking-at-night/", rss.text("//item[title='The night walk']/link"));
        assertEquals("Out with the lantern after dark.", rss.text("//item[title='The night walk']/description"));
        assertEquals("fr", FeedsTest.feed("/fr/rss.xml").text("//channel/language"));
        assertEquals("Carnets de la lanterne", FeedsTest.feed("/fr/rss.xml").text("//channel/title"));
    }

    @Test
    void imagesAndLinksPointWhereTheSiteServesThem() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        String html = rss.text("//item[title='First light']/content:encoded");
        assertTrue(html.contains("<figure><img src=\"" + SITE + "/2025/03/first-light/lantern.png\" alt=\"A brass lantern\">"
                + "<figcaption>The lantern, lit</figcaption></figure>"), html);
        assertTrue(html.contains("src=\"" + SITE + "/images/map.png\""), html);
        assertTrue(html.contains("the lamp is version 4.2."), html);
        assertTrue(html.contains("<a href=\"https://www.youtube.com/watch?v=aqz-KE-bpKQ\"><img src=\"https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg\""), html);
        assertTrue(html.contains("<p>Trim the wick <strong>before</strong> lighting.</p>"), html);
        assertTrue(html.contains("<a href=\"" + SITE + "/2025/03/walking-at-night/\">the night walk</a>"), html);
        assertEquals(SITE + "/2025/03/first-light/lantern.png",
                rss.text("//item[title='First light']/media:content/@url"));
        String walk = rss.text("//item[title='The night walk']/content:encoded");
        assertTrue(walk.contains("<pre><code class=\"language-python\">def walk(steps):"), walk);
        assertTrue(walk.contains("<details><summary>What we carried</summary>"), walk);
        assertTrue(walk.contains("https://x.com/lanternnotes/status/1790000000000000000"), walk);
        assertTrue(walk.contains("https://vimeo.com/76979871"), walk);
        assertTrue(walk.contains("https://gist.github.com/lanternnotes/5f2a9c"), walk);
        assertTrue(walk.contains("<p>Keep to the path.</p>"), walk);
        assertTrue(walk.contains("<a href=\"" + SITE + "/2025/03/first-light/\">first light</a>"), walk);
    }

    @Test
    void noTemplateSyntaxReachesAReader() {
        GeneratorSiteFeeds.noMarkersInAnyFeed();
    }
}
