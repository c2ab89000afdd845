package dev.polyfeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * On several processors, one event loop each, as Quarkus alone would run (one processor is
 * {@link OneProcessorEventLoopTest}). Content: the default fixture, {@code src/test/resources/fixture-content}.
 */
@QuarkusTest
class EventLoopDefaultTest {

    @Inject
    Vertx vertx;

    static int eventLoops(Vertx vertx) {
        int loops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        return loops;
    }

    @Test
    void oneEventLoopPerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), eventLoops(vertx));
    }

    @Test
    void onlyTheEventLoopCountIsGivenBelowEveryOtherSource() {
        EventLoopDefault source = new EventLoopDefault();
        assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()),
                source.getValue(EventLoopDefault.EVENT_LOOPS));
        assertNull(source.getValue("quarkus.http.port"));
        assertTrue(source.getOrdinal() < 250, "below application.properties");
    }
}
