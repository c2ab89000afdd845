package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.publish.Watchers;
import dev.polyfeed.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Content deployed the ways operators deploy it, with the server watching: a release swapped in by
 * replacing a symbolic link ({@code ln -sfn release-2 current}), a Kubernetes ConfigMap volume whose
 * {@code ..data} link the kubelet swaps, the folder vanishing and coming back, and the watcher's thread
 * dying. Each is picked up whole; what readiness says is checked at every step. The trees are written
 * under target/deploys at test time (symbolic links do not belong in git).
 */
@QuarkusTest
@TestProfile(DeploysTest.Deploys.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploysTest {

    static final Path DEPLOYS = Path.of("target", "deploys").toAbsolutePath();
    static final Path CURRENT = DEPLOYS.resolve("current");
    static final String CONTENT = "checks.find { it.name == 'content' }";

    public static class Deploys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                delete(DEPLOYS);
                release("release-1", "Birinci sürüm");
                link(CURRENT, DEPLOYS.resolve("release-1"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("polyfeed.content-dir", CURRENT.toString(), "polyfeed.watch", "true",
                    "polyfeed.watch.poll-interval", "200ms", "polyfeed.watch.stale-after", "2s");
        }
    }

    @Inject
    PublicationStore store;

    /** A release folder with two Turkish posts whose titles all start with {@code title}. */
    static Path release(String name, String title) throws IOException {
        Path release = DEPLOYS.resolve(name);
        Files.createDirectories(release.resolve("tr"));
        Files.writeString(release.resolve("site.yml"), "title: Sürümler\nid: {authority: example.org, date: 2024}\n");
        for (int i = 1; i <= 2; i++) {
            Files.writeString(release.resolve("tr/yazi-" + i + ".md"),
                    "---\ntitle: " + title + " " + i + "\ndate: 2024-01-0" + i + "\n---\nMetin.\n");
        }
        return release;
    }

    /** Points {@code link} at {@code target} in one step, as {@code ln -sfn} and the kubelet do. */
    static void link(Path link, Path target) throws IOException {
        Path temp = link.resolveSibling(".tmp-" + link.getFileName());
        Files.deleteIfExists(temp);
        Files.createSymbolicLink(temp, target);
        Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void delete(Path path) throws IOException {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> all = Files.walk(path)) {
                all.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<String> titles() {
        return ReloadTest.titles("/tr/atom.xml");
    }

    /** Polls the feed until it shows {@code title}, failing if it ever shows a mix of two releases. */
    static void servedWhole(String title) throws InterruptedException {
        ReloadTest.eventually(title, () -> {
            List<String> titles = titles();
            Set<String> releases = Set.copyOf(titles.stream().map(t -> t.substring(0, t.lastIndexOf(' '))).toList());
            assertEquals(1, releases.size(), () -> "a mix of releases was served: " + titles);
            return releases.contains(title);
        });
    }

    static JsonPath readiness() {
        return Management.given().get("/q/health/ready").then().extract().jsonPath();
    }

    @Test
    @Order(1)
    void aReleaseSwappedInByASymbolicLinkIsServedWhole() throws Exception {
        servedWhole("Birinci sürüm");
        release("release-2", "İkinci sürüm");
        link(CURRENT, DEPLOYS.resolve("release-2"));
        servedWhole("İkinci sürüm");
        assertEquals("UP", readiness().getString("status"));
    }

    @Test
    @Order(2)
    void aConfigMapUpdateIsServedWhole() throws Exception {
        // the kubelet's layout: visible names link through ..data to a timestamped folder
        Path volume = DEPLOYS.resolve("configmap");
        Files.createDirectories(volume);
        Files.move(release("..2024_01_01", "Harita bir"), volume.resolve("..2024_01_01"));
        link(volume.resolve("..data"), Path.of("..2024_01_01"));
        link(volume.resolve("site.yml"), Path.of("..data/site.yml"));
        link(volume.resolve("tr"), Path.of("..data/tr"));
        link(CURRENT, volume);
        servedWhole("Harita bir");

        Files.move(release("..2024_01_02", "Harita iki"), volume.resolve("..2024_01_02"));
        link(volume.resolve("..data"), Path.of("..2024_01_02"));
        servedWhole("Harita iki");
    }

    @Test
    @Order(3)
    void aVanishedFolderKeepsTheLastGoodContentAndReadinessSaysSo() throws Exception {
        link(CURRENT, DEPLOYS.resolve("no-such-release"));
        ReloadTest.eventually("readiness naming the missing folder", () ->
                String.valueOf(readiness().getString(CONTENT + ".data.lastReloadFailed")).contains("missing"));
        assertEquals(List.of("Harita iki 2", "Harita iki 1"), titles(), "the last good content is served");
        // once stale for longer than polyfeed.watch.stale-after, readiness goes DOWN for the orchestrator
        ReloadTest.eventually("readiness DOWN", () -> Management.given().get("/q/health/ready").statusCode() == 503);
        assertTrue(readiness().getString(CONTENT + ".data.reason").contains("still not served"));

        link(CURRENT, DEPLOYS.resolve("release-1"));
        servedWhole("Birinci sürüm");
        ReloadTest.eventually("readiness UP again", () -> Management.given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    @Order(4)
    void aWatcherWhoseThreadDiesIsRestartedAndSaysSo() throws Exception {
        Thread watcher = Watchers.thread(store);
        watcher.interrupt();
        watcher.join(5_000);
        ReloadTest.eventually("a restarted watcher", () -> Integer.valueOf(1).equals(readiness().get(CONTENT + ".data.watcherRestarts"))
                && Watchers.thread(store) != watcher && Watchers.thread(store).isAlive());
        Management.given().get("/q/health/live").then().statusCode(200);
        // and it watches: an edit in the current release is published
        ReloadTest.write(DEPLOYS.resolve("release-1"), "tr/yazi-1.md",
                "---\ntitle: Birinci sürüm 1\ndate: 2024-01-03\n---\nYeni metin.\n");
        ReloadTest.eventually("the edit", () -> given().get("/tr/posts/yazi-1").asString().contains("Yeni metin"));
    }
}
