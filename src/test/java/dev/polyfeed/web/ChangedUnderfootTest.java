package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A post's file rewritten on disk while nothing watches the folder, before any request rendered the
 * post: the publication keeps bodies in their files, so it cannot render what it loaded. The reader
 * is told to retry (503, Retry-After), and the change makes the server load the folder again, after
 * which the new post is served. Runs on a copy of {@code fixture-content} in {@code target/changed-content}.
 */
@QuarkusTest
@TestProfile(ChangedUnderfootTest.NotWatching.class)
class ChangedUnderfootTest {

    static final Path CONTENT = Path.of("target", "changed-content");

    public static class NotWatching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ReloadTest.copyFixture(CONTENT);
            return Map.of("polyfeed.content-dir", CONTENT.toString(), "polyfeed.watch", "false");
        }
    }

    @Test
    void aPostRewrittenSinceTheLoadIsRetriedThenServedAsItIsNow() throws Exception {
        Path post = CONTENT.resolve("tr/2024-03-01-merhaba.md");
        String text = Files.readString(post);
        assertTrue(text.contains("title: Merhaba dünya"), text);
        ReloadTest.write(CONTENT, "tr/2024-03-01-merhaba.md", text.replace("title: Merhaba dünya", "title: Yeniden merhaba"));

        given().when().get("/tr/posts/merhaba").then().statusCode(503).header("Retry-After", "1")
                .body(containsString("loaded again"));
        ReloadTest.eventually("the rewritten post", () -> given().when().get("/tr/posts/merhaba").statusCode() == 200);
        given().when().get("/tr/posts/merhaba").then().statusCode(200)
                .body(containsString("Yeniden merhaba"), not(containsString("Merhaba dünya")));
    }
}
