package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Tag;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With a hub configured, a reload that changes feeds tells the hub which: a WebSub publish request,
 * sent again when the hub fails. The hub is a server on the loopback interface that records what it is
 * sent.
 */
@QuarkusTest
@TestProfile(WebSubPublishTest.WithLocalHub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSubPublishTest {

    static final Path CONTENT = Path.of("target", "websub-content");

    public static class WithLocalHub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ReloadTest.copyFixture(CONTENT);
            return Map.of("polyfeed.content-dir", CONTENT.toString(), "polyfeed.watch", "true",
                    "polyfeed.websub.hub", Hub.started().url() + "/hub", "polyfeed.websub.retry-backoff", "50ms",
                    "polyfeed.websub.timeout", "2s");
        }
    }

    /**
     * A WebSub hub on the loopback interface: it records each request to {@code /hub} and answers 204,
     * or 500 once per {@code POST /fail-next}; {@code GET /received} lists what it recorded. The test
     * asks it over HTTP because the profile that starts it and the test may be loaded by different class
     * loaders, each with its own static fields.
     */
    static final class Hub {
        private static Hub started;
        final List<String> received = new CopyOnWriteArrayList<>();
        final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
        private final HttpServer server;

        static synchronized Hub started() {
            if (started == null) {
                started = new Hub();
            }
            return started;
        }

        private Hub() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hub", exchange -> {
                // one line each: method, content type and the form body, which holds no tab or line end
                received.add(exchange.getRequestMethod() + "\t" + exchange.getRequestHeaders().getFirst("Content-Type") + "\t"
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Integer status = answers.poll();
                exchange.sendResponseHeaders(status == null ? 204 : status, -1);
                exchange.close();
            });
            server.createContext("/fail-next", exchange -> {
                answers.add(500);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/received", exchange -> {
                byte[] body = String.join("\n", received).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
        }

        String url() {
            return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
        }
    }

    /** The hub's address, as the server under test was configured with it. */
    private static String hub() {
        String hub = ConfigProvider.getConfig().getValue("polyfeed.websub.hub", String.class);
        return hub.substring(0, hub.length() - "/hub".length());
    }

    /** What the hub has received: one {@code method, content type, body} per request. */
    private static List<String[]> received() {
        String text = ask("GET", "/received");
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).map(line -> line.split("\t", 3)).toList();
    }

    private static String ask(String method, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URLs of a feed's current document in every format. */
    private static List<String> urls(FeedScope scope) {
        List<String> urls = new ArrayList<>();
        for (FeedFormat format : FeedFormat.values()) {
            urls.add(FeedsTest.BASE + scope.in(format).path());
        }
        return urls;
    }

    /** A form body's values of one name, decoded. */
    private static List<String> values(String form, String name) {
        List<String> values = new ArrayList<>();
        for (String pair : form.split("&")) {
            String[] parts = pair.split("=", 2);
            if (URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(name)) {
                values.add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Test
    @Order(1)
    void startupTellsTheHubNothing() throws InterruptedException {
        Thread.sleep(300);
        assertEquals(0, received().size());
    }

    @Test
    @Order(2)
    void anEditNamesItsFeedsAndAFailedRequestIsSentAgain() throws Exception {
        ask("POST", "/fail-next");
        ReloadTest.write(CONTENT, "tr/ucuncu.md",
                "---\ntitle: Üçüncü (yeniden)\ndate: 2024-02-01\nupdated: 2024-02-03T12:00:00Z\ntags: [İstanbul]\n---\n\nÜçüncü yazı.\n");
        ReloadTest.eventually("a publish request, and another after the hub's 500", () -> received().size() >= 2);
        Thread.sleep(300); // nothing more once the hub took it
        List<String[]> received = received();
        assertEquals(2, received.size());
        assertArrayEquals(received.get(0), received.get(1), "the same request again");

        String[] request = received.get(0);
        assertEquals("POST", request[0]);
        assertEquals("application/x-www-form-urlencoded", request[1]);
        String body = request[2];
        assertEquals(List.of("publish"), values(body, "hub.mode"));
        Language turkish = Language.parse("tr").orElseThrow();
        Tag istanbul = Tag.of("İstanbul").orElseThrow();
        // the post's language feed and its tag's feeds, in Turkish and across languages; it has no author,
        // and the site's feed (/rss.xml) holds three newer posts
        Set<String> expected = new TreeSet<>();
        expected.addAll(urls(FeedScope.of(turkish)));
        expected.addAll(urls(FeedScope.of(turkish, istanbul)));
        expected.addAll(urls(FeedScope.of(istanbul)));
        List<String> named = values(body, "hub.url");
        assertEquals(expected, new TreeSet<>(named));
        assertEquals(expected.size(), named.size(), "each once: " + named);
        assertTrue(ReloadTest.titles("/tr/atom.xml").contains("Üçüncü (yeniden)"), "what the hub was told of is served");
        // and an operator sees it: one request retried, then accepted, naming those feeds
        String metrics = dev.polyfeed.testing.Management.given().header("Accept", "text/plain").get("/q/metrics").asString();
        assertTrue(metrics.contains("polyfeed_websub_requests_total{outcome=\"retried\",} 1.0"), metrics);
        assertTrue(metrics.contains("polyfeed_websub_requests_total{outcome=\"accepted\",} 1.0"), metrics);
        assertTrue(metrics.contains("polyfeed_websub_feeds_notified_total " + expected.size() + ".0"), metrics);
    }

    @Test
    @Order(3)
    void aHubThatKeepsFailingIsAskedFourTimesThenGivenUp() throws Exception {
        int before = received().size();
        for (int i = 0; i < 4; i++) {
            ask("POST", "/fail-next");
        }
        // eski is beyond the feed size of /tr/ and has no tag: with a tag, it is the newest of that tag's feeds
        ReloadTest.write(CONTENT, "tr/eski.md", "---\ntitle: Eski\ndate: 2024-01-15\ntags: [arşiv]\n---\n\nMetin.\n");
        // the first request and three more, 50, 250 and 1250 ms apart
        ReloadTest.eventually("four attempts", () -> received().size() >= before + 4);
        Thread.sleep(1_000);
        List<String[]> received = received();
        assertEquals(before + 4, received.size(), "given up after three retries (a fifth would have been answered 204)");
        Language turkish = Language.parse("tr").orElseThrow();
        Tag archive = Tag.of("arşiv").orElseThrow();
        Set<String> expected = new TreeSet<>(urls(FeedScope.of(turkish, archive)));
        expected.addAll(urls(FeedScope.of(archive)));
        for (String[] request : received.subList(before, received.size())) {
            // the new tag's feeds; not /tr/, whose current document does not hold eski
            assertEquals(expected, new TreeSet<>(values(request[2], "hub.url")));
        }
    }
}
