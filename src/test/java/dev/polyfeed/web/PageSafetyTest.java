package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every HTML page of the fixture tree (src/test/resources/fixture-content), feeds' pages included,
 * forbids what it does not use: no frame, no form, no script but its own one, only its own inline style
 * and script (allowed by their hashes, which must be the hashes of what the page really carries); and
 * one address per page, no trailing slash.
 */
@QuarkusTest
class PageSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/tr/posts/merhaba", "/ar/posts/merhaba", "/ar/", "/tr/tags/ai/", "/tr/rss.xml",
            "/tags/ai/archive/1/atom.xml", "/authors/ada/feed.json"})
    void pagesCarryAStrictContentSecurityPolicyThatAllowsTheirOwnStyleAndScript(String path) throws Exception {
        Response response = given().accept("text/html").get(path).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().response();
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        Document page = Jsoup.parse(response.asString());
        assertEquals(0, page.select("iframe, form, object, embed, script[src]").size(), path);
        assertEquals(1, page.select("script").size(), "the copy button's script, and nothing else: " + path);
        assertTrue(policy.contains("style-src 'sha256-" + sha256(page.selectFirst("style").data()) + "'"), policy);
        assertTrue(policy.contains("script-src 'sha256-" + sha256(page.selectFirst("script").data()) + "';"), policy);
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tr/rss.xml/", "/tr/posts/merhaba/", "/tags/ai/atom.xml/"})
    void aTrailingSlashRedirectsToTheOneAddress(String path) {
        given().redirects().follow(false).get(path).then().statusCode(301)
                .header("Location", endsWith(path.substring(0, path.length() - 1)));
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
