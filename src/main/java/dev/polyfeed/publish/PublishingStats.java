package dev.polyfeed.publish;

import java.util.concurrent.atomic.LongAdder;

/**
 * What publishing has done since startup, counted for metrics ({@link PublicationMetrics} reads it):
 * lookups of rendered documents that found one in the cache or did not, and every load of the content
 * folder with how long it took. Counted across reloads, so the counts only grow, as counters must; plain
 * adders, so that counting costs a request nothing worth measuring and this package needs no metrics API.
 */
public final class PublishingStats {

    /** What started a load. */
    public enum Trigger {
        /** The first load, before anything is served. */
        STARTUP,
        /** Any later one: the watcher, SIGHUP, the periodic check, a test. */
        RELOAD
    }

    /** How a load ended. */
    public enum Outcome {
        /** Its publication is served. */
        PUBLISHED,
        /** Strict mode refused the content, or the folder was gone: the previous publication is kept. */
        FAILED
    }

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder[] loads = adders(Trigger.values().length * Outcome.values().length);
    private final LongAdder[] loadNanos = adders(Trigger.values().length * Outcome.values().length);

    /** A document was asked for and was in the cache. */
    void hit() {
        hits.increment();
    }

    /** A document was asked for and was not in the cache: rendered, or waited for while another request rendered it. */
    void miss() {
        misses.increment();
    }

    void loaded(Trigger trigger, Outcome outcome, long nanos) {
        int index = index(trigger, outcome);
        loadNanos[index].add(nanos);
        loads[index].increment();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long loads(Trigger trigger, Outcome outcome) {
        return loads[index(trigger, outcome)].sum();
    }

    public long loadNanos(Trigger trigger, Outcome outcome) {
        return loadNanos[index(trigger, outcome)].sum();
    }

    private static int index(Trigger trigger, Outcome outcome) {
        return trigger.ordinal() * Outcome.values().length + outcome.ordinal();
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
