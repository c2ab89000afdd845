package dev.polyfeed.publish;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every document of a publication as files, byte for byte what the server sends, so a site can
 * be hosted on any static host or object store: {@code /tr/rss.xml} becomes {@code tr/rss.xml}, pages
 * without an extension ({@code /}, {@code /tr/posts/x}) become {@code index.html} in their folder, and
 * each file gets its gzip'd twin ({@code rss.xml.gz}) for nginx's {@code gzip_static}.
 */
public final class StaticExport {

    private StaticExport() {
    }

    /** @return the number of documents written */
    public static int write(Publication publication, Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        for (String path : publication.paths()) {
            Path file = fileFor(root, path);
            Representation document = publication.find(path).orElseThrow();
            Files.createDirectories(file.getParent());
            Files.write(file, document.body());
            Files.write(file.resolveSibling(file.getFileName() + ".gz"), document.gzipBody());
        }
        return publication.paths().size();
    }

    /** The file a site path is written to, never outside the export folder. */
    static Path fileFor(Path root, String sitePath) {
        String decoded = URLDecoder.decode(sitePath.replace("+", "%2B"), StandardCharsets.UTF_8);
        String last = decoded.substring(decoded.lastIndexOf('/') + 1);
        String relative = decoded.substring(1) + (last.contains(".") ? "" : (decoded.endsWith("/") ? "" : "/") + "index.html");
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("refusing to write outside " + root + ": " + sitePath);
        }
        return file;
    }
}
