package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ServerDateTest {

    /** A clock the test moves; in a zone other than UTC, which the header must not follow. */
    private static final class SteppedClock extends Clock {
        Instant now;

        SteppedClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(3);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void writesImfFixdateInGmtWithTwoDigitDays() {
        // 2025-03-04 was a Tuesday; 05:06 UTC is 08:06 in the clock's zone
        ServerDate date = new ServerDate(new SteppedClock(Instant.parse("2025-03-04T05:06:07.900Z")));
        assertEquals("Tue, 04 Mar 2025 05:06:07 GMT", date.now().toString());
    }

    @Test
    void formatsOnceASecond() {
        SteppedClock clock = new SteppedClock(Instant.parse("2025-12-31T23:59:59.001Z"));
        ServerDate date = new ServerDate(clock);
        CharSequence first = date.now();
        clock.now = Instant.parse("2025-12-31T23:59:59.999Z");
        assertSame(first, date.now(), "the same second formats nothing anew");
        clock.now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals("Thu, 01 Jan 2026 00:00:00 GMT", date.now().toString());
    }

    @Test
    void aClockThatStepsBackIsFollowed() {
        SteppedClock clock = new SteppedClock(Instant.parse("2025-06-01T12:00:10Z"));
        ServerDate date = new ServerDate(clock);
        date.now();
        clock.now = Instant.parse("2025-06-01T12:00:09Z");
        assertEquals("Sun, 01 Jun 2025 12:00:09 GMT", date.now().toString());
    }
}
