package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Pattern;

import dev.polyfeed.testing.Xml;

/** What the generator-site tests check of every feed: no template syntax reaches a reader. */
final class GeneratorSiteFeeds {

    /** Shortcode, Liquid, admonition and MDX markers, as a reader would see them in text. */
    static final Pattern MARKERS = Pattern.compile("\\{\\{|\\}\\}|\\{\\{[<%]|[>%]\\}\\}|\\{%|%\\}|^\\s*:::|\\{/\\*|<!--\\s*(more|truncate)|</?(Tabs|TabItem)\\b",
            Pattern.MULTILINE);

    private GeneratorSiteFeeds() {
    }

    /** Every RSS and Atom feed the OPML lists, parsed; none may show a template marker outside code. */
    static void noMarkersInAnyFeed() {
        Xml opml = Xml.parse(given().get("/feeds.opml").then().statusCode(200).extract().asByteArray());
        List<String> urls = opml.texts("//outline/@xmlUrl");
        for (String url : urls) {
            String path = url.replaceFirst("^https?://[^/]+", "");
            byte[] body = given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asByteArray();
            if (path.endsWith(".json")) {
                continue;
            }
            Xml feed = Xml.parse(body);
            for (String html : feed.texts("//content:encoded | //a:content")) {
                String outsideCode = html.replaceAll("(?s)<pre\\b.*?</pre>|<code\\b.*?</code>", "");
                String text = org.jsoup.Jsoup.parse(outsideCode).text();
                assertFalse(MARKERS.matcher(text).find() || MARKERS.matcher(outsideCode.replaceAll("<[^>]+>", "")).find(),
                        path + " shows template syntax: " + text);
            }
        }
    }
}
