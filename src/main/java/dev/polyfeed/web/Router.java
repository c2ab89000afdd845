package dev.polyfeed.web;

import java.util.List;
import java.util.Optional;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.AddressParser;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.StaticFiles;
import dev.polyfeed.publish.Publication;

/**
 * What a request path leads to in a publication: the address it names ({@link Address#parse}), and
 * whether that publication has a document there; where none is, a file the site publishes as it is
 * ({@link StaticFiles}), else the post the path is an old address of. A document always wins over a
 * file, and a file over an alias, so that nothing an author adds hides what is served.
 */
final class Router {

    /** What a path leads to. */
    sealed interface Route {
    }

    /** A document exists at this canonical address (it may still have to be rendered). */
    record Found(Address address) implements Route {
        String path() {
            return address.path();
        }
    }

    /** To the canonical path, or for an old address of a post to the post's page (on its own site, when known). */
    record Moved(String canonicalPath) implements Route {
    }

    /** A file of the site's own, served as it is. */
    record File(StaticFiles.Found file) implements Route {
    }

    record Missing(String reason) implements Route {
    }

    private final Publication publication;

    Router(Publication publication) {
        this.publication = publication;
    }

    /** @param segments the decoded path segments, empty for {@code /} */
    Route route(List<String> segments) {
        AddressParser.Parsed parsed = Address.parse(segments, publication.catalog());
        if (parsed instanceof AddressParser.Unknown unknown) {
            return elsewhere(segments, Optional.empty()).orElseGet(() -> new Missing(unknown.reason()));
        }
        if (parsed instanceof AddressParser.Alias alias) {
            return elsewhere(segments, Optional.of(alias.post())).orElseThrow();
        }
        boolean exact = parsed instanceof AddressParser.Exact;
        Address address = exact ? ((AddressParser.Exact) parsed).address() : ((AddressParser.Variant) parsed).canonical();
        String path = address.path();
        if (!publication.exists(address)) {
            return elsewhere(segments, Address.alias(segments, publication.catalog()))
                    .orElseGet(() -> new Missing(address instanceof Address.FeedDocument feed && feed.page() > 0
                            ? "No archive " + feed.page() + " of this feed." : "Nothing at " + path + "."));
        }
        return exact ? new Found(address) : new Moved(path);
    }

    /** For a path no document is at: the site's file there, else the post it is an old address of. */
    private Optional<Route> elsewhere(List<String> segments, Optional<Post> aliased) {
        Optional<Route> file = staticPath(segments).flatMap(path -> publication.catalog().site().files().find(path))
                .map(File::new);
        return file.or(() -> aliased.map(post -> new Moved(post.page() != null ? post.page() : Address.of(post).path())));
    }

    /**
     * The decoded path, when every segment could be a file's or folder's name: nothing hidden, no
     * {@code ..}, no slash or backslash hidden in an encoded segment.
     */
    private static Optional<String> staticPath(List<String> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(s -> s.isEmpty() || s.startsWith(".") || s.contains("/")
                || s.contains("\\") || s.indexOf('\0') >= 0)) {
            return Optional.empty();
        }
        return Optional.of("/" + String.join("/", segments));
    }
}
