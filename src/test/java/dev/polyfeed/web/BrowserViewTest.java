package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Opens the repository's own content ({@code content/}: the seed article in Turkish, Hindi, Arabic and
 * Indonesian) in real headless Chromium, as a person would, and checks the rendered DOM: language and
 * direction, dates as each language writes them, the page made by the server (no XSLT), the address to
 * subscribe to, and links that lead somewhere. Screenshots land in target/browser-view/. Skipped where
 * Chromium is not installed (Debian: apt-get install chromium; CI installs it).
 */
@QuarkusTest
@TestProfile(BrowserViewTest.RepositoryContent.class)
class BrowserViewTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int PORT = Integer.getInteger("quarkus.http.test-port", 8081);
    private static final String BASE = "http://localhost:" + PORT;

    /** The repository's content, served at the test port, so that every link can be followed. */
    public static class RepositoryContent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", "content", "polyfeed.base-url", BASE);
        }
    }

    @Test
    void theHomePageLeadsToEveryLanguageInItsOwnDirection() throws Exception {
        Document home = open("/", "home");
        assertEquals("en", home.selectFirst("html").attr("lang"));
        assertEquals("Polyfeed", home.selectFirst("h1#title").text());
        assertEquals(BASE + "/rss.xml", home.selectFirst("#feed-url").attr("value"));
        assertFalse(home.selectFirst("button[data-copy]").hasAttr("hidden"), "the copy button's script ran under the CSP");
        assertEquals("rtl", home.selectFirst("section[lang=ar]").attr("dir"));
        assertEquals("ltr", home.selectFirst("section[lang=hi]").attr("dir"));
        assertEquals("30 يناير 2025", home.selectFirst("section[lang=ar] time").text());
        assertEquals(List.of("ar", "hi", "id", "tr"), home.select("section[lang]:not(#about)").eachAttr("lang"));
        followable(home.select("section[lang] h2 a, section[lang] .tags a, section[lang] ul.posts a"));
    }

    @Test
    void anArabicFeedIsAPageInArabicRightToLeft() throws Exception {
        Document feed = open("/ar/rss.xml", "ar-feed");
        assertEquals("ar", feed.selectFirst("html").attr("lang"));
        assertEquals("rtl", feed.selectFirst("html").attr("dir"));
        assertEquals("بوليفيد بالعربية", feed.selectFirst("h1#title").text());
        assertTrue(feed.selectFirst("#about").text().startsWith("هذه تغذية ويب."), feed.selectFirst("#about").text());
        assertEquals(BASE + "/ar/rss.xml", feed.selectFirst("#feed-url").attr("value"));
        assertEquals(1, feed.select("article.item").size());
        assertEquals("30 يناير 2025", feed.selectFirst("article.item time").text());
        assertEquals("rtl", feed.selectFirst("article.item").attr("dir"));
        followable(feed.select("nav a, article.item a, .tags a"));
    }

    @Test
    void aHindiTagPageListsItsPostsWithHindiDates() throws Exception {
        Document tag = open("/hi/tags/%E0%A4%8F%E0%A4%86%E0%A4%88/", "hi-tag");
        assertEquals("hi", tag.selectFirst("html").attr("lang"));
        assertEquals("ltr", tag.selectFirst("html").attr("dir"));
        assertTrue(tag.selectFirst("h1#title").text().endsWith("#एआई"), tag.selectFirst("h1#title").text());
        assertTrue(tag.selectFirst("#about").text().startsWith("यह एक वेब फ़ीड है।"));
        assertEquals(BASE + "/hi/tags/%E0%A4%8F%E0%A4%86%E0%A4%88/rss.xml", tag.selectFirst("#feed-url").attr("value"));
        assertEquals("30 जनवरी 2025", tag.selectFirst("article.item time").text());
        assertEquals(List.of(BASE + "/", BASE + "/hi/"), tag.selectFirst("nav").select("a").eachAttr("href"));
        followable(tag.select("nav a, article.item a"));
    }

    @Test
    void aTurkishPostPageLeadsHomeToItsLanguageTagsAndTranslations() throws Exception {
        Document post = open("/tr/posts/deepseek-open-source-revolution", "tr-post");
        assertEquals("tr", post.selectFirst("html").attr("lang"));
        assertEquals("30 Ocak 2025", post.selectFirst("article time").text());
        assertEquals(List.of(BASE + "/", BASE + "/tr/"), post.selectFirst("nav").select("a").eachAttr("href"));
        assertTrue(post.select("ul.tags a").eachAttr("href").stream().allMatch(href -> href.startsWith(BASE + "/tr/tags/")
                && href.endsWith("/")), "tags lead to their pages");
        assertEquals("Diğer dillerde", post.selectFirst("#translations h2").text());
        assertEquals(List.of("ar", "hi", "id"), post.select("#translations a").eachAttr("hreflang"));
        followable(post.select("nav a, ul.tags a, #translations a"));
    }

    /** The page as Chromium renders it, screenshot taken; never the XML tree or an XSLT error. */
    private static Document open(String path, String name) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed");
        String url = BASE + path;
        String dom = chromium("--dump-dom", url);
        assertFalse(dom.contains("XSLT") || dom.contains("cannot be formatted") || dom.contains("<rss"), dom);
        Document page = Jsoup.parse(dom, url);
        Path screenshots = Files.createDirectories(Path.of("target", "browser-view"));
        Path screenshot = screenshots.resolve(name + ".png").toAbsolutePath();
        chromium("--screenshot=" + screenshot, "--window-size=900,1200", url);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot was taken: " + screenshot);
        return page;
    }

    /** Every link leads to a page or feed this server has (a 200 once redirects are followed). */
    private static void followable(List<Element> links) {
        assertFalse(links.isEmpty());
        for (Element link : links) {
            String href = link.attr("href");
            assertTrue(href.startsWith(BASE + "/"), href);
            given().urlEncodingEnabled(false).accept("text/html").get(href.substring(BASE.length())).then().statusCode(200);
        }
    }

    private static String chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Chromium finished");
        return new String(output, StandardCharsets.UTF_8);
    }
}
