package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * RFC 9110 section 6.6.1: an origin server with a clock sends {@code Date} on every 2xx, 3xx and 4xx
 * answer, whichever route answers it (documents on the event loop, redirects and 404s in the JAX-RS
 * resource, health on the management port). Fixture: {@code src/test/resources/fixture-content}.
 */
@QuarkusTest
class DateHeaderTest {

    /** IMF-fixdate, parsed strictly: a two-digit day, English names, GMT. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static void assertDatedNow(int status, Supplier<RequestSpecification> client, String method, String path) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Response response = client.get().redirects().follow(false).request(method, path);
        Instant after = Instant.now();
        assertEquals(status, response.statusCode(), method + " " + path);
        String date = response.header("Date");
        assertNotNull(date, method + " " + path + " has no Date");
        Instant sent = ZonedDateTime.parse(date, IMF_FIXDATE).toInstant();
        assertTrue(!sent.isBefore(before) && !sent.isAfter(after), method + " " + path + ": " + date + " is not now");
        assertEquals(1, response.headers().getValues("Date").size(), method + " " + path + " has two Date headers");
    }

    @Test
    void documentsAndTheirRevalidationsAreDated() {
        assertDatedNow(200, () -> given(), "GET", "/tr/rss.xml");
        assertDatedNow(200, () -> given().header("Accept-Encoding", "gzip"), "HEAD", "/tr/atom.xml");
        String etag = given().get("/tr/rss.xml").header("ETag");
        assertDatedNow(304, () -> given().header("If-None-Match", etag), "GET", "/tr/rss.xml");
    }

    @Test
    void redirectsAndErrorsAreDated() {
        assertDatedNow(404, () -> given(), "GET", "/tr/tags/no-such-tag/rss.xml");
        assertDatedNow(405, () -> given(), "POST", "/tr/rss.xml");
        // as sent, not encoded again
        assertDatedNow(400, () -> given().urlEncodingEnabled(false), "GET", "/tr/posts/%C3");
        assertDatedNow(301, () -> given(), "GET", "/pt-br/atom.xml");
    }

    @Test
    void healthOnTheManagementPortIsDated() {
        assertDatedNow(200, Management::given, "GET", "/q/health/live");
    }
}
