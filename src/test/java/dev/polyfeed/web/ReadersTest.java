package dev.polyfeed.web;

import static dev.polyfeed.web.FeedsTest.BASE;
import static dev.polyfeed.web.FeedsTest.fetch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.polyfeed.testing.Management;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What feed readers and aggregators rely on: caching headers, compression, history, JSON Feed. */
@QuarkusTest
class ReadersTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ParameterizedTest
    @CsvSource({
            "/tr/rss.xml,   application/rss+xml; charset=utf-8",
            "/tr/atom.xml,  application/atom+xml; charset=utf-8",
            "/tr/feed.json, application/feed+json; charset=utf-8",
            "/feeds.opml,   text/x-opml; charset=utf-8",
            "/feed.xsl,     text/xsl; charset=utf-8",
            "/,             text/html; charset=utf-8",
    })
    void contentTypesCarryTheCharset(String path, String type) {
        given().when().get(path).then().statusCode(200).header("Content-Type", equalTo(type));
    }

    @ParameterizedTest
    @CsvSource({
            "/tr/rss.xml,  application/rss+xml",
            "/tr/atom.xml, application/atom+xml",
    })
    void browsersGetTheFeedAsAPageAndReadersTheFeedItself(String path, String feedType) {
        String chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        var page = given().header("Accept", chromium).when().get(path).then().statusCode(200)
                .header("Content-Type", "text/html; charset=utf-8").header("Vary", "Accept, Accept-Encoding")
                .extract();
        Document html = Jsoup.parse(page.asString());
        assertEquals("tr", html.selectFirst("html").attr("lang"));
        assertEquals(BASE + path, html.selectFirst("#feed-url").attr("value"), "the address to subscribe to");
        var feed = given().header("Accept", feedType + ", application/xml;q=0.9, */*;q=0.8").when().get(path).then()
                .statusCode(200).header("Content-Type", feedType + "; charset=utf-8").extract();
        var any = given().when().get(path).then().header("Content-Type", feedType + "; charset=utf-8")
                .header("Vary", "Accept, Accept-Encoding").extract();
        assertArrayEquals(feed.asByteArray(), any.asByteArray(), "readers get the feed byte for byte");
        assertTrue(feed.asString().startsWith("<?xml"));
        assertNotEquals(feed.header("ETag"), page.header("ETag"));
        // each representation revalidates against its own validator only
        given().header("Accept", chromium).header("If-None-Match", page.header("ETag")).get(path).then().statusCode(304);
        given().header("Accept", chromium).header("If-None-Match", feed.header("ETag")).get(path).then().statusCode(200);
        given().header("If-None-Match", page.header("ETag")).get(path).then().statusCode(200);
    }

    @Test
    void feedsCarryCachingAndCorsHeaders() {
        given().when().get("/tr/rss.xml").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .header("Vary", "Accept, Accept-Encoding")
                .header("Access-Control-Allow-Origin", "*");
        given().when().get("/tr/archive/1/atom.xml").then().statusCode(200)
                .header("Cache-Control", "public, max-age=86400");
        // a browser gets JSON Feed's page too
        given().when().get("/tr/feed.json").then().statusCode(200).header("Vary", "Accept, Accept-Encoding")
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() {
        var get = given().when().get("/ar/atom.xml").then().extract();
        given().when().head("/ar/atom.xml").then().statusCode(200)
                .header("ETag", get.header("ETag"))
                .header("Last-Modified", get.header("Last-Modified"))
                .header("Content-Type", get.header("Content-Type"))
                .header("Content-Length", get.header("Content-Length"))
                .body(emptyOrNullString());
    }

    @Test
    void gzipRoundTripsToTheSameBytesUnderAnotherEtag() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<byte[]> identity = client.send(request("/tr/atom.xml", "identity"), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = client.send(request("/tr/atom.xml", "br;q=1, gzip;q=0.8"), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertFalse(identity.headers().firstValue("Content-Encoding").isPresent());
        assertArrayEquals(identity.body(), gunzip(gzipped.body()));
        assertTrue(gzipped.body().length < identity.body().length / 2, "compressed " + gzipped.body().length);
        String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(identity.headers().firstValue("ETag").orElseThrow(), gzipEtag);
        HttpRequest revalidate = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tr/atom.xml"))
                .header("Accept-Encoding", "gzip").header("If-None-Match", gzipEtag).build();
        assertEquals(304, client.send(revalidate, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        // q=0 refuses gzip
        HttpResponse<byte[]> refused = client.send(request("/tr/atom.xml", "gzip;q=0"), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(identity.body(), refused.body());
    }

    private HttpRequest request(String path, String acceptEncoding) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Encoding", acceptEncoding).build();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAre405WithAllow(String method) {
        given().when().request(method, "/tr/rss.xml").then().statusCode(405).header("Allow", "GET, HEAD");
        given().when().request(method, "/no/such/path").then().statusCode(405).header("Allow", "GET, HEAD");
        // the rule holds for Quarkus's own paths too: health is read, never written, on either port
        given().when().request(method, "/q/health/ready").then().statusCode(405).header("Allow", "GET, HEAD");
        Management.given().when().request(method, "/q/health/ready").then().statusCode(405).header("Allow", "GET, HEAD");
    }

    @Test
    void healthIsOnTheManagementPortOnly() {
        // the public port serves the site and nothing else
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Management.given().when().head("/q/health/live").then().statusCode(200);
    }

    @Test
    void aFeedWhosePostsAllFitIsMarkedComplete() {
        Xml atom = FeedsTest.feed("/ar/atom.xml");
        assertEquals(1, atom.count("/a:feed/*[local-name()='complete' and namespace-uri()='http://purl.org/syndication/history/1.0']"));
        assertEquals(0, atom.count("//a:link[@rel='prev-archive']"));
        Xml rss = FeedsTest.feed("/ar/rss.xml");
        assertEquals(1, rss.count("/rss/channel/*[local-name()='complete']"));
        Xml tr = FeedsTest.feed("/tr/atom.xml");
        assertEquals(0, tr.count("/a:feed/*[local-name()='complete']"));
    }

    /**
     * Walks prev-archive links from a feed, as an RFC 5005 client does, and returns the ids of every
     * document in order: the current feed first.
     */
    private static List<List<String>> walk(String path, String idPath, String linkPath) {
        List<List<String>> documents = new ArrayList<>();
        String next = path;
        Set<String> visited = new HashSet<>();
        while (next != null) {
            assertTrue(visited.add(next), "archive links loop at " + next);
            Xml document = FeedsTest.feed(next);
            if (documents.size() > 0) {
                assertEquals(1, document.count("//*[local-name()='archive']"), next + " is marked fh:archive");
                assertEquals(BASE + path, document.text(linkPath + "[@rel='current']/@href"), next);
            }
            documents.add(document.texts(idPath));
            String previous = document.text(linkPath + "[@rel='prev-archive']/@href");
            next = previous.isEmpty() ? null : previous.substring(BASE.length());
        }
        return documents;
    }

    @ParameterizedTest
    @CsvSource({
            "/tr/atom.xml,      //a:entry/a:id, /a:feed/a:link",
            "/tr/rss.xml,       //item/guid,    /rss/channel/atom:link",
            "/tags/ai/atom.xml, //a:entry/a:id, /a:feed/a:link",
            "/tags/ai/rss.xml,  //item/guid,    /rss/channel/atom:link",
    })
    void walkingTheArchivesReachesEveryPostOnce(String path, String idPath, String linkPath) {
        List<List<String>> documents = walk(path, idPath, linkPath);
        String tr = "tag:example.org,2024-01-01:tr/";
        Set<String> expected = path.startsWith("/tr/")
                // the 4 published Turkish posts of the fixture: eski is past the feed size of 3
                ? Set.of(tr + "tablo", tr + "merhaba", tr + "ucuncu", tr + "eski")
                : Set.of(tr + "tablo", tr + "merhaba", "tag:example.org,2024-01-01:ar/merhaba", "tag:example.org,2024-01-01:en/merhaba");
        assertEquals(3, documents.get(0).size(), "the current feed holds the newest feed-size posts");
        assertEquals(2, documents.size(), "one archive page");
        Set<String> reconstructed = new HashSet<>();
        documents.forEach(reconstructed::addAll);
        assertEquals(expected, reconstructed);
        // archive pages never share a post; within the walk, the current feed wins where they overlap
        List<String> archived = documents.subList(1, documents.size()).stream().flatMap(List::stream).toList();
        assertEquals(archived.size(), new HashSet<>(archived).size());
        assertEquals(3, archived.size(), "archive pages are full");
    }

    @Test
    void jsonFeedCarriesTheSameIdsLanguagesAndContent() {
        JsonPath feed = new JsonPath(new String(fetch("/tr/feed.json"), StandardCharsets.UTF_8));
        // required by JSON Feed 1.1: version, title, items; every item an id and content_html or content_text
        assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
        assertEquals("Deneme Sitesi", feed.getString("title"));
        assertEquals(BASE + "/tr/feed.json", feed.getString("feed_url"));
        assertEquals(BASE + "/", feed.getString("home_page_url"));
        assertEquals("tr", feed.getString("language"));
        assertEquals(BASE + "/tr/archive/1/feed.json", feed.getString("next_url"));
        List<Map<String, Object>> items = feed.getList("items");
        assertEquals(3, items.size());
        for (Map<String, Object> item : items) {
            assertTrue(item.get("id") instanceof String, item::toString);
            assertTrue(((String) item.get("content_html")).startsWith("<div lang=\"tr\" dir=\"ltr\">"));
            assertEquals("tr", item.get("language"));
        }
        Xml atom = FeedsTest.feed("/tr/atom.xml");
        assertEquals(atom.texts("//a:entry/a:id"), feed.getList("items.id"));
        assertEquals("İlk yazı.", feed.getString("items[1].summary"));
        assertEquals("2024-03-01T00:00:00Z", feed.getString("items[1].date_published"));
        assertEquals(List.of("AI", "Açık Kaynak", "C/C++"), feed.getList("items[1].tags"));
        assertEquals("Ada Lovelace", feed.getString("items[1].authors[0].name"));
        assertEquals("https://example.org/ada", feed.getString("items[1].authors[0].url"));
        assertEquals(BASE + "/tr/posts/merhaba/img/kapak.png", feed.getString("items[1].image"));

        JsonPath crossLanguage = new JsonPath(new String(fetch("/tags/ai/feed.json"), StandardCharsets.UTF_8));
        assertEquals(null, crossLanguage.getString("language"));
        assertEquals(List.of("tr", "ar", "tr"), crossLanguage.getList("items.language"));
    }

    @Test
    void xmlFeedsPointBrowsersAtTheStylesheet() {
        // relative, so that it resolves to this server's /feed.xsl whatever the base URL's host and path
        assertTrue(new String(fetch("/ar/rss.xml"), StandardCharsets.UTF_8)
                .contains("<?xml-stylesheet type=\"text/xsl\" href=\"../feed.xsl\"?>"));
        assertTrue(new String(fetch("/tags/ai/archive/1/atom.xml"), StandardCharsets.UTF_8)
                .contains("<?xml-stylesheet type=\"text/xsl\" href=\"../../../../feed.xsl\"?>"));
        given().when().get("/feed.xsl").then().statusCode(200).contentType(startsWith("text/xsl"));
    }
}
