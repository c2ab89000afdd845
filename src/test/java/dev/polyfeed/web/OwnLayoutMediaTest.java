package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Relative images of Polyfeed's own layout (src/test/resources/sites/polyfeed-media): those of a
 * single file ({@code tr/2024-08-01-iskele.md}, images in {@code tr/gorseller/}) and of a bundle
 * ({@code tr/2024-09-01-tekne/index.md} with {@code adim.png} beside it) resolve below the post's
 * address, where Polyfeed serves them from the post's folder.
 */
@QuarkusTest
@TestProfile(OwnLayoutMediaTest.Media.class)
class OwnLayoutMediaTest {

    static final String FIXTURE = "src/test/resources/sites/polyfeed-media";
    static final String BASE = "https://feeds.example.org";

    public static class Media implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("polyfeed.content-dir", FIXTURE, "polyfeed.base-url", BASE);
        }
    }

    @Test
    void aSingleFilesImagesAreBesideIt() throws IOException {
        Xml rss = FeedsTest.feed("/tr/rss.xml");
        String item = "//item[title='İskelede sabah']";
        String image = BASE + "/tr/posts/iskele/gorseller/iskele.png";
        assertEquals(image, rss.text(item + "/media:content/@url"));
        assertEquals(image, Jsoup.parseBodyFragment(rss.text(item + "/content:encoded")).selectFirst("img").attr("src"));
        byte[] png = given().get(image.substring(BASE.length())).then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of(FIXTURE, "tr/gorseller/iskele.png")), png);
        // a link to a file that is not there, and the post's own source, are not found
        given().get("/tr/posts/iskele/gorseller/yok.pdf").then().statusCode(404);
        given().get("/tr/posts/iskele/2024-08-01-iskele.md").then().statusCode(404);
    }

    @Test
    void aBundlesImagesAreBelowThePostsAddress() throws IOException {
        String html = FeedsTest.feed("/tr/atom.xml").text("//a:entry[a:title='Teknenin boyası']/a:content");
        String src = Jsoup.parseBodyFragment(html).selectFirst("img").attr("src");
        assertEquals(BASE + "/tr/posts/tekne/adim.png", src);
        byte[] png = given().get("/tr/posts/tekne/adim.png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of(FIXTURE, "tr/2024-09-01-tekne/adim.png")), png);
        // the post's page itself is where it was
        given().get("/tr/posts/tekne").then().statusCode(200);
    }
}
