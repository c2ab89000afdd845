package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A content folder with no post: the server runs, says so, and is not ready for traffic. */
@QuarkusTest
@TestProfile(NoContentTest.Empty.class)
class NoContentTest {

    public static class Empty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/empty-content");
        }
    }

    @Test
    void notReadyAndEveryFeedIs404() {
        Management.given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'content' }.data.posts", equalTo(0))
                .body("checks.find { it.name == 'content' }.data.reason", containsString("no post"));
        Management.given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/tr/rss.xml").then().statusCode(404).body(containsString("Languages: none"));
        given().when().get("/").then().statusCode(200).body(containsString("Nothing yet"));
    }
}
