package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The wait for a scheduled post runs on the monotonic clock, its due time is on the wall clock: an
 * operator (or NTP, or a suspended laptop) may set the wall clock while the server waits. The store
 * reads the wall clock again at each step of its wait, so a clock set back holds the post back and a
 * clock set forward brings it out within a step. The step is 10 minutes in production, 100 ms here.
 * Content: a temporary folder with a post out already and one dated {@link #DUE}.
 */
class ListingClockResetTest {

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
                "---\ntitle: Written ahead\ndate: " + DUE + "\n---\nThe pier opens today.\n");
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.stop();
        }
    }

    private Publication start(SettableClock clock) {
        store = new PublicationStore(StoreConfig.of(content, Map.of("polyfeed.watch", "false")), clock, STEP);
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
    void aClockSetBackHoldsThePostBackUntilItsDateComesOnTheNewClock() throws InterruptedException {
        SettableClock clock = new SettableClock(DUE.minusSeconds(5));
        long started = System.nanoTime();
        Publication before = start(clock);
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
        Publication before = start(clock);

        // a wait for the day the first clock gave would time the test out
        clock.set(DUE.plusSeconds(1));
        Publication after = next(before);
        assertTrue(listsTheScheduledPost(after), "a day early on the old clock, due on the new one");
    }
}
