package dev.polyfeed.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.AddressParser;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.StaticFiles;
import dev.polyfeed.publish.Representation;

/**
 * The images and files beside a Hugo, Docusaurus or Jekyll post ({@code my-post/index.md} with
 * {@code diagram.png} beside it), served below the post's own address ({@code /en/posts/my-post/diagram.png}),
 * which is where its HTML points when the site's own address is unknown or, for Docusaurus, where the
 * site serves them under names only its build knows. Only files of a known media type inside the
 * post's folder are served; nothing above it, no Markdown, nothing hidden. Their addresses are the post
 * page's {@link Address} followed by the file's path in the post's folder.
 */
final class BundleFiles {

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
        String type = StaticFiles.typeOf(rest.get(rest.size() - 1));
        if (type == null) {
            return Optional.empty();
        }
        Path folder = post.resources().toAbsolutePath().normalize();
        Path file = folder.resolve(String.join("/", rest)).normalize();
        return file.startsWith(folder) ? Optional.of(new Located(folder, file, type)) : Optional.empty();
    }

    /** The file's bytes as an answer, or empty when it is not there (read from disk: not on the event loop). */
    static Optional<Reply> read(Located located, Function<CharSequence, String> header, long answeredAt) {
        return read(located.folder(), located.file(), located.type(), header, answeredAt);
    }

    /**
     * A file inside {@code folder} as an answer: 304 when the client's copy is current (by its ETag, a
     * digest of the bytes, or its modified time), else the bytes; empty when it is not a regular file
     * inside the folder any more (replaced by a link, say, since the site was read).
     *
     * @param header the request's header by name, or null
     * @param answeredAt the second the answer's {@code Date} names: a file modified later than that (its
     *        time set ahead) is sent as modified then, as RFC 9110 section 8.8.2.1 requires
     */
    static Optional<Reply> read(Path folder, Path file, String type, Function<CharSequence, String> header,
            long answeredAt) {
        try {
            Path real = file.toRealPath();
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !real.startsWith(folder.toRealPath())
                    || Files.size(real) > MAX_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(real);
            Instant modified = Files.getLastModifiedTime(real).toInstant().truncatedTo(ChronoUnit.SECONDS);
            if (modified.getEpochSecond() > answeredAt) {
                modified = Instant.ofEpochSecond(answeredAt);
            }
            String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes), 12)) + "\"";
            List<Reply.Header> headers = new ArrayList<>(List.of(new Reply.Header("ETag", etag),
                    new Reply.Header("Last-Modified", Representation.httpDate(modified)),
                    new Reply.Header("Cache-Control", "public, max-age=86400"),
                    new Reply.Header("Access-Control-Allow-Origin", "*"),
                    new Reply.Header("X-Content-Type-Options", "nosniff")));
            if (Responses.isCurrent(header.apply(Responses.IF_NONE_MATCH), header.apply(Responses.IF_MODIFIED_SINCE), etag, modified)) {
                return Optional.of(new Reply(304, headers, null, DocumentKind.ASSET, false));
            }
            headers.add(new Reply.Header("Content-Type", type));
            // an SVG opened directly runs no script and loads nothing
            headers.add(new Reply.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox"));
            return Optional.of(new Reply(200, headers, bytes, DocumentKind.ASSET, false));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
