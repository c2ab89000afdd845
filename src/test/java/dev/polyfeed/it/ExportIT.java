package dev.polyfeed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Xml;

/** {@code java -jar … --export <dir>}, exactly as the README shows it, on the packaged jar. */
class ExportIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private static Process run(Path output, String... properties) throws IOException {
        return export(output, properties).start();
    }

    /** The export's process, its output in {@code <output>.log} beside the folder. */
    private static ProcessBuilder export(Path output, String... properties) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", JAR.toString(), "--export", output.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile());
    }

    @Test
    void exportsTheRepositoryContentAndExits() throws Exception {
        Path output = Files.createDirectories(Path.of("target", "export-it"));
        Process export = run(output);
        assertTrue(export.waitFor(120, TimeUnit.SECONDS), "the export finished");
        assertEquals(0, export.exitValue(), Files.readString(Path.of("target", "export-it.log")));
        Xml rss = Xml.parse(Files.readAllBytes(output.resolve("ar/rss.xml")));
        assertEquals("ar", rss.text("/rss/channel/language"));
        assertTrue(Files.exists(output.resolve("ar/rss.xml.gz")));
        assertTrue(Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8).contains("/tr/rss.xml"));
        assertTrue(Files.exists(output.resolve("tr/posts/illustrated-deepseek-r1/index.html")));
    }

    /**
     * In the C locale the JVM's file names are ASCII, and content/ has tags in Turkish and Hindi: the
     * export stops with an error that says which document and what to do, not a stack trace.
     */
    @Test
    void aFileNameTheLocaleCannotHoldFailsTheExportWithTheRemedy() throws Exception {
        Path output = Files.createDirectories(Path.of("target", "export-c-locale-it"));
        ProcessBuilder builder = export(output);
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");
        Process export = builder.start();
        assertTrue(export.waitFor(120, TimeUnit.SECONDS), "the export finished");
        String log = Files.readString(Path.of("target", "export-c-locale-it.log"), StandardCharsets.UTF_8);
        assertEquals(1, export.exitValue(), log);
        assertTrue(log.contains("The export to") && log.contains("cannot name the file for /")
                && log.contains("ANSI_X3.4-1968") && log.contains("LANG=C.UTF-8"), log);
        assertTrue(!log.contains("InvalidPathException"), log);
    }

    @Test
    void strictModeFailsTheExportWhenContentHasProblems() throws Exception {
        Path output = Files.createDirectories(Path.of("target", "export-strict-it"));
        Process export = run(output, "-Dpolyfeed.strict=true", "-Dpolyfeed.content-dir=src/test/resources/fixture-content");
        assertTrue(export.waitFor(120, TimeUnit.SECONDS), "the export finished");
        assertNotEquals(0, export.exitValue());
        String log = Files.readString(Path.of("target", "export-strict-it.log"));
        assertTrue(log.contains("polyfeed.strict is set") && log.contains("bozuk.md:5"), log);
    }
}
