package dev.polyfeed.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Post;

/**
 * The images and files beside a Hugo, Docusaurus or Jekyll post ({@code my-post/index.md} with
 * {@code diagram.png} beside it), served below the post's own address ({@code /en/posts/my-post/diagram.png}),
 * which is where its HTML points when the site's own address is unknown or, for Docusaurus, where the
 * site serves them under names only its build knows. Only files of a known media type inside the
 * post's folder are served; nothing above it, no Markdown, nothing hidden.
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

    /** {@code [lang, "posts", slug, file…]}: the file, when the post has one there. */
    static Optional<Reply> find(Catalog catalog, List<String> segments) {
        if (segments.size() < 4 || !segments.get(1).equals("posts")) {
            return Optional.empty();
        }
        Optional<Post> post = catalog.language(segments.get(0)).flatMap(language -> catalog.post(language, segments.get(2)));
        if (post.isEmpty() || post.get().resources() == null) {
            return Optional.empty();
        }
        List<String> rest = segments.subList(3, segments.size());
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
        Path folder = post.get().resources().toAbsolutePath().normalize();
        Path file = folder.resolve(String.join("/", rest)).normalize();
        try {
            if (!file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new Reply(200, List.of(new Reply.Header("Content-Type", type),
                    new Reply.Header("Cache-Control", "public, max-age=86400"),
                    new Reply.Header("Access-Control-Allow-Origin", "*"),
                    new Reply.Header("X-Content-Type-Options", "nosniff"),
                    // an SVG opened directly runs no script and loads nothing
                    new Reply.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")),
                    bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
