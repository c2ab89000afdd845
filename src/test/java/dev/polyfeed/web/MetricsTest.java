package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.polyfeed.address.Address;
import dev.polyfeed.publish.PublicationStore;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What an operator scrapes at {@code /q/metrics}: a few requests of each kind, and the counters move by
 * exactly those; the publication's gauges say what the fixture holds. Other tests share this server,
 * so counters are compared before and after, never read as absolutes.
 */
@QuarkusTest
class MetricsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** {@code name{label="value",…} 12.0}, as Prometheus's text format writes a sample. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    PublicationStore store;

    @Test
    void requestsAreCountedByKindAndStatusAndBytesByEncoding() throws Exception {
        Map<String, Double> before = scrape();

        HttpResponse<byte[]> feed = get("/en/rss.xml");
        assertEquals(200, feed.statusCode());
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        Map<String, Double> afterFirst = scrape();
        HttpResponse<byte[]> revalidated = get("/en/rss.xml", "If-None-Match", etag);
        assertEquals(304, revalidated.statusCode());
        HttpResponse<byte[]> gzipped = get("/en/rss.xml", "Accept-Encoding", "gzip");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/en/rss.xml")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        HttpResponse<byte[]> missing = get("/en/tags/no-such-tag/rss.xml");
        assertEquals(404, missing.statusCode());
        HttpResponse<byte[]> moved = get("/EN/rss.xml");
        assertEquals(301, moved.statusCode());
        HttpResponse<byte[]> archive = get("/tr/archive/1/atom.xml");
        assertEquals(200, archive.statusCode());
        HttpResponse<byte[]> page = get("/en/rss.xml", "Accept", "text/html,application/xhtml+xml");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        HttpResponse<byte[]> refused = send(HttpRequest.newBuilder(uri("/en/rss.xml")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, refused.statusCode());

        Map<String, Double> after = scrape();
        assertEquals(3, delta(before, after, requests("feed-current", "200")), "GET, gzip'd GET and HEAD of the feed");
        assertEquals(1, delta(before, after, requests("feed-current", "304")));
        assertEquals(1, delta(before, after, requests("feed-archive", "200")));
        assertEquals(1, delta(before, after, requests("feed-page", "200")));
        assertEquals(1, delta(before, after, requests("not-found", "404")));
        assertEquals(1, delta(before, after, requests("redirect", "301")));
        assertEquals(1, delta(before, after, requests("rejected", "405")));
        assertEquals(0, delta(before, after, requests("feed-current", "503")));

        // bodies as sent, the gzip'd one compressed; HEAD and 304 send none
        long identity = feed.body().length + missing.body().length + archive.body().length + page.body().length
                + refused.body().length;
        assertEquals(identity, delta(before, after, "polyfeed_http_sent_bytes_total{encoding=identity}"));
        assertEquals(gzipped.body().length, delta(before, after, "polyfeed_http_sent_bytes_total{encoding=gzip}"));

        // the first GET rendered the feed or found it rendered by another test; everything after found it
        assertEquals(1, delta(before, afterFirst, "polyfeed_cache_lookups_total{result=hit}")
                + delta(before, afterFirst, "polyfeed_cache_lookups_total{result=miss}"));
        // the revalidation, the gzip'd GET, HEAD (all hits), the archive and the page (rendered or not)
        assertEquals(5, delta(afterFirst, after, "polyfeed_cache_lookups_total{result=hit}")
                + delta(afterFirst, after, "polyfeed_cache_lookups_total{result=miss}"));
        assertTrue(delta(afterFirst, after, "polyfeed_cache_lookups_total{result=hit}") >= 3);
    }

    @Test
    void gaugesSayWhatTheFixtureHolds() throws Exception {
        Map<String, Double> metrics = scrape();
        assertEquals(8, metrics.get("polyfeed_publication_posts"));
        // every feed in every format, as the three subscription lists list them
        long feeds = 0;
        for (String list : new String[] { "/feeds.opml", "/feeds-atom.opml", "/feeds-json.opml" }) {
            String opml = new String(get(list).body(), StandardCharsets.UTF_8);
            feeds += Pattern.compile("xmlUrl=\"").matcher(opml).results().count();
        }
        assertEquals(feeds, metrics.get("polyfeed_publication_feeds"));
        assertEquals(store.current().documentCount(), metrics.get("polyfeed_publication_documents"));
        // the three files readiness lists as skipped
        assertEquals(3, metrics.get("polyfeed_publication_problems{severity=error}"));
        assertTrue(metrics.get("polyfeed_publication_problems{severity=warning}") >= 1);
        assertTrue(metrics.get("polyfeed_content_loads_seconds_count{outcome=published,trigger=startup}") >= 1);
        assertTrue(metrics.get("polyfeed_content_loads_seconds_sum{outcome=published,trigger=startup}") > 0);
    }

    @Test
    void neverAPathAsATag() throws Exception {
        get("/en/tags/a-tag-nobody-wrote/rss.xml");
        String text = metricsText();
        assertTrue(!text.contains("a-tag-nobody-wrote"), "a path reached the metrics");
        // Quarkus's own per-request timer, which tags by URI, is off
        assertTrue(!text.contains("http_server_requests"), "http.server.requests is exported");
    }

    @Test
    void everyDocumentOfThePublicationHasAKind() {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        for (Address address : store.current().addresses()) {
            kinds.add(DocumentKind.of(address, false));
        }
        assertEquals(EnumSet.of(DocumentKind.HOME, DocumentKind.LANGUAGE_PAGE, DocumentKind.TAG_PAGE,
                DocumentKind.AUTHOR_PAGE, DocumentKind.POST_PAGE, DocumentKind.FEED_CURRENT, DocumentKind.FEED_ARCHIVE,
                DocumentKind.OPML, DocumentKind.ASSET), kinds);
    }

    private static String requests(String kind, String status) {
        return "polyfeed_http_requests_total{kind=" + kind + ",status=" + status + "}";
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        assertTrue(after.containsKey(key), key + " is not exported");
        return after.get(key) - before.getOrDefault(key, 0.0);
    }

    /** Each sample by its name and its labels in order, without quotes: {@code name{a=x,b=y}}. */
    private Map<String, Double> scrape() throws IOException, InterruptedException {
        Map<String, Double> samples = new HashMap<>();
        for (String line : metricsText().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            assertTrue(sample.matches(), line);
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            String key = sample.group(1) + (labels.isEmpty() ? "" : labels.toString().replace(", ", ","));
            samples.put(key, Double.parseDouble(sample.group(4)));
        }
        return samples;
    }

    /** From the management interface's port, which serves {@code /q/metrics} beside health. */
    private String metricsText() throws IOException, InterruptedException {
        URI metrics = URI.create("http://localhost:" + dev.polyfeed.testing.Management.port() + "/q/metrics");
        // as Prometheus asks for its text format (without Accept, Quarkus answers OpenMetrics)
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics).header("Accept", "text/plain; version=0.0.4")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().toString());
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
