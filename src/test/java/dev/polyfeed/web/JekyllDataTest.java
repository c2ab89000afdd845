package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.polyfeed.address.Address;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A Jekyll site without {@code url} whose posts use {@code site.data}
 * (src/test/resources/sites/jekyll-data): values of its {@code _data} YAML, JSON and CSV files are
 * filled in, one that is in none is left out and reported, a {@code _data} file that cannot be read is
 * reported; and its files outside the {@code _} folders are served where its posts point.
 */
@QuarkusTest
@TestProfile(JekyllDataTest.Data.class)
class JekyllDataTest {

    static final String FIXTURE = "src/test/resources/sites/jekyll-data";
    static final String BASE = "https://feeds.example.org";

    public static class Data implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", FIXTURE, "polyfeed.base-url", BASE);
        }
    }

    private static String crossing() {
        return FeedsTest.feed("/en/rss.xml").text("//item[title='A calm crossing']/content:encoded");
    }

    @Test
    void siteDataValuesAreFilledIn() {
        String text = Jsoup.parseBodyFragment(crossing()).text();
        assertTrue(text.contains("Ada Quayle (first mate) took the wheel under Captain Mara Keel, on the Tern, for Ferry Notes."), text);
        assertTrue(text.contains("The second stop is Gull Rock, east side, 12 minutes out."), text);
        assertTrue(text.contains("Nobody knows ."), text);
        assertFalse(crossing().contains("{{"), crossing());
    }

    @Test
    void whatCannotBeFilledInIsReportedOnce() {
        List<String> problems = new ContentLoader(Address::postPath).load(Path.of(FIXTURE), Optional.of(BASE)).catalog()
                .problems().stream().map(Object::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(FIXTURE + "/_posts/2024-05-04-crossing.md:9:")
                && p.contains("{{ site.data.authors.zoe.name }}")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(FIXTURE + "/_data/broken.yml:1:")
                && p.contains("its values are not filled in")), problems.toString());
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void theSitesFilesAreServedWhereItsPostsPoint() throws IOException {
        Document body = Jsoup.parseBodyFragment(crossing());
        String ferry = body.selectFirst("img[alt='The ferry']").attr("src");
        String gulls = body.selectFirst("img[alt='the gulls']").attr("src");
        assertEquals(BASE + "/assets/img/ferry.png", ferry);
        assertEquals(BASE + "/images/gulls.svg", gulls);
        byte[] png = given().get("/assets/img/ferry.png").then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of(FIXTURE, "assets/img/ferry.png")), png);
        given().get("/images/gulls.svg").then().statusCode(200).contentType("image/svg+xml");
        // sources, configuration, data, the _ folders, excluded folders and HTML stay where they are
        for (String nothing : List.of("/_config.yml", "/_data/authors.yml", "/_posts/2024-05-04-crossing.md",
                "/_includes/hidden.svg", "/_includes/footer.html", "/drafts-private/secret.svg", "/assets/", "/assets/img")) {
            given().redirects().follow(false).get(nothing).then().statusCode(404);
        }
    }
}
