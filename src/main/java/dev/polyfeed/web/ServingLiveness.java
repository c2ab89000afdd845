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
import org.jboss.logging.Logger;

import dev.polyfeed.publish.PublicationStore;
import io.netty.channel.epoll.Epoll;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Alive while the event loop that serves documents runs tasks (a timer on it beats every second) and,
 * with {@code polyfeed.watch}, while the content watcher runs or is being restarted. A process whose
 * event loop is stuck answers nothing useful, however healthy the JVM looks. Its data also says which
 * transport the event loop serves with, Netty's native epoll or Java's NIO, since a native library
 * that did not load costs throughput and nothing else shows it.
 */
@Liveness
@ApplicationScoped
public class ServingLiveness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ServingLiveness.class);

    /** An event loop that has not run its timer for this long is stuck. */
    static final Duration STUCK = Duration.ofSeconds(10);
    /** A watcher found stopped this long in a row is not being brought back. */
    static final Duration WATCHER_DOWN = Duration.ofSeconds(30);

    private final PublicationStore store;
    private final Clock clock;
    private volatile Instant lastBeat;
    private volatile Instant watcherDownSince;
    private volatile String transport = "not started";

    ServingLiveness(PublicationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.lastBeat = clock.instant();
    }

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(1000, id -> lastBeat = clock.instant());
        if (vertx.isNativeTransportEnabled()) {
            transport = "epoll";
            return;
        }
        String why = Epoll.isAvailable() ? "quarkus.vertx.prefer-native-transport is off"
                : "epoll unavailable: " + Epoll.unavailabilityCause();
        transport = "nio (" + why + ")";
        LOG.infof("Serving with Java NIO, not Netty's native epoll: %s%s", why, Epoll.isAvailable() ? ""
                : " (where the JVM's temporary folder is mounted noexec, start it with -Djava.library.path=lib/native"
                        + " from the jar's folder)");
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        Duration sinceBeat = Duration.between(lastBeat, now);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("serving")
                .withData("eventLoopLastRan", lastBeat.toString())
                .withData("transport", transport);
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
