package dev.polyfeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;

/** An operator's own event loop count wins over one per processor. Content: the default fixture. */
@QuarkusTest
@TestProfile(EventLoopCountConfiguredTest.ThreeLoops.class)
class EventLoopCountConfiguredTest {

    public static class ThreeLoops implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(EventLoopDefault.EVENT_LOOPS, "3");
        }
    }

    @Inject
    Vertx vertx;

    @Test
    void theOperatorsCountWins() {
        assertEquals(3, EventLoopDefaultTest.eventLoops(vertx));
    }
}
