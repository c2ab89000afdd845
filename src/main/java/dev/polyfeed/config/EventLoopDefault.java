package dev.polyfeed.config;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * One Vert.x event loop per processor the JVM may use, never the two Quarkus starts at least. Quarkus
 * keeps a second loop for handlers that block now and then; Polyfeed's never block an event loop (a
 * document's first render runs on a worker), so on one processor (a container limited to one CPU, a
 * process pinned to one core) the second loop only takes turns with the first: a request on one loop
 * waits while the other has the core, and latency was bimodal. Pinned to one core, with two loops the
 * p99 at a fixed rate was 1.5 to 2.0 times nginx's; with one loop, 1.1 to 1.2 times (the README's
 * benchmark section). On more processors this is what Quarkus does already. An
 * operator's own {@code quarkus.vertx.event-loops-pool-size} (properties, system property, environment)
 * wins: this source ranks below all of them.
 *
 * <p>Read when Vert.x starts, not when the class is loaded, so that a container's CPU limit at run time
 * counts, not the build machine's processors.
 */
public final class EventLoopDefault implements ConfigSource {

    static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";

    /** Below application.properties (250), the environment (300) and system properties (400). */
    static final int ORDINAL = 50;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(EVENT_LOOPS);
    }

    @Override
    public String getValue(String propertyName) {
        return EVENT_LOOPS.equals(propertyName) ? String.valueOf(Runtime.getRuntime().availableProcessors()) : null;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "Polyfeed: one event loop per processor";
    }
}
