package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A Jekyll site read from its own tree (src/test/resources/sites/jekyll): _posts in a folder per
 * language, _config.yml's url, baseurl, permalink and excerpt_separator, a post's own permalink,
 * Liquid rendered or reduced.
 */
@QuarkusTest
@TestProfile(JekyllSiteTest.Jekyll.class)
class JekyllSiteTest {

    public static class Jekyll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/sites/jekyll", "polyfeed.feed-size", "20",
                    "polyfeed.base-url", "https://feeds.example.org");
        }
    }

    static final String SITE = "https://ferry.example.org/news-site";

    @Test
    void everyPublishedPostInItsLanguage() {
        assertEquals(List.of("A special crossing", "Summer timetable", "Winter notice"),
                FeedsTest.feed("/en/rss.xml").texts("//item/title"));
        assertEquals(List.of("Horario de verano"), FeedsTest.feed("/es/rss.xml").texts("//item/title"));
        dev.polyfeed.testing.Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'content' }.data.posts", equalTo(4))
                .body("checks.find { it.name == 'content' }.data.drafts", equalTo(1));
    }

    @Test
    void itemsLinkTheirPagesByTheSitesPermalinks() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        assertEquals(SITE + "/en/news/2023/06/01/summer-timetable/", rss.text("//item[title='Summer timetable']/link"));
        assertEquals(SITE + "/specials/night-crossing/", rss.text("//item[title='A special crossing']/link"));
        assertEquals("Tue, 04 Jul 2023 19:30:00 GMT", rss.text("//item[title='A special crossing']/pubDate"));
        assertEquals(List.of("timetable", "summer"), rss.texts("//item[title='Summer timetable']/category"));
        assertEquals("Rosa Lind", rss.text("//item[title='Summer timetable']/dc:creator"));
        // excerpt_separator from _config.yml ends the summary
        assertEquals("From June the first boat leaves at six.", rss.text("//item[title='Summer timetable']/description"));
        Xml es = FeedsTest.feed("/es/atom.xml");
        assertEquals("es", es.text("//a:entry/@xml:lang"));
        assertEquals(SITE + "/es/news/2023/06/01/summer-timetable/", es.text("//a:entry/a:link[@hreflang='es']/@href"));
        assertEquals(SITE + "/en/news/2023/06/01/summer-timetable/", es.text("//a:entry/a:link[@hreflang='en']/@href"));
    }

    @Test
    void liquidBecomesHtml() {
        String html = FeedsTest.feed("/en/rss.xml").text("//item[title='Summer timetable']/content:encoded");
        assertTrue(html.contains("<pre><code class=\"language-ruby\">puts \"Boarding at {{ gate }}\""), html);
        assertTrue(html.contains("<a href=\"" + SITE + "/en/news/2022/12/01/winter-notice/\">last winter's notice</a>"), html);
        assertTrue(html.contains("<img src=\"" + SITE + "/assets/route.png\" alt=\"route map\">"), html);
        assertTrue(html.contains("Tickets are sold on board."), html);
        String winter = FeedsTest.feed("/en/rss.xml").text("//item[title='Winter notice']/content:encoded");
        assertTrue(winter.contains("<a href=\"" + SITE + "/rules.html\">rules</a>"), winter);
        // {% raw %} shows its text as written, as code
        assertTrue(html.contains("<p><code>Templates write {{ page.title }} for the title.</code></p>"), html);
    }

    @Test
    void noTemplateSyntaxReachesAReader() {
        GeneratorSiteFeeds.noMarkersInAnyFeed();
    }
}
