package dev.polyfeed.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

import dev.polyfeed.address.Address;

/**
 * Writes every document of a publication as files, byte for byte what the server sends, so a site can
 * be hosted on any static host or object store: {@code /tr/rss.xml} becomes {@code tr/rss.xml}, pages
 * without an extension ({@code /}, {@code /tr/posts/x}) become {@code index.html} in their folder, and
 * each file gets its gzip'd twin ({@code rss.xml.gz}) for nginx's {@code gzip_static}.
 */
public final class StaticExport {

    private StaticExport() {
    }

    /**
     * Documents are independent and rendering them is most of the work, so they are written on every
     * core at once; the order files appear in does not matter to a static host. Never on more threads
     * than the publication renders at once: a thread left waiting for a render would be refused after
     * the serving timeout ({@link RenderGate.Busy}), and an export must not fail for being fast.
     *
     * <p>The first failure ends the export, and it ends only once no thread of it is left writing: a
     * failure thrown out of the parallel stream came back while the other threads went on rendering and
     * writing their share, and a file could appear after the export had failed (a test's temporary
     * folder, deleted once it threw, was found not empty).
     *
     * @return the number of documents written
     */
    public static int write(Publication publication, Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        List<Address> addresses = publication.addresses();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // a parallel stream started inside a pool forks into that pool, not the common one
        ForkJoinPool pool = new ForkJoinPool(
                Math.min(Runtime.getRuntime().availableProcessors(), publication.renderConcurrency()));
        try {
            pool.submit(() -> addresses.parallelStream().forEach(address -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    write(publication, root, address);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            })).join();
        } finally {
            pool.shutdown();
        }
        RuntimeException failed = failure.get();
        if (failed instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (failed != null) {
            throw failed;
        }
        return addresses.size();
    }

    private static void write(Publication publication, Path root, Address address) {
        Path file = fileFor(root, address);
        Representation document = publication.find(address.path()).orElseThrow();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, document.body());
            Files.write(file.resolveSibling(file.getFileName() + ".gz"), document.gzipBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file a document is written to, never outside the export folder. A name the file system's
     * encoding cannot hold (a tag in Turkish where the JVM runs in the C locale, whose file names are
     * ASCII) fails the export with the document named and the remedy.
     */
    static Path fileFor(Path root, Address address) {
        Path file;
        try {
            file = root.resolve(address.exportFile()).normalize();
        } catch (InvalidPathException e) {
            throw new UncheckedIOException(new IOException("cannot name the file for " + address.path()
                    + " in this system's file-name encoding (" + System.getProperty("sun.jnu.encoding")
                    + "): run Polyfeed with a UTF-8 locale, such as LANG=C.UTF-8", e));
        }
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("refusing to write outside " + root + ": " + address.path());
        }
        return file;
    }
}
