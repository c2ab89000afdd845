package dev.polyfeed.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.AddressParser;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Post;

/**
 * The images and files beside a Hugo, Docusaurus or Jekyll post ({@code my-post/index.md} with
 * {@code diagram.png} beside it), served below the post's own address ({@code /en/posts/my-post/diagram.png}),
 * which is where its HTML points when the site's own address is unknown or, for Docusaurus, where the
 * site serves them under names only its build knows. Only files of a known media type inside the
 * post's folder are served; nothing above it, no Markdown, nothing hidden. Their addresses are the post
 * page's {@link Address} followed by the file's path in the post's folder.
 */
final class BundleFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("pdf", "application/pdf"));
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    private BundleFiles() {
    }

    /** A file beside a post, and its media type. */
    record Located(Path folder, Path file, String type) {
    }

    /**
     * The file a path names below a post's page ({@link Address.PostPage} followed by the file's path
     * in the post's folder), when the post comes from a generator's site; no I/O.
     */
    static Optional<Located> locate(Catalog catalog, List<String> segments) {
        for (int n = 1; n < segments.size(); n++) {
            if (!(Address.parse(segments.subList(0, n), catalog) instanceof AddressParser.Exact exact)
                    || !(exact.address() instanceof Address.PostPage page)) {
                continue;
            }
            Optional<Post> post = catalog.post(page.language(), page.slug());
            if (post.isEmpty() || post.get().resources() == null) {
                return Optional.empty();
            }
            return locate(post.get(), segments.subList(n, segments.size()));
        }
        return Optional.empty();
    }

    private static Optional<Located> locate(Post post, List<String> rest) {
        if (rest.stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals(".") || s.startsWith(".")
                || s.contains("/") || s.contains("\\") || s.indexOf('\0') >= 0)) {
            return Optional.empty();
        }
        String name = rest.get(rest.size() - 1);
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        Path folder = post.resources().toAbsolutePath().normalize();
        Path file = folder.resolve(String.join("/", rest)).normalize();
        return file.startsWith(folder) ? Optional.of(new Located(folder, file, type)) : Optional.empty();
    }

    /** The file's bytes as an answer, or empty when it is not there (read from disk: not on the event loop). */
    static Optional<Reply> read(Located located) {
        Path file = located.file();
        String type = located.type();
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new Reply(200, List.of(new Reply.Header("Content-Type", type),
                    new Reply.Header("Cache-Control", "public, max-age=86400"),
                    new Reply.Header("Access-Control-Allow-Origin", "*"),
                    new Reply.Header("X-Content-Type-Options", "nosniff"),
                    // an SVG opened directly runs no script and loads nothing
                    new Reply.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")),
                    bytes, DocumentKind.ASSET, false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
