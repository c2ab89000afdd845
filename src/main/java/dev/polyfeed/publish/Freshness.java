package dev.polyfeed.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether what is served is what is on disk: when a change was first seen and not yet published,
 * why the last reload failed, how often the watcher had to be restarted. Readiness reads it, so that
 * a server quietly serving old content (a reload that keeps failing, a folder that vanished, a watcher
 * that died) is seen by whoever runs it. Thread-safe.
 */
final class Freshness {

    /** What readiness shows. */
    record State(Optional<Instant> changedSince, Optional<String> lastFailure, int watcherRestarts,
            Optional<String> watcherFailure) {

        boolean staleLongerThan(Duration bound, Instant now) {
            return changedSince.map(since -> Duration.between(since, now).compareTo(bound) > 0).orElse(false);
        }
    }

    private Instant changedSince;
    private String lastFailure;
    private int watcherRestarts;
    private String watcherFailure;

    /** Content on disk changed at {@code at}; it is stale until a reload that started later succeeds. */
    synchronized void changed(Instant at) {
        if (changedSince == null) {
            changedSince = at;
        }
    }

    /** A reload that started at {@code started} was published: changes seen before that are served. */
    synchronized void published(Instant started) {
        if (changedSince != null && !started.isBefore(changedSince)) {
            changedSince = null;
        }
        lastFailure = null;
    }

    /** A reload that started at {@code started} failed: the content it was to publish is not served. */
    synchronized void failed(Instant started, String why) {
        changed(started);
        lastFailure = why;
    }

    synchronized void watcherRestarted(String why) {
        watcherRestarts++;
        watcherFailure = why;
    }

    synchronized State state() {
        return new State(Optional.ofNullable(changedSince), Optional.ofNullable(lastFailure), watcherRestarts,
                Optional.ofNullable(watcherFailure));
    }
}
