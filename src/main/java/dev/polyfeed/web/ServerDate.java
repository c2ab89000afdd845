package dev.polyfeed.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyfeed.publish.Representation;
import io.netty.util.AsciiString;
import io.vertx.core.http.HttpServerResponse;

/**
 * The {@code Date} header's value, which RFC 9110 (section 6.6.1) requires of a server with a clock on
 * every 2xx, 3xx and 4xx answer: caches in front take a response's age from it, and browsers their
 * freshness from {@code Last-Modified} against it. Vert.x sends none of its own. HTTP dates have whole
 * seconds, so the value is formatted once a second, not once a request, as nginx does; event loops may
 * race to replace it, and each then sees one whole stamp.
 */
@ApplicationScoped
class ServerDate {

    static final CharSequence DATE = io.vertx.core.http.HttpHeaders.createOptimized("Date");

    /** A second since the epoch and its {@code Date} value. */
    record Stamp(long second, CharSequence value) {
    }

    private final Clock clock;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    ServerDate(Clock clock) {
        this.clock = clock;
    }

    /** Now, as the {@code Date} header writes it. */
    CharSequence now() {
        return stamp().value();
    }

    /** Now, to the second, with its {@code Date} value: one answer's time of origination. */
    Stamp stamp() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Stamp current = stamp;
        if (current.second() != second) {
            current = new Stamp(second, new AsciiString(Representation.httpDate(Instant.ofEpochSecond(second))));
            stamp = current;
        }
        return current;
    }

    /**
     * The second the {@code Date} header a response already carries names ({@link DocumentRoute} puts
     * it first on every answer, whichever route then sends it), or now if it carries none.
     */
    long secondOf(HttpServerResponse response) {
        String value = response.headers().get(DATE);
        if (value != null) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
            } catch (DateTimeParseException unreadable) {
                // not one this class wrote: now, then
            }
        }
        return stamp().second();
    }
}
