package dev.polyfeed.web;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyfeed.publish.Representation;
import io.netty.util.AsciiString;

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

    private record Stamp(long second, CharSequence value) {
    }

    private final Clock clock;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    ServerDate(Clock clock) {
        this.clock = clock;
    }

    /** Now, as the {@code Date} header writes it. */
    CharSequence now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Stamp current = stamp;
        if (current.second() != second) {
            current = new Stamp(second, new AsciiString(Representation.httpDate(Instant.ofEpochSecond(second))));
            stamp = current;
        }
        return current.value();
    }
}
