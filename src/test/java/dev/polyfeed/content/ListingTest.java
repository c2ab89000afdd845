package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ListingTest {

    private static final Instant DATE = Instant.parse("2030-01-01T09:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2030-02-01T00:00:00Z");

    @Test
    void listedFromItsDateInclusiveUntilItsExpiryExclusive() {
        Listing listing = Listing.from(DATE).until(EXPIRY);
        assertFalse(listing.listedAt(DATE.minusMillis(1)));
        assertTrue(listing.scheduledAt(DATE.minusMillis(1)));
        assertEquals(Optional.of(DATE), listing.nextChangeAfter(DATE.minusMillis(1)));
        assertTrue(listing.listedAt(DATE));
        assertFalse(listing.scheduledAt(DATE));
        assertEquals(Optional.of(EXPIRY), listing.nextChangeAfter(DATE));
        assertFalse(listing.listedAt(EXPIRY));
        assertFalse(listing.scheduledAt(EXPIRY), "expired, not waiting");
        assertEquals(Optional.empty(), listing.nextChangeAfter(EXPIRY));
    }

    @Test
    void withoutAnExpiryNothingChangesOnceListed() {
        assertEquals(Optional.empty(), Listing.from(DATE).nextChangeAfter(DATE));
        assertEquals(Optional.empty(), Listing.ALWAYS.nextChangeAfter(DATE));
        assertTrue(Listing.ALWAYS.listedAt(Instant.MIN));
    }

    @Test
    void expiringBeforeItsDateItIsNeverListedAndNothingIsWaitedFor() {
        Listing never = Listing.from(EXPIRY).until(DATE);
        assertFalse(never.listedAt(DATE.minusSeconds(1)));
        assertFalse(never.listedAt(EXPIRY));
        assertFalse(never.scheduledAt(DATE.minusSeconds(1)));
        assertEquals(Optional.empty(), never.nextChangeAfter(DATE.minusSeconds(1)));
    }
}
