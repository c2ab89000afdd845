package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Opens feeds in real headless Chromium, which applies the feed's XSLT stylesheet, and checks the
 * page a person sees; screenshots land in target/browser-view/. Skipped where Chromium is not
 * installed (Debian: apt-get install chromium).
 */
@QuarkusTest
class BrowserViewTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ParameterizedTest
    @CsvSource({
            "/ar/rss.xml,  ar, rtl, موقع الاختبار, هذه تغذية ويب., مرحبا بالعالم",
            "/tr/atom.xml, tr, ltr, Deneme Sitesi, Bu bir web beslemesi (feed)., Merhaba dünya",
    })
    void feedsReadAsPagesInTheirLanguageAndDirection(String path, String lang, String dir, String title,
            String explanation, String itemTitle) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed");
        String url = "http://localhost:" + port + path;
        Document page = Jsoup.parse(chromium("--dump-dom", url));
        assertEquals(lang, page.selectFirst("html").attr("lang"));
        assertEquals(dir, page.selectFirst("html").attr("dir"));
        assertEquals(title, page.selectFirst("h1#title").text());
        assertTrue(page.selectFirst("#about").text().contains(explanation), page.selectFirst("#about").text());
        assertEquals("https://feeds.example.org/blog" + path, page.selectFirst("#feed-url").attr("value"));
        List<String> items = page.select("article.item h3").eachText();
        assertTrue(!items.isEmpty() && items.size() <= 3, items::toString);
        assertTrue(items.contains(itemTitle), items::toString);
        Path screenshots = Files.createDirectories(Path.of("target", "browser-view"));
        Path screenshot = screenshots.resolve(lang + ".png").toAbsolutePath();
        chromium("--screenshot=" + screenshot, "--window-size=900,1100", url);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot was taken: " + screenshot);
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
