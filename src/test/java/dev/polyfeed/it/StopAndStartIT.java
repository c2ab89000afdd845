package dev.polyfeed.it;

import static dev.polyfeed.testing.Loopback.read;
import static dev.polyfeed.testing.Loopback.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.RawHttp;

/**
 * The packaged jar started as the README and the container start it, then stopped as Kubernetes,
 * podman and systemd stop it (SIGTERM): readiness goes DOWN at once while feeds are still served for
 * the shutdown delay, and the process exits with 0 within the shutdown bounds.
 */
class StopAndStartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @Test
    void sigtermDrainsThenExitsWithZero() throws Exception {
        int port;
        int management;
        try (ServerSocket free = new ServerSocket(0); ServerSocket another = new ServerSocket(0)) {
            port = free.getLocalPort();
            management = another.getLocalPort();
        }
        Path log = Path.of("target", "stop-and-start-it.log");
        Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + management, "-Dquarkus.management.host=127.0.0.1", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (status(management, "/q/health/ready") != 200 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(200, status(management, "/q/health/ready"), () -> read(log));
            // the jar's own main lets a raw '|' through to Polyfeed, which redirects it to its escape
            RawHttp.Reply raw = RawHttp.get(port, "/tags/a|b/rss.xml");
            assertEquals(301, raw.status(), raw::toString);

            long stopped = System.currentTimeMillis();
            server.destroy(); // SIGTERM
            Thread.sleep(300);
            assertEquals(503, status(management, "/q/health/ready"), "readiness is DOWN as soon as shutdown begins");
            assertEquals(200, status(port, "/tr/rss.xml"), "feeds are still served during the shutdown delay");
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "stopped within the delay and the shutdown timeout");
            assertEquals(0, server.exitValue(), () -> read(log));
            assertTrue(System.currentTimeMillis() - stopped >= 2_500, "the shutdown delay was kept");
        } finally {
            server.destroyForcibly();
        }
    }
}
