package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import jakarta.inject.Inject;

import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.testing.Management;
import dev.polyfeed.testing.Xml;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Live reload: the server watches a copy of the fixture tree and publishes every change. */
@QuarkusTest
@TestProfile(ReloadTest.Watching.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReloadTest {

    @Inject
    PublicationStore store;

    static final Path CONTENT = Path.of("target", "reload-content");

    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyFixture(CONTENT);
            // the periodic check would walk the folder and reload it whole: these tests see what the watcher's events do
            return Map.of("polyfeed.content-dir", CONTENT.toString(), "polyfeed.watch", "true",
                    "polyfeed.watch.poll-interval", "1h");
        }
    }

    static void copyFixture(Path content) {
        Path source = Path.of("src", "test", "resources", "fixture-content");
        try {
            if (Files.exists(content)) {
                try (Stream<Path> old = Files.walk(content)) {
                    old.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = content.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String path, String text) throws IOException {
        write(CONTENT, path, text);
    }

    static void write(Path content, String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Polls until the condition holds: the watcher publishes within a second or two. */
    static void eventually(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not published within 10 s: " + what);
    }

    static List<String> titles(String path) {
        return Xml.parse(given().when().get(path).then().statusCode(200).extract().asByteArray()).texts("//a:entry/a:title");
    }

    private static String etag(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    @Order(1)
    void anEditIsPublishedAndOnlyItsFeedsChange() throws Exception {
        String arabic = etag("/ar/atom.xml");
        String turkish = etag("/tr/atom.xml");
        write("tr/ucuncu.md", "---\ntitle: Üçüncü (düzeltildi)\ndate: 2024-02-01\ntags: [İstanbul]\n---\n\nYeni metin.\n");
        eventually("the edited title", () -> titles("/tr/atom.xml").contains("Üçüncü (düzeltildi)"));
        assertFalse(etag("/tr/atom.xml").equals(turkish));
        assertEquals(arabic, etag("/ar/atom.xml"), "a feed whose bytes did not change keeps its ETag");
        // the watcher named the file: the folder was not walked, and the post was put in the catalog's places
        assertFalse(store.current().load().parsed().walked());
        assertTrue(store.current().load().parsed().patched());
    }

    @Test
    @Order(2)
    void anAddedPostAppears() throws Exception {
        write("tr/yeni.md", "---\ntitle: Yepyeni\ndate: 2024-04-01\ntags: [ai]\n---\n\nMetin.\n");
        eventually("the new post", () -> titles("/tr/atom.xml").contains("Yepyeni"));
        assertEquals("Yepyeni", titles("/tags/ai/atom.xml").get(0));
        given().when().get("/tr/posts/yeni").then().statusCode(200);
        assertFalse(store.current().load().parsed().walked(), "a new post in a known folder is no reason to walk");
        assertFalse(store.current().load().parsed().patched(), "a new post is indexed with the others");
    }

    @Test
    @Order(3)
    void aDeletedPostDisappears() throws Exception {
        Files.delete(CONTENT.resolve("tr/yeni.md"));
        eventually("the removal", () -> given().when().get("/tr/posts/yeni").then().extract().statusCode() == 404);
        assertFalse(titles("/tr/atom.xml").contains("Yepyeni"));
        assertFalse(store.current().load().parsed().walked());
    }

    @Test
    @Order(4)
    void aBurstOfChangesEndsInTheLastState() throws Exception {
        for (int i = 1; i <= 25; i++) {
            write("tr/burst.md", "---\ntitle: Patlama " + i + "\ndate: 2024-05-01\n---\n\nMetin " + i + ".\n");
        }
        eventually("the last version", () -> titles("/tr/atom.xml").contains("Patlama 25"));
        assertTrue(titles("/tr/atom.xml").stream().noneMatch(t -> t.startsWith("Patlama ") && !t.equals("Patlama 25")));
    }

    @Test
    @Order(5)
    void aBrokenEditKeepsEveryGoodPostAndIsReported() throws Exception {
        write("tr/burst.md", "---\ntitle: [never closed\n---\n");
        eventually("the broken post leaving", () -> !titles("/tr/atom.xml").contains("Patlama 25"));
        assertTrue(titles("/tr/atom.xml").contains("Merhaba dünya"), "good posts stay");
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("reload-content/tr/burst.md"));
    }

    @Test
    @Order(6)
    void siteYmlChangesArePublished() throws Exception {
        String site = Files.readString(CONTENT.resolve("site.yml")).replace("title: Deneme Sitesi", "title: Yeni Ad");
        write("site.yml", site);
        eventually("the new language title", () -> Xml.parse(given().when().get("/tr/atom.xml").then().extract()
                .asByteArray()).text("/a:feed/a:title").equals("Yeni Ad"));
    }
}
