package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
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
 * Every HTML page of the fixture tree (src/test/resources/fixture-content) forbids what it does not
 * use: no script, no frame, no form, only its own inline style (allowed by its hash, which must be
 * the hash of the style the page really carries); and one address per page, no trailing slash.
 */
@QuarkusTest
class PageSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/tr/posts/merhaba", "/ar/posts/merhaba"})
    void pagesCarryAStrictContentSecurityPolicyThatAllowsTheirOwnStyle(String path) throws Exception {
        Response response = given().get(path).then().statusCode(200).extract().response();
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("script-src"), policy);
        Document page = Jsoup.parse(response.asString());
        assertEquals(0, page.select("script, iframe, form, object, embed").size(), path);
        String style = page.selectFirst("style").data();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.getBytes(StandardCharsets.UTF_8)));
        assertTrue(policy.contains("style-src 'sha256-" + hash + "'"), policy);
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tr/rss.xml/", "/tr/posts/merhaba/", "/tags/ai/atom.xml/"})
    void aTrailingSlashRedirectsToTheOneAddress(String path) {
        given().redirects().follow(false).get(path).then().statusCode(301)
                .header("Location", endsWith(path.substring(0, path.length() - 1)));
    }
}
