package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.polyfeed.address.Address;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A Docusaurus site whose {@code url} is computed by a function of its configuration, beyond reading
 * without running it, and whose {@code baseUrl} is {@code /harbour/}
 * (src/test/resources/sites/docusaurus-env-url): reported with the file, its line and
 * {@code polyfeed.site-url}; Polyfeed's pages are the links, and the files of its {@code static/} are
 * served below the base URL, where the posts' {@code /img/…} point. The static forms of a computed
 * address that are read are in {@code GeneratorSiteTest}.
 */
@QuarkusTest
@TestProfile(DocusaurusEnvUrlTest.EnvUrl.class)
class DocusaurusEnvUrlTest {

    static final String FIXTURE = "src/test/resources/sites/docusaurus-env-url";
    static final String BASE = "https://feeds.example.org";

    public static class EnvUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", FIXTURE, "polyfeed.base-url", BASE);
        }
    }

    @Test
    void anAddressThatCannotBeReadIsReportedWithTheSettingThatGivesIt() {
        List<ContentProblem> problems = new ContentLoader(Address::postPath).load(Path.of(FIXTURE), Optional.of(BASE))
                .catalog().problems();
        assertEquals(1, problems.size(), problems.toString());
        ContentProblem problem = problems.get(0);
        assertEquals(FIXTURE + "/docusaurus.config.js", problem.path());
        assertEquals(12, problem.line());
        assertTrue(problem.message().contains("url: deployUrl()"), problem.message());
        assertTrue(problem.hint().contains("polyfeed.site-url"), problem.hint());
        assertEquals(BASE + "/en/posts/buoys", FeedsTest.feed("/en/rss.xml").text("//item/link"));
    }

    @Test
    void staticFilesAreServedBelowTheBaseUrl() throws IOException {
        Xml rss = FeedsTest.feed("/en/rss.xml");
        assertEquals(BASE + "/harbour/img/buoy.svg", rss.text("//item/media:content/@url"));
        String src = Jsoup.parseBodyFragment(rss.text("//item/content:encoded")).selectFirst("img[alt='A red buoy']").attr("src");
        assertEquals(BASE + "/harbour/img/buoy.svg", src);
        byte[] svg = given().get("/harbour/img/buoy.svg").then().statusCode(200).contentType("image/svg+xml")
                .extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of(FIXTURE, "static/img/buoy.svg")), svg);
        String modified = given().get("/harbour/img/buoy.svg").then().extract().header("Last-Modified");
        given().header("If-Modified-Since", modified).get("/harbour/img/buoy.svg").then().statusCode(304);
        for (String nothing : List.of("/img/buoy.svg", "/harbour/img/missing-chart.png", "/harbour/index.html",
                "/harbour/fonts/readme.md", "/harbour/docusaurus.config.js", "/harbour/img/", "/harbour/../docusaurus.config.js")) {
            given().redirects().follow(false).get(nothing).then().statusCode(404);
        }
    }
}
