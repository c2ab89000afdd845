package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Renders bounded to one at a time and no wait for a turn: a burst of first requests for different
 * feeds of the fixture tree (src/test/resources/fixture-content) gets each feed or a 503 that says when
 * to come back, never a 500.
 */
@QuarkusTest
@TestProfile(BusyTest.OneRenderAtATime.class)
class BusyTest {

    public static class OneRenderAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.render.concurrency", "1", "polyfeed.render.queue-timeout", "0s");
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aBurstOfFirstRequestsGetsFeedsOr503WithRetryAfterNever500() {
        List<String> urls = Xml.parse(FeedsTest.fetch("/feeds.opml")).texts("//outline/@xmlUrl").stream()
                .map(url -> url.substring(FeedsTest.BASE.length())).toList();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (String path : urls) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            if (response.statusCode() == 503) {
                busy++;
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
                assertTrue(response.body().contains("retry"), response.body());
            } else {
                assertEquals(200, response.statusCode(), response.uri() + ": " + response.body());
            }
        }
        assertTrue(busy > 0, "with one render at a time and no wait, a burst of " + urls.size() + " first requests"
                + " finds it busy");
    }
}
