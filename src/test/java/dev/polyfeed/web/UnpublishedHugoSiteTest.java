package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
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
 * A Hugo site whose configuration does not say where it is published (baseURL ""): items link to
 * Polyfeed's own post pages, and the images beside a post are served by Polyfeed where its HTML points.
 */
@QuarkusTest
@TestProfile(UnpublishedHugoSiteTest.NoAddress.class)
class UnpublishedHugoSiteTest {

    public static class NoAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/sites/hugo-no-address", "polyfeed.feed-size", "20",
                    "polyfeed.base-url", "https://feeds.example.org");
        }
    }

    @Test
    void polyfeedsOwnPagesAreTheLinksAndItServesTheBundlesImages() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        assertEquals(List.of("Which oil burns cleanest", "The tin lamp"), rss.texts("//item/title"));
        assertEquals("https://feeds.example.org/en/posts/tin-lamp", rss.text("//item[title='The tin lamp']/link"));
        String html = rss.text("//item[title='The tin lamp']/content:encoded");
        assertTrue(html.contains("<img src=\"https://feeds.example.org/en/posts/tin-lamp/tin.png\" alt=\"The lamp\">"), html);
        given().get("/en/posts/tin-lamp/tin.png").then().statusCode(200).contentType("image/png");
        given().get("/en/posts/tin-lamp").then().statusCode(200);
        // a link to another post by its path on the site links Polyfeed's page for it
        String oil = rss.text("//item[title='Which oil burns cleanest']/content:encoded");
        assertTrue(oil.contains("<a href=\"https://feeds.example.org/en/posts/tin-lamp\">the tin lamp</a>"), oil);
    }
}
