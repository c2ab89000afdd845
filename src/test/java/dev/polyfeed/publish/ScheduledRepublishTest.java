package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


/**
 * A post written ahead is served once its date comes, with no edit, no restart and no watcher (watch
 * mode is off, as in production): the server republishes at that instant. Content: a temporary folder
 * with a post out already and one dated {@link #DUE}; the clock reads two seconds before it when the
 * server starts, and runs on.
 */
class ScheduledRepublishTest {

    private static final Instant DUE = Instant.parse("2030-01-01T09:00:00Z");

    @TempDir
    Path content;

    private PublicationStore store;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(content.resolve("site.yml"), "title: T\nid: {authority: example.org, date: 2024}\n");
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("en/out-already.md"), "---\ntitle: Out already\ndate: 2029-06-01\n---\nOld news.\n");
        Files.writeString(content.resolve("en/written-ahead.md"),
                "---\ntitle: Written ahead\ndate: " + DUE + "\ntags: [pier]\n---\nThe pier opens today.\n");
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), DUE.minusSeconds(2)));
        // no watcher, as in production: nothing but the schedule can bring the post out
        store = new PublicationStore(StoreConfig.of(content, Map.of("polyfeed.watch", "false")), clock);
    }

    @AfterEach
    void stop() {
        store.stop();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aScheduledPostIsPublishedWhenItsDateComes() throws InterruptedException {
        store.onStart(null);
        Publication before = store.current();
        String feedBefore = before.find("/en/rss.xml").orElseThrow().text();
        assertTrue(feedBefore.contains("Out already"), feedBefore);
        assertFalse(feedBefore.contains("Written ahead"), "not before its date");
        assertEquals(Optional.empty(), before.find("/en/posts/written-ahead"));
        assertEquals(Optional.empty(), before.find("/en/tags/pier/rss.xml"));
        assertEquals(Optional.of(DUE), before.catalog().nextListingChange());

        while (store.current() == before) {
            Thread.sleep(50);
        }
        Publication after = store.current();
        String feedAfter = after.find("/en/rss.xml").orElseThrow().text();
        assertTrue(feedAfter.contains("Written ahead"), feedAfter);
        assertTrue(after.find("/en/tags/pier/rss.xml").isPresent(), "its tag's feed is out with it");
        assertTrue(after.find("/en/posts/written-ahead").isPresent(), "and its page");
        assertNotEquals(before.find("/en/rss.xml").orElseThrow().etag(), after.find("/en/rss.xml").orElseThrow().etag());
        assertEquals(Optional.empty(), after.catalog().nextListingChange());
    }
}
