package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * with a post out already and one dated {@link #DUE}.
 *
 * <p>The wait runs on the monotonic clock and the due time is on the wall clock, which an operator (or
 * NTP, or a suspended laptop) may set while the server waits. The store reads the wall clock again at
 * each step of its wait, so a clock set back holds the post back and one set forward brings it out
 * within a step: 10 minutes in production, {@link #STEP} in the tests that set the clock.
 */
class ScheduledRepublishTest {

    private static final Instant DUE = Instant.parse("2030-01-01T09:00:00Z");
    private static final Duration STEP = Duration.ofMillis(100);

    /** The wall clock, running on from wherever the test sets it. */
    private static final class SettableClock extends Clock {
        private volatile Duration offset;

        SettableClock(Instant now) {
            set(now);
        }

        void set(Instant now) {
            offset = Duration.between(Instant.now(), now);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TempDir
    Path content;

    private PublicationStore store;

    @BeforeEach
    void write() throws IOException {
        Files.writeString(content.resolve("site.yml"), "title: T\nid: {authority: example.org, date: 2024}\n");
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("en/out-already.md"), "---\ntitle: Out already\ndate: 2029-06-01\n---\nOld news.\n");
        Files.writeString(content.resolve("en/written-ahead.md"),
                "---\ntitle: Written ahead\ndate: " + DUE + "\ntags: [pier]\n---\nThe pier opens today.\n");
    }

    @AfterEach
    void stop() {
        store.stop();
    }

    /** No watcher, as in production: nothing but the schedule can bring the post out. */
    private Publication start(Clock clock, Duration step) {
        store = new PublicationStore(StoreConfig.of(content, Map.of("polyfeed.watch", "false")), clock, step);
        store.onStart(null);
        Publication first = store.current();
        assertEquals(Optional.of(DUE), first.catalog().nextListingChange());
        assertFalse(listsTheScheduledPost(first), "not before its date");
        return first;
    }

    private static boolean listsTheScheduledPost(Publication publication) {
        return publication.find("/en/rss.xml").orElseThrow().text().contains("Written ahead");
    }

    private Publication next(Publication before) throws InterruptedException {
        while (store.current() == before) {
            Thread.sleep(20);
        }
        return store.current();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aScheduledPostIsPublishedWhenItsDateComes() throws InterruptedException {
        // two seconds before the post's date, running on; the production step
        Publication before = start(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), DUE.minusSeconds(2))),
                PublicationStore.LISTING_CHANGE_STEP);
        assertTrue(before.find("/en/rss.xml").orElseThrow().text().contains("Out already"));
        assertEquals(Optional.empty(), before.find("/en/posts/written-ahead"));
        assertEquals(Optional.empty(), before.find("/en/tags/pier/rss.xml"));

        Publication after = next(before);
        assertTrue(listsTheScheduledPost(after), after.find("/en/rss.xml").orElseThrow().text());
        assertTrue(after.find("/en/tags/pier/rss.xml").isPresent(), "its tag's feed is out with it");
        assertTrue(after.find("/en/posts/written-ahead").isPresent(), "and its page");
        assertNotEquals(before.find("/en/rss.xml").orElseThrow().etag(), after.find("/en/rss.xml").orElseThrow().etag());
        assertEquals(Optional.empty(), after.catalog().nextListingChange());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aClockSetBackHoldsThePostBackUntilItsDateComesOnTheNewClock() throws InterruptedException {
        SettableClock clock = new SettableClock(DUE.minusSeconds(5));
        long started = System.nanoTime();
        Publication before = start(clock, STEP);
        clock.set(DUE.minus(Duration.ofHours(1)));
        assertSame(before, store.current(), "the test set the clock back before the post was due");

        // past the instant the first wait was taken for: a wait on the monotonic clock alone would end now
        Thread.sleep(Math.max(0, Duration.ofSeconds(6).toMillis() - (System.nanoTime() - started) / 1_000_000));
        assertSame(before, store.current(), "an hour before its date on the clock it now reads, the post stays back");

        clock.set(DUE.plusSeconds(1));
        Publication after = next(before);
        assertTrue(listsTheScheduledPost(after), "out once the clock reaches its date");
        assertEquals(Optional.empty(), after.catalog().nextListingChange());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aClockSetForwardBringsThePostOutWithinAStep() throws InterruptedException {
        SettableClock clock = new SettableClock(DUE.minus(Duration.ofDays(1)));
        Publication before = start(clock, STEP);

        // a wait for the day the first clock gave would time the test out
        clock.set(DUE.plusSeconds(1));
        Publication after = next(before);
        assertTrue(listsTheScheduledPost(after), "a day early on the old clock, due on the new one");
    }
}
