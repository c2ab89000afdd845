package dev.polyfeed.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import dev.polyfeed.publish.PublicationStore;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Alive while the event loop that serves documents runs tasks (a timer on it beats every second) and,
 * with {@code polyfeed.watch}, while the content watcher runs or is being restarted. A process whose
 * event loop is stuck answers nothing useful, however healthy the JVM looks.
 */
@Liveness
@ApplicationScoped
public class ServingLiveness implements HealthCheck {

    /** An event loop that has not run its timer for this long is stuck. */
    static final Duration STUCK = Duration.ofSeconds(10);
    /** A watcher found stopped this long in a row is not being brought back. */
    static final Duration WATCHER_DOWN = Duration.ofSeconds(30);

    private final PublicationStore store;
    private final Clock clock;
    private volatile Instant lastBeat;
    private volatile Instant watcherDownSince;

    ServingLiveness(PublicationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.lastBeat = clock.instant();
    }

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(1000, id -> lastBeat = clock.instant());
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        Duration sinceBeat = Duration.between(lastBeat, now);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("serving")
                .withData("eventLoopLastRan", lastBeat.toString());
        boolean up = sinceBeat.compareTo(STUCK) < 0;
        if (!up) {
            response.withData("reason", "the event loop has not run a task for " + sinceBeat.toSeconds() + " s");
        }
        var watcher = store.watcherRunning();
        if (watcher.isPresent()) {
            response.withData("watcher", watcher.get() ? "running" : "restarting");
            if (watcher.get()) {
                watcherDownSince = null;
            } else {
                Instant since = watcherDownSince == null ? now : watcherDownSince;
                watcherDownSince = since;
                if (Duration.between(since, now).compareTo(WATCHER_DOWN) > 0) {
                    up = false;
                    response.withData("reason", "the content watcher has not run since " + since);
                }
            }
        }
        return response.status(up).build();
    }
}
