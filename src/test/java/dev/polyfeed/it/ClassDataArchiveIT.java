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

/**
 * The class-data sharing archive the build trains ({@code src/build/ClassDataTraining.java}) is one the
 * JVM accepts and one that covers the start: the jar started from its folder as the README says, with
 * the options beside it ({@code java @jvm.options}, which name the archive) and {@code -Xshare:on}
 * (which refuses to start rather than run without the archive), serves its first feed with nearly every
 * class taken from the archive, not read from the jars, and with the compiler's thresholds it sets.
 */
class ClassDataArchiveIT {

    private static final Path APP = Path.of("target", "quarkus-app").toAbsolutePath();

    @Test
    void theFirstFeedIsServedWithClassesFromTheArchive() throws Exception {
        assertTrue(Files.isRegularFile(APP.resolve("app-cds.jsa")), "the build wrote app-cds.jsa beside the jar");
        int port;
        int management;
        try (ServerSocket free = new ServerSocket(0); ServerSocket another = new ServerSocket(0)) {
            port = free.getLocalPort();
            management = another.getLocalPort();
        }
        Path log = Path.of("target", "class-data-archive-it.log").toAbsolutePath();
        Path classes = Path.of("target", "class-data-archive-it.classes").toAbsolutePath();
        Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@jvm.options", "-Xshare:on", "-XX:+PrintFlagsFinal", "-Xlog:class+load=info:file=" + classes,
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + management, "-Dquarkus.management.host=127.0.0.1",
                "-Dpolyfeed.content-dir=" + Path.of("content").toAbsolutePath(), "-jar", "quarkus-run.jar"))
                .directory(APP.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            int status = -1;
            while (status != 200 && server.isAlive() && System.currentTimeMillis() < deadline) {
                status = status(port, "/ar/atom.xml");
                Thread.sleep(100);
            }
            assertEquals(200, status, () -> "with -Xshare:on the JVM starts only if it can use the archive:\n" + read(log));
            List<String> loaded = Files.readAllLines(classes);
            long shared = loaded.stream().filter(line -> line.contains("source: shared objects file")).count();
            // what the archive cannot hold: classes generated at run time (lambdas) and JDOM's, whose
            // class files are older than CDS supports. 94 % here; Quarkus's own archive held 57 %
            assertTrue(shared >= loaded.size() * 0.9,
                    () -> shared + " of " + loaded.size() + " classes loaded until the first feed came from the archive");
            String flags = read(log);
            assertTrue(flags.matches("(?s).*\\bTier4InvocationThreshold += 50000 +\\{product\\} \\{command line\\}.*"),
                    "C2's threshold is the one jvm.options sets");
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }
}
