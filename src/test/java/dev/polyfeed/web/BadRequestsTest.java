package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.polyfeed.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;

/** What scanners and broken clients send: always a 4xx, never a 500, a stack trace or a file. */
@QuarkusTest
class BadRequestsTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private void assertRefused(RawHttp.Reply reply, String path) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, path + " -> " + reply.status());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), path + ": " + reply.body());
        assertFalse(reply.body().contains("title:"), path + " leaked a content file: " + reply.body());
        assertFalse(reply.body().contains("<project"), path + " leaked a project file: " + reply.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../pom.xml", "/../../../../etc/passwd", "/%2e%2e/pom.xml", "/%2e%2e/%2e%2e/etc/passwd",
            "/tr/%2e%2e/%2e%2e/pom.xml", "/tr%2F..%2F..%2Fpom.xml", "/tr/posts/..%2F..%2Fsite.yml",
            "/tr/posts/..%5c..%5cpom.xml", "/src/test/resources/fixture-content/site.yml", "/tr/tags/%2F/rss.xml",
            "/fixture-content/tr/tablo.md", "/tr/posts/%2e%2e", "/.git/config", "/WEB-INF/web.xml"})
    void pathTraversalNeverReadsAFile(String path) throws IOException {
        RawHttp.Reply reply = RawHttp.get(port, path);
        assertRefused(reply, path);
        assertEquals(404, reply.status(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tr/posts/%C3", "/tr/posts/%C3%28", "/%FF%FE/rss.xml"})
    void percentEncodingThatIsNotUtf8Is400(String path) throws IOException {
        RawHttp.Reply reply = RawHttp.get(port, path);
        assertRefused(reply, path);
        assertEquals(400, reply.status(), path);
    }

    /** A '%' that starts no escape is what a browser sends for a typed '%': it is a percent sign. */
    @ParameterizedTest
    @ValueSource(strings = {"/tr/posts/%", "/tr/posts/%zz", "/tr/rss.xml?x=%"})
    void aPercentSignThatStartsNoEscapeIsRedirectedToItsEscape(String path) throws IOException {
        RawHttp.Reply reply = RawHttp.get(port, path);
        assertEquals(301, reply.status(), path);
        String location = reply.head().lines().filter(line -> line.toLowerCase().startsWith("location:")).findFirst()
                .orElseThrow().substring("location:".length()).strip();
        assertEquals(path.replace("%", "%25"), location);
        RawHttp.Reply followed = RawHttp.get(port, location);
        assertFalse(followed.body().contains("Exception"), followed::toString);
        assertTrue(followed.status() == 404 || followed.status() == 200, followed::toString);
    }

    @Test
    void controlCharactersAreNotEchoed() throws IOException {
        RawHttp.Reply reply = RawHttp.get(port, "/%00%1B%5B31m/rss.xml");
        assertEquals(404, reply.status());
        assertFalse(reply.body().contains("\u0000") || reply.body().contains("\u001B"), reply.body());
        assertTrue(reply.head().contains("X-Content-Type-Options: nosniff"), reply.head());
    }

    @Test
    void overlongPathsAndTagsAreRefused() throws IOException {
        String longTag = "a".repeat(3000);
        RawHttp.Reply tag = RawHttp.get(port, "/tr/tags/" + longTag + "/rss.xml");
        assertRefused(tag, "long tag");
        assertEquals(404, tag.status());
        assertTrue(tag.body().length() < 2000, "the reason quotes at most a short piece: " + tag.body().length());
        RawHttp.Reply path = RawHttp.get(port, "/" + "x/".repeat(5000));
        assertRefused(path, "long path");
        assertEquals(414, path.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept: application/json", "Accept: */*;q=abc", "Accept:",
            "Accept: ÿÿÿ", "Accept-Encoding: gzip;q=banana", "If-Modified-Since: yesterday", "If-None-Match: \"\""})
    void oddHeadersStillGetTheFeed(String header) throws IOException {
        RawHttp.Reply reply = RawHttp.get(port, "/tr/rss.xml", header);
        assertEquals(200, reply.status(), header);
        assertTrue(reply.body().contains("<rss"), header);
    }

    @Test
    void anOddAcceptThatNamesHtmlGetsTheFeedsPage() throws IOException {
        RawHttp.Reply reply = RawHttp.get(port, "/tr/rss.xml", "Accept: text/html;;;");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("<!DOCTYPE html>") && reply.body().contains("id=\"feed-url\""), reply.body());
    }
}
