package dev.polyfeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * On one processor (a container limited to one CPU, a process pinned to one core) the server runs one
 * event loop, where Quarkus alone starts two that take turns on the core. Surefire runs this class in a
 * JVM of its own that sees one processor ({@code -XX:ActiveProcessorCount=1}, the {@code one-processor}
 * execution in {@code pom.xml}). Content: the default fixture, {@code src/test/resources/fixture-content}.
 */
@QuarkusTest
class OneProcessorEventLoopTest {

    @Inject
    Vertx vertx;

    @Test
    void oneEventLoop() {
        assertEquals(1, Runtime.getRuntime().availableProcessors(), "the JVM this test runs in sees one processor");
        assertEquals(1, EventLoopDefaultTest.eventLoops(vertx));
    }
}
