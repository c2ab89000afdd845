package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfeed.content.ContentProblem;

/**
 * The background check of every body waits {@code polyfeed.render.check-delay} after startup, and only
 * then: an export and a reload do not wait for it. Content: a temporary folder with one post whose
 * {@code <script>} only rendering its body finds.
 */
class StartupCheckTest {

    @TempDir
    Path content;

    private PublicationStore store;

    @BeforeEach
    void writeContent() throws IOException {
        Files.writeString(content.resolve("site.yml"), "title: T\nid: {authority: example.org, date: 2024}\n");
        Files.createDirectories(content.resolve("tr"));
        Files.writeString(content.resolve("tr/script.md"),
                "---\ntitle: Betik\ndate: 2024-01-02\n---\nMetin\n\n<script>alert(1)</script>\n");
        store = new PublicationStore(StoreConfig.of(content, Map.of()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        store.stop();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void atStartupTheFeedsAreServedAtOnceAndTheCheckWaitsUntilAnExportAsksForIt() throws InterruptedException {
        store.onStart(null);
        Publication first = store.current();
        assertTrue(first.find("/tr/rss.xml").orElseThrow().text().contains("Metin"));
        // long enough for the check of one body to have finished, had it begun
        Thread.sleep(1_000);
        assertTrue(first.bodyProblems().isEmpty(), "the check waits for its delay");

        store.checkBodiesNow();
        List<ContentProblem> found = first.awaitBodyProblems();
        assertEquals(1, found.size(), found::toString);
        assertEquals(content.resolve("tr/script.md").toString(), found.get(0).path());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aReloadChecksAtOnce() {
        store.onStart(null);
        Publication reloaded = store.reload();
        assertEquals(1, reloaded.awaitBodyProblems().size());
    }
}
