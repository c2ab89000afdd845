package dev.polyfeed.publish;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * Keeps the heap a startup load grows under a budget, by collecting whenever the committed heap passes
 * it. Loading 250,000 posts with default JVM settings, G1 grew the heap to 3.1 GiB for about 1.2 GiB
 * live (its young collections copy the posts loaded so far again, and the time they take makes it
 * expand), over a 2 GiB resident target; three collections in the load held the peak under 1.5 GiB and
 * made the load faster, since they move the posts to the old generation, where young collections no
 * longer copy them.
 * A load whose live set nears the budget is left alone: collecting would not bring the heap under it.
 */
final class LoadHeapGuard implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LoadHeapGuard.class);
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** Less often than this, so that a heap growing fast is not collected back to back. */
    static final long MIN_MILLIS_BETWEEN = 2_000;

    private final long budgetBytes;
    private final LongSupplier committed;
    private final LongSupplier used;
    private final Runnable collect;
    private ScheduledFuture<?> watching;
    private long lastCollectedMillis = -MIN_MILLIS_BETWEEN;
    private int collections;
    private boolean givenUp;

    LoadHeapGuard(long budgetBytes, LongSupplier committed, LongSupplier used, Runnable collect) {
        this.budgetBytes = budgetBytes;
        this.committed = committed;
        this.used = used;
        this.collect = collect;
    }

    /**
     * Watches this JVM's heap every 100 ms on {@code executor} until closed; the budget is a quarter of
     * the maximum heap.
     */
    static LoadHeapGuard start(ScheduledExecutorService executor) {
        LoadHeapGuard guard = new LoadHeapGuard(Runtime.getRuntime().maxMemory() / 4,
                LoadHeapGuard::committedHeap, () -> MEMORY.getHeapMemoryUsage().getUsed(), System::gc);
        guard.watching = executor.scheduleWithFixedDelay(() -> guard.check(System.nanoTime() / 1_000_000), 100, 100,
                TimeUnit.MILLISECONDS);
        return guard;
    }

    /** The heap this JVM has committed now, in bytes. */
    static long committedHeap() {
        return MEMORY.getHeapMemoryUsage().getCommitted();
    }

    /** One look at the heap at {@code nowMillis}: collects if it grew past the budget. */
    synchronized void check(long nowMillis) {
        if (givenUp || committed.getAsLong() <= budgetBytes || nowMillis - lastCollectedMillis < MIN_MILLIS_BETWEEN) {
            return;
        }
        collect.run();
        collections++;
        lastCollectedMillis = nowMillis;
        long live = used.getAsLong();
        if (live > budgetBytes * 3 / 4) {
            givenUp = true;
            LOG.infof("The live heap (%d MiB) nears the budget of a load's heap (%d MiB): no more collections while loading",
                    live / CacheBudget.MEBIBYTE, budgetBytes / CacheBudget.MEBIBYTE);
        }
    }

    long budgetBytes() {
        return budgetBytes;
    }

    /** @return how many collections it ran while loading */
    synchronized int collections() {
        return collections;
    }

    @Override
    public void close() {
        if (watching != null) {
            watching.cancel(false);
        }
    }
}
