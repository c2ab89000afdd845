package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When the guard of a startup load's heap collects, on a heap simulated by two numbers. */
class LoadHeapGuardTest {

    private static final long MIB = 1 << 20;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong liveAfterCollection = new AtomicLong(100 * MIB);
    private final LoadHeapGuard guard = new LoadHeapGuard(1000 * MIB, committed::get, used::get, () -> {
        // a collection leaves the live set, and the heap committed for it
        used.set(liveAfterCollection.get());
        committed.set(liveAfterCollection.get() * 2);
    });

    @Test
    void aHeapUnderTheBudgetIsLeftAlone() {
        committed.set(1000 * MIB);
        guard.check(10_000);
        assertEquals(0, guard.collections());
    }

    @Test
    void aHeapPastTheBudgetIsCollectedAtMostEveryTwoSeconds() {
        committed.set(1200 * MIB);
        guard.check(10_000);
        assertEquals(1, guard.collections());
        assertEquals(200 * MIB, committed.get(), "the collection gave the heap back");

        committed.set(1500 * MIB);
        guard.check(10_000 + LoadHeapGuard.MIN_MILLIS_BETWEEN - 1);
        assertEquals(1, guard.collections(), "too soon after the last one");
        guard.check(10_000 + LoadHeapGuard.MIN_MILLIS_BETWEEN);
        assertEquals(2, guard.collections());
    }

    @Test
    void aLiveSetNearTheBudgetStopsTheCollections() {
        liveAfterCollection.set(800 * MIB);
        committed.set(1200 * MIB);
        guard.check(10_000);
        assertEquals(1, guard.collections());

        committed.set(1600 * MIB);
        guard.check(20_000);
        assertEquals(1, guard.collections(), "collecting would not bring the heap under the budget");
    }
}
