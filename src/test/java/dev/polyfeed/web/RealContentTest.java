package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.testing.Management;
import dev.polyfeed.testing.RawHttp;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Content written the way real Hugo and Docusaurus sites write it, served and read back: the fixture
 * tree src/test/resources/real-content (page bundles, a section page, two posts with one slug, blank
 * lines before the front matter, an empty author, free-text authors, keys in capitals, tags spelled
 * with no-break and ideographic spaces, HTML comments beside a script).
 */
@QuarkusTest
@TestProfile(RealContentTest.RealContent.class)
class RealContentTest {

    public static class RealContent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "src/test/resources/real-content", "polyfeed.feed-size", "20");
        }
    }

    static final String BASE = "https://feeds.example.org";
    static final String CONTENT = "src/test/resources/real-content/";

    @Inject
    PublicationStore store;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void everyPostIsServedAndTheSectionPageIsNot() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        assertEquals(List.of("Launch day", "Comments and scripts", "Generics", "Keys in capitals",
                "Written by three people", "Nobody wrote this", "Blank lines first", "Meeting notes, February",
                "Meeting notes, January", "The translated title", "Written in MDX"), rss.texts("//item/title"));
        assertEquals(List.of("Boşluklu etiket"), FeedsTest.feed("/tr/rss.xml").texts("//item/title"));
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'content' }.data.posts", equalTo(12))
                .body("checks.find { it.name == 'content' }.data.skippedFiles", equalTo(0));
        // the section page, the bundle's picture and its notes.md are not posts
        assertEquals(3, store.current().load().ignoredFiles());
        given().get("/en/posts/notes").then().statusCode(404);
    }

    @Test
    void aPageBundleTakesItsSlugAndDateFromItsFolder() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        String item = "//item[title='Launch day']";
        assertEquals(BASE + "/en/posts/launch-day", rss.text(item + "/link"));
        assertEquals("tag:example.org,2024-01-01:en/launch-day", rss.text(item + "/guid"));
        assertEquals("Wed, 01 May 2024 00:00:00 GMT", rss.text(item + "/pubDate"));
    }

    @Test
    void twoPostsWithOneSlugBothServedTheOlderKeepingItsAddressAndId() {
        Xml atom = FeedsTest.feed("/en/atom.xml");
        String january = "//atom:entry[atom:title='Meeting notes, January']";
        String february = "//atom:entry[atom:title='Meeting notes, February']";
        assertEquals("tag:example.org,2024-01-01:en/meeting-notes", atom.text(january + "/atom:id"));
        assertEquals(BASE + "/en/posts/meeting-notes", atom.text(january + "/atom:link[1]/@href"));
        assertEquals("tag:example.org,2024-01-01:en/2024-02-14-meeting-notes", atom.text(february + "/atom:id"));
        assertEquals(BASE + "/en/posts/2024-02-14-meeting-notes", atom.text(february + "/atom:link[1]/@href"));
        given().get("/en/posts/2024-02-14-meeting-notes").then().statusCode(200)
                .body(containsString("The same slug as January"));
        given().get("/en/posts/meeting-notes").then().statusCode(200).body(containsString("first meeting"));
        assertEquals(2, FeedsTest.feed("/en/tags/meetings/rss.xml").texts("//item").size());
    }

    @Test
    void aKeyWrittenTwiceTakesTheLastAsJekyllAndHugoDo() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        assertEquals(BASE + "/en/posts/twice-titled", rss.text("//item[title='The translated title']/link"));
    }

    @Test
    void mdxPostsAreReadWithoutTheirModuleSyntaxAndHoursMayHaveOneDigit() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        String item = "//item[title='Written in MDX']";
        String html = rss.text(item + "/content:encoded");
        assertTrue(html.contains("The text of an MDX post."), html);
        assertFalse(html.contains("import Tabs") || html.contains("export const") || html.contains("editors"), html);
        assertTrue(html.contains("import kept from"), "code blocks are left alone: " + html);
        assertEquals("Sun, 31 Dec 2023 05:00:00 GMT", rss.text(item + "/pubDate"));
    }

    @Test
    void authorsAsSitesWriteThem() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        assertEquals(List.of("Jane Doe", "Li Wei", "Ayşe"), rss.texts("//item[title='Written by three people']/dc:creator"));
        assertEquals(List.of("Ayşe Yılmaz"), rss.texts("//item[title='Keys in capitals']/dc:creator"));
        assertEquals(List.of(), rss.texts("//item[title='Nobody wrote this']/dc:creator"));
        Xml atom = FeedsTest.feed("/en/atom.xml");
        String entry = "//atom:entry[atom:title='Written by three people']";
        assertEquals("https://example.org/li", atom.text(entry + "/atom:author[atom:name='Li Wei']/atom:uri"));
        // keys read in any case, as Hugo reads them
        assertEquals("Mon, 04 Mar 2024 00:00:00 GMT", rss.text("//item[title='Keys in capitals']/pubDate"));
    }

    @Test
    void rssDescriptionsAreHtmlThatReadsAsTheSummary() {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        String description = rss.text("//item[title='Generics']/description");
        // a reader parses the description as HTML: it must come out as the text the author wrote
        assertEquals("Use List&lt;String&gt; when a &lt; b &amp; c.", description);
        assertEquals("Use List<String> when a < b & c.", Jsoup.parse(description).text());
    }

    @Test
    void everyKindOfSpaceInATagIsOneTag() {
        Xml rss = FeedsTest.feed("/tags/kata-containers/rss.xml");
        assertEquals(List.of("Boşluklu etiket", "Generics"), rss.texts("//item/title"));
        assertEquals(List.of("kata containers"), rss.texts("//item[title='Generics']/category"));
        given().redirects().follow(false).urlEncodingEnabled(false).get("/tags/kata%C2%A0containers/rss.xml")
                .then().statusCode(301).header("Location", containsString("/tags/kata-containers/rss.xml"));
        assertFalse(store.current().addresses().stream().map(dev.polyfeed.address.Address::path).anyMatch(path -> path.contains("%C2%A0") || path.contains("%E3%80%80")),
                () -> store.current().addresses().toString());
    }

    @Test
    void commentsDisappearSilentlyAndEachRemovalIsNamedAtItsLine() throws InterruptedException {
        String html = FeedsTest.feed("/en/rss.xml").text("//item[title='Comments and scripts']/content:encoded");
        assertFalse(html.contains("original paragraph") || html.contains("<script") || html.contains("onclick"), html);
        assertTrue(html.contains("Second paragraph."), html);
        String content = "checks.find { it.name == 'content' }.data";
        for (int attempt = 0; attempt < 100
                && !"checked".equals(Management.given().get("/q/health/ready").jsonPath().getString(content + ".bodies")); attempt++) {
            Thread.sleep(100);
        }
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body(content + ".warnings", equalTo(3))
                .body(content + ".problems", equalTo("1 front-matter values of the wrong shape (1 file),"
                        + " 1 posts sharing a slug or an id with another (1 file), 1 HTML that feeds must not carry (1 file)"));
    }

    /**
     * What the log says of each problem: one line per file and kind, at its line, as the first load
     * logs them (one line per entry of the publication's summary). A reload of the same content logs
     * none of them again, only the counts, and says how many lines it did not repeat.
     */
    @Test
    void theLogSaysEachProblemOnceAtItsLineAndCountsThemByKind() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.polyfeed.publish.PublicationStore");
        logger.addHandler(capture);
        try {
            store.reload().awaitBodyProblems();
        } finally {
            logger.removeHandler(capture);
        }
        String logged = String.join("\n", store.current().problems().lines().stream().map(Object::toString).toList());
        assertTrue(logged.contains(CONTENT + "en/2024/2024-02-14-meeting-notes.md: same slug 'meeting-notes' in en as the older "
                + CONTENT + "en/meeting-notes/index.md, which keeps /en/posts/meeting-notes; this post is served at"
                + " /en/posts/2024-02-14-meeting-notes"), logged);
        assertTrue(logged.contains(CONTENT + "en/comments-and-scripts.md:8: HTML that feeds must not carry was removed:"
                + " <script> (line 8), onclick=\"steal()\" on <p> (line 10)"), logged);
        assertEquals(1, store.current().problems().lines().stream()
                .filter(line -> line.toString().contains("comments-and-scripts.md")).count(), logged);
        assertTrue(logged.contains(CONTENT + "en/twice-titled.md:2: 'title' is written 2 times (again on line 4);"
                + " the last one is used"), logged);

        String log = String.join("\n", lines);
        assertTrue(lines.stream().noneMatch(line -> line.startsWith(CONTENT)), () -> "a reload repeats no line:\n" + log);
        assertTrue(log.contains("2 warnings (2 of the lines logged already at an earlier load); problems by kind: 1 front-matter"
                + " values of the wrong shape (1 file), 1 posts sharing a slug or an id with another (1 file)"), log);
        assertTrue(log.contains("by kind: 1 HTML that feeds must not carry (1 file)"), log);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tags/kata|containers/rss.xml", "/tags/\"kata\"/atom.xml", "/tags/a^b/rss.xml",
            "/tags/[x]/rss.xml", "/en/posts/%zz", "/tags/kata\u00c3\u00a7/rss.xml"})
    void everyPathABrowserSendsIsAnsweredWithAReason(String rawPath) throws IOException {
        RawHttp.Reply first = RawHttp.get(port, rawPath);
        assertEquals(301, first.status(), first::toString);
        String location = first.head().lines().filter(line -> line.toLowerCase().startsWith("location:"))
                .findFirst().orElseThrow().substring("location:".length()).strip();
        RawHttp.Reply second = RawHttp.get(port, location);
        assertEquals(404, second.status(), second::toString);
        assertTrue(second.body().startsWith("No "), second::toString);
    }
}
