package dev.polyfeed.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Management;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Against the packaged application (the jar here; the native executable with -Dnative), started as the
 * container starts it, serving the repository's own content/.
 */
@QuarkusIntegrationTest
class PackagedJarIT {

    private static Xml feed(String path) {
        return Xml.parse(given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void servesTheSeedArticlesInEveryLanguage() {
        for (String lang : List.of("tr", "hi", "ar", "id")) {
            Xml atom = feed("/" + lang + "/atom.xml");
            assertEquals(lang, atom.text("/a:feed/@xml:lang"));
            assertTrue(atom.texts("//a:entry/a:id").contains("tag:polyfeed.dev,2025-01-01:" + lang + "/deepseek-open-source-revolution"),
                    lang);
        }
        Xml arabic = feed("/ar/rss.xml");
        assertEquals("ar", arabic.text("/rss/channel/language"));
        assertTrue(arabic.text("//item[1]/content:encoded").startsWith("<div lang=\"ar\" dir=\"rtl\">"));
        // the Hindi translation tags it डीपसीक, its own spelling: a different tag by the identity rules
        assertEquals(List.of("ar", "id", "tr"), feed("/tags/deepseek/atom.xml")
                .texts("//a:entry[contains(a:id, 'deepseek-open-source-revolution')]/@xml:lang"));
        assertEquals(List.of("hi"), feed("/tags/%E0%A4%A1%E0%A5%80%E0%A4%AA%E0%A4%B8%E0%A5%80%E0%A4%95/atom.xml")
                .texts("//a:entry/@xml:lang"));
    }

    @Test
    void healthAndRevalidation() {
        Management.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String etag = given().when().get("/tr/rss.xml").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/tr/rss.xml").then().statusCode(304);
    }
}
