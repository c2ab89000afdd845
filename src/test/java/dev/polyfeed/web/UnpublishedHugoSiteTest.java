package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A Hugo site whose configuration does not say where it is published (baseURL ""): items link to
 * Polyfeed's own post pages, the images beside a post and the files of static/ are served by Polyfeed
 * where its HTML points, and old addresses (aliases) redirect to Polyfeed's page for the post.
 */
@QuarkusTest
@TestProfile(UnpublishedHugoSiteTest.NoAddress.class)
class UnpublishedHugoSiteTest {

    static final String FIXTURE = "src/test/resources/sites/hugo-no-address";

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

    @Test
    void theSitesStaticFilesAreServedWhereItsHtmlPoints() throws java.io.IOException {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        Document oil = Jsoup.parseBodyFragment(rss.text("//item[title='Which oil burns cleanest']/content:encoded"));
        String wick = oil.selectFirst("img[alt='A trimmed wick']").attr("src");
        assertEquals("https://feeds.example.org/images/wick.svg", wick);
        byte[] svg = given().get(wick.substring("https://feeds.example.org".length())).then().statusCode(200)
                .contentType("image/svg+xml").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of(FIXTURE, "static/images/wick.svg")), svg);
        String etag = given().get("/images/wick.svg").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/images/wick.svg").then().statusCode(304);
        // a link to a file the site does not have, folders, sources, configuration, Hugo's assets/ and
        // ways out of static/ find nothing
        String elsewhere = Jsoup.parseBodyFragment(rss.text("//item[title='The tin lamp']/content:encoded"))
                .selectFirst("img[alt='Elsewhere']").attr("src");
        assertEquals("https://feeds.example.org/images/elsewhere.png", elsewhere);
        for (String nothing : List.of("/images/elsewhere.png", "/images/", "/images", "/notes.toml", "/config.yaml",
                "/static/images/wick.svg", "/wick.svg", "/assets/wick.svg", "/images/%2E%2E/notes.toml",
                "/images%2Fwick.svg", "/images/wick.svg/", "/content/posts/2024-04-20-oil.md", "/images/../../config.yaml")) {
            given().redirects().follow(false).get(nothing).then().statusCode(404);
        }
    }

    @Test
    void anOldAddressRedirectsToPolyfeedsPageForThePost() {
        for (String old : List.of("/2024/04/oil/", "/2024/04/oil", "/posts/old-oil/")) {
            given().redirects().follow(false).get(old).then().statusCode(301).header("Location", "/en/posts/oil");
        }
        given().get("/2024/04/oil/").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"));
    }
}
