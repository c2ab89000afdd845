package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfeed.content.Language;
import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.publish.RenderGate;
import dev.polyfeed.publish.Representation;
import dev.polyfeed.publish.StaticExport;
import io.quarkus.test.junit.QuarkusTest;

/** The exported files are the bodies the server sends, byte for byte. */
@QuarkusTest
class ExportTest {

    @Inject
    PublicationStore store;

    @TempDir
    Path export;

    @Test
    void exportedFilesEqualServedBodies() throws Exception {
        Publication publication = store.current();
        int written = StaticExport.write(publication, export);
        assertEquals(publication.addresses().size(), written);
        for (String path : publication.addresses().stream().map(dev.polyfeed.address.Address::path).toList()) {
            byte[] served = given().urlEncodingEnabled(false).header("Accept-Encoding", "identity").when().get(path)
                    .then().statusCode(200).extract().asByteArray();
            Path file = fileOf(path);
            assertArrayEquals(served, Files.readAllBytes(file), path + " -> " + file);
            try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(
                    Files.readAllBytes(file.resolveSibling(file.getFileName() + ".gz"))))) {
                assertArrayEquals(served, gz.readAllBytes(), path + ".gz");
            }
        }
        assertTrue(Files.exists(export.resolve("index.html")));
        assertTrue(Files.exists(export.resolve("tr/posts/merhaba/index.html")));
        assertTrue(Files.exists(export.resolve("tags/café/atom.xml")), "file names are decoded");
        assertTrue(Files.exists(export.resolve("tr/tags/c-c++/rss.xml")));
        assertTrue(Files.exists(export.resolve("tr/archive/1/feed.json")));
        assertTrue(Files.exists(export.resolve("feed.xsl")));
    }

    @Test
    void neverWritesOutsideTheFolder() {
        assertThrows(IllegalArgumentException.class,
                () -> StaticExport.write(new Publication(store.current().load(), java.util.List.of(),
                        java.util.Map.of(FeedScope.of(new Language("..", false)).page(), () -> store.current().find("/").orElseThrow()),
                        java.util.Map.of(), 1 << 20,
                        dev.polyfeed.publish.RenderGate.unbounded()),
                        export));
    }

    /** Documents are written on several threads; a failed write still surfaces as the I/O error it was. */
    @Test
    void aFolderThatCannotBeMadeFailsTheExportWithItsIoError() throws Exception {
        Path occupied = Files.writeString(export.resolve("occupied"), "a file where the export's folder would go");
        IOException failure = assertThrows(IOException.class, () -> StaticExport.write(store.current(), occupied));
        assertTrue(failure.getMessage().contains("occupied"), failure.getMessage());
    }

    /**
     * A failed export has stopped when it says so: no thread of it renders or writes afterwards, where
     * the other threads once went on with their share (and a folder deleted after the failure could be
     * written into again).
     */
    @Test
    void aFailedExportHasStoppedEveryThreadWhenItReturns() throws Exception {
        Publication served = store.current();
        AtomicInteger rendered = new AtomicInteger();
        Publication slow = new Publication(served.load(), List.of(), slowDocuments(served, 12, 40, rendered), Map.of(),
                1 << 20, new RenderGate(4, Duration.ofSeconds(10)));
        Path occupied = Files.writeString(export.resolve("occupied"), "a file where the export's folder would go");

        assertThrows(IOException.class, () -> StaticExport.write(slow, occupied));
        int whenFailed = rendered.get();
        Thread.sleep(300);

        assertEquals(whenFailed, rendered.get(), "documents rendered after the export had failed");
        try (var left = Files.list(export)) {
            assertEquals(List.of(occupied), left.toList());
        }
        assertTrue(Files.isRegularFile(occupied));
    }

    /**
     * An operator may allow one render at a time ({@code polyfeed.render.concurrency=1}); the export's
     * threads must then not queue at the gate, where a wait is refused as a busy server's would be.
     */
    @Test
    void exportsUnderAGateOfOneRenderWithoutWaiting() throws Exception {
        Publication served = store.current();
        Map<Address, Supplier<Representation>> slowDocuments = slowDocuments(served, 8, 30, new AtomicInteger());
        Publication oneAtATime = new Publication(served.load(), List.of(), slowDocuments, Map.of(), 1 << 20,
                new RenderGate(1, Duration.ZERO));
        assertEquals(8, StaticExport.write(oneAtATime, export));
        for (Address address : slowDocuments.keySet()) {
            assertTrue(Files.exists(fileOf(address.path())), address.path());
        }
    }

    /** The first {@code count} documents of the publication, each taking {@code millis} to render, counted. */
    private static Map<Address, Supplier<Representation>> slowDocuments(Publication served, int count, long millis,
            AtomicInteger rendered) {
        Map<Address, Supplier<Representation>> documents = new LinkedHashMap<>();
        for (Address address : served.addresses().subList(0, count)) {
            documents.put(address, () -> {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                rendered.incrementAndGet();
                return served.find(address.path()).orElseThrow();
            });
        }
        return documents;
    }

    private Path fileOf(String path) {
        String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        if (decoded.equals("/")) {
            return export.resolve("index.html");
        }
        return decoded.substring(decoded.lastIndexOf('/')).contains(".") ? export.resolve(decoded.substring(1))
                : export.resolve(decoded.substring(1) + "/index.html");
    }
}
