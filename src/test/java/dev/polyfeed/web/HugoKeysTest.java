package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.polyfeed.address.Address;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Hugo's {@code translationKey} and {@code aliases}, on a bilingual Hugo site whose address is known
 * (src/test/resources/sites/hugo-keys): translations with slugs of their own are tied by their key,
 * and an old address of a post redirects to its page on that site. The same for a site without an
 * address is in {@link UnpublishedHugoSiteTest}.
 */
@QuarkusTest
@TestProfile(HugoKeysTest.Keys.class)
class HugoKeysTest {

    static final String FIXTURE = "src/test/resources/sites/hugo-keys";
    static final String SITE = "https://tides.example.net";

    public static class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", FIXTURE, "polyfeed.base-url", "https://feeds.example.org");
        }
    }

    @Test
    void translationsAreTiedByTheirKeyWhateverTheirSlugs() {
        Xml atom = FeedsTest.feed("/en/atom.xml");
        String neap = "//a:entry[a:title='Neap tides']";
        assertEquals(SITE + "/2024/neap-tides/", atom.text(neap + "/a:link[@hreflang='en']/@href"));
        assertEquals(SITE + "/fr/2024/mortes-eaux/", atom.text(neap + "/a:link[@hreflang='fr']/@href"));
        // same file name, but the French one names a key of its own: no translation of each other
        assertEquals(List.of("en"), atom.texts("//a:entry[a:title='Spring tides']/a:link[@rel='alternate']/@hreflang"));

        Document page = Jsoup.parse(given().get("/fr/posts/mortes-eaux").then().statusCode(200).extract().asString());
        assertEquals(List.of("https://feeds.example.org/en/posts/neap-tides"),
                page.select("#translations a").eachAttr("href"));
        assertEquals("https://feeds.example.org/en/posts/neap-tides", page.select("link[rel=alternate][hreflang=en]").attr("href"));
        Document spring = Jsoup.parse(given().get("/fr/posts/spring-tides").then().statusCode(200).extract().asString());
        assertTrue(spring.select("#translations").isEmpty(), spring.html());
    }

    @Test
    void anOldAddressRedirectsToThePostsPageOnTheSite() {
        for (String old : List.of("/2019/06/neap/", "/2019/06/neap", "/2019/06/Neap/index.html", "/2024/small-tides/")) {
            given().redirects().follow(false).get(old).then().statusCode(301)
                    .header("Location", SITE + "/2024/neap-tides/");
        }
        given().redirects().follow(false).get("/fr/ancien/mortes-eaux.html").then().statusCode(301)
                .header("Location", SITE + "/fr/2024/mortes-eaux/");
        given().redirects().follow(false).get("/2019/06/elsewhere/").then().statusCode(404);
    }

    @Test
    void anAliasNeverHidesADocumentAndIsReported() {
        // neap-tides.md names /en/rss.xml as an alias: the feed is still there
        assertEquals(List.of("Neap tides", "Spring tides"), FeedsTest.feed("/en/rss.xml").texts("//item/title"));
        List<String> warnings = new ContentLoader(Address::postPath).load(Path.of(FIXTURE), Optional.of("https://feeds.example.org"))
                .catalog().problems().stream().map(ContentProblem::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("neap-tides.md") && w.contains("alias /en/rss.xml")
                && w.contains("where Polyfeed serves its own pages and feeds")), warnings.toString());
        // two posts naming one old address: the first file keeps it
        assertTrue(warnings.stream().anyMatch(w -> w.contains("spring-tides.md") && w.contains("alias /2019/06/neap")
                && w.contains("an alias of") && w.contains("neap-tides.md")), warnings.toString());
    }
}
