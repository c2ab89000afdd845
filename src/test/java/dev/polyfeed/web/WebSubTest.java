package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * With a hub configured, every feed names it next to its self link, as WebSub (section 4) requires: in
 * the response's {@code Link} header fields and inside the document. Fixture: {@code fixture-content}.
 */
@QuarkusTest
@TestProfile(WebSubTest.WithHub.class)
class WebSubTest {

    static final String HUB = "https://hub.example.net/";

    public static class WithHub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.websub.hub", HUB);
        }
    }

    @Test
    void everyFormatNamesTheHubAndItsSelf() {
        Xml rss = FeedsTest.feed("/tr/tags/ai/rss.xml");
        assertEquals(HUB, rss.text("/rss/channel/atom:link[@rel='hub']/@href"));
        assertEquals(FeedsTest.BASE + "/tr/tags/ai/rss.xml", rss.text("/rss/channel/atom:link[@rel='self']/@href"));
        Xml atom = FeedsTest.feed("/ar/atom.xml");
        assertEquals(HUB, atom.text("/a:feed/a:link[@rel='hub']/@href"));
        assertEquals(FeedsTest.BASE + "/ar/atom.xml", atom.text("/a:feed/a:link[@rel='self']/@href"));
        JsonPath json = new JsonPath(new String(FeedsTest.fetch("/ar/feed.json"), StandardCharsets.UTF_8));
        assertEquals(List.of(Map.of("type", "WebSub", "url", HUB)), json.getList("hubs"));
    }

    /**
     * WebSub section 4: a response to GET or HEAD on a topic MUST carry at least one {@code Link} field
     * with rel=hub and exactly one with rel=self, the hub's URL and the topic's, as the document says.
     */
    @Test
    void everyFeedAnswerNamesTheHubAndItsSelfInItsHeader() {
        Map<String, String> selfInside = Map.of(
                "/tr/tags/ai/rss.xml", FeedsTest.feed("/tr/tags/ai/rss.xml").text("/rss/channel/atom:link[@rel='self']/@href"),
                "/ar/atom.xml", FeedsTest.feed("/ar/atom.xml").text("/a:feed/a:link[@rel='self']/@href"),
                "/ar/feed.json", new JsonPath(new String(FeedsTest.fetch("/ar/feed.json"), StandardCharsets.UTF_8))
                        .getString("feed_url"));
        selfInside.forEach((path, self) -> {
            for (Response response : List.of(given().get(path), given().header("Accept-Encoding", "gzip").head(path))) {
                assertEquals(200, response.statusCode(), path);
                List<String[]> links = links(response);
                assertEquals(List.of(HUB), hrefs(links, "hub"), path + ": the hub in the header");
                assertEquals(List.of(self), hrefs(links, "self"), path + ": one self in the header, the document's own");
                // a web-based reader's script reads them only if the answer exposes them (Fetch's CORS)
                assertEquals("ETag, Last-Modified, Link", response.header("Access-Control-Expose-Headers"), path);
            }
        });
        assertEquals(FeedsTest.BASE + "/tr/tags/ai/rss.xml", selfInside.get("/tr/tags/ai/rss.xml"));
    }

    @Test
    void pagesCarryNoDiscoveryLinks() {
        assertEquals(List.of(), given().header("Accept", "text/html").get("/ar/").headers().getValues("Link"));
    }

    /** Each Link field's link-values, as {href, rel}: RFC 8288 allows several in one field, comma-separated. */
    static List<String[]> links(Response response) {
        Pattern value = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");
        List<String[]> links = new ArrayList<>();
        for (String field : response.headers().getValues("Link")) {
            Matcher matcher = value.matcher(field);
            while (matcher.find()) {
                links.add(new String[] {matcher.group(1), matcher.group(2)});
            }
        }
        return links;
    }

    static List<String> hrefs(List<String[]> links, String rel) {
        return links.stream().filter(link -> link[1].equals(rel)).map(link -> link[0]).toList();
    }
}
