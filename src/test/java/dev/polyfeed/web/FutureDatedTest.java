package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A Jekyll site with {@code future: true} serves its posts dated ahead at once, so its feeds' newest change
 * is ahead of the clock; their answers still date none later than themselves (RFC 9110 section 8.8.2.1:
 * {@code Last-Modified} no later than {@code Date}, and that date in place of one ahead). Fixture:
 * {@code scheduled/jekyll-future}, posts dated 2029 and 2030.
 */
@QuarkusTest
@TestProfile(FutureDatedTest.FutureTrue.class)
class FutureDatedTest {

    public static class FutureTrue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/scheduled/jekyll-future");
        }
    }

    private static final ZonedDateTime NEWEST = http("Sat, 01 Jun 2030 00:00:00 GMT");

    @Test
    void feedsOfPostsDatedAheadAreLastModifiedWhenAnswered() {
        FeedsTest.feed("/en/atom.xml"); // rendered once, so the answers below are the served ones
        for (Response response : new Response[] {given().get("/en/atom.xml"), given().head("/en/rss.xml"),
                given().header("Accept-Encoding", "gzip").get("/rss.xml")}) {
            assertEquals(200, response.statusCode());
            ZonedDateTime date = http(response.header("Date"));
            ZonedDateTime lastModified = http(response.header("Last-Modified"));
            // the newest post is dated 1 June 2030: until then, the answer's own date stands in for it
            assertEquals(date.isBefore(NEWEST) ? date : NEWEST, lastModified);
        }
    }

    private static ZonedDateTime http(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
