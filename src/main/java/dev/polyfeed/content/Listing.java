package dev.polyfeed.content;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a post is listed (in feeds, on pages, at its address): from its date on where its site publishes
 * only what is due (Polyfeed's own layout, Hugo, Jekyll without {@code future: true}), and until it
 * expires (Hugo's {@code expiryDate}). Outside that window a post is served nowhere, like a draft;
 * unlike a draft, it comes in (or goes) by itself when the window's edge passes, without an edit or a
 * restart: the server republishes then (which a static site needs a rebuild for).
 *
 * @param from the first instant it is listed
 * @param until the first instant it is no longer listed
 */
public record Listing(Instant from, Instant until) {

    /** Listed whatever the time: what a site that publishes future-dated posts gives each of them. */
    public static final Listing ALWAYS = new Listing(Instant.MIN, Instant.MAX);

    public Listing {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /** Listed from its date on, for good. */
    public static Listing from(Instant date) {
        return new Listing(date, Instant.MAX);
    }

    public Listing until(Instant expiry) {
        return new Listing(from, expiry);
    }

    public boolean listedAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }

    /** Whether it is not listed yet and will be: a scheduled post. */
    public boolean scheduledAt(Instant now) {
        return now.isBefore(from) && from.isBefore(until);
    }

    /** The first instant after {@code now} at which {@link #listedAt} answers otherwise, if one ever comes. */
    public Optional<Instant> nextChangeAfter(Instant now) {
        if (!from.isBefore(until)) {
            return Optional.empty(); // expired before its date: never listed
        }
        if (now.isBefore(from)) {
            return Optional.of(from);
        }
        return now.isBefore(until) && !until.equals(Instant.MAX) ? Optional.of(until) : Optional.empty();
    }
}
