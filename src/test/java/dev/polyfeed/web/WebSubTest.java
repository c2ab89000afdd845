package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With a hub configured, every feed names it next to its self link, as WebSub (section 4) requires. */
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
}
