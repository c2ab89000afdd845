package dev.polyfeed.publish;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many documents are rendered at once. Each render holds a feed's object tree and bytes;
 * under a burst of first requests (a reload, a crawler walking every tag feed) unbounded renders are
 * what ran a small heap out of memory. A request that finds every render busy waits a little, then
 * is told to come back ({@link Busy}, answered 503 with Retry-After) rather than pile up.
 */
public final class RenderGate {

    /** Every render is busy and the request waited as long as it may. */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("every render is busy", null, false, false);
        }
    }

    private final Semaphore permits;
    private final int concurrency;
    private final long waitNanos;

    /** @param concurrency renders at once; 0 means twice the cores */
    public RenderGate(int concurrency, Duration wait) {
        int permitted = concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(permitted, true);
        this.concurrency = permitted;
        this.waitNanos = wait.toNanos();
    }

    /** Renders at once, at most. */
    public int concurrency() {
        return concurrency;
    }

    /** A gate that never refuses, for rendering that is not serving (export, tests). */
    public static RenderGate unbounded() {
        return new RenderGate(Integer.MAX_VALUE / 2, Duration.ZERO);
    }

    public <T> T render(Supplier<T> render) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        if (!acquired) {
            throw new Busy();
        }
        try {
            return render.get();
        } finally {
            permits.release();
        }
    }
}
