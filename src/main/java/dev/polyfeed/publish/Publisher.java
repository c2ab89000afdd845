package dev.polyfeed.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.function.Supplier;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.content.Author;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Tag;
import dev.polyfeed.feed.FeedPage;
import dev.polyfeed.feed.FeedWriter;
import dev.polyfeed.feed.OpmlWriter;
import dev.polyfeed.page.PageWriter;
import dev.polyfeed.publish.Representation.Kind;

/** Renders every feed and page of a catalog into a {@link Publication}. Pure: catalog in, bytes out. */
public final class Publisher {

    public static final String UTF_8 = "; charset=utf-8";
    public static final String HTML = "text/html" + UTF_8;
    public static final String OPML = "text/x-opml" + UTF_8;
    public static final String XSL = "text/xsl" + UTF_8;

    private Publisher() {
    }

    /**
     * @param feedSize items in a current feed, and posts in each archive document
     * @param hub WebSub hub every feed announces, if any
     * @param cacheBytes most bytes of rendered documents kept in memory
     */
    public static Publication publish(ContentLoader.Result load, int feedSize, Optional<String> hub, long cacheBytes) {
        return publish(load, feedSize, hub, cacheBytes, RenderGate.unbounded());
    }

    /** @param gate bounds how many documents render at once */
    public static Publication publish(ContentLoader.Result load, int feedSize, Optional<String> hub, long cacheBytes,
            RenderGate gate) {
        return publish(load, feedSize, hub, cacheBytes, gate, new PublishingStats());
    }

    /** @param stats where the publication counts lookups of rendered documents, for metrics */
    public static Publication publish(ContentLoader.Result load, int feedSize, Optional<String> hub, long cacheBytes,
            RenderGate gate, PublishingStats stats) {
        if (feedSize < 1) {
            throw new IllegalArgumentException("polyfeed.feed-size must be at least 1, not " + feedSize);
        }
        hub.ifPresent(Publisher::requireAbsoluteUrl);
        Catalog catalog = load.catalog();
        List<FeedScope> scopes = scopes(catalog);
        FeedWriter feeds = new FeedWriter(catalog, hub);
        PageWriter pages = new PageWriter(catalog);
        Map<Address, Supplier<Representation>> documents = new HashMap<>();
        // what a browser gets at a feed's address: the feed as a page (see Responses.wantsPage)
        Map<Address, Supplier<Representation>> views = new HashMap<>();

        for (FeedScope scope : scopes) {
            for (FeedPage page : FeedPage.paginate(scope.posts(catalog), feedSize)) {
                Kind kind = page.isCurrent() ? Kind.CURRENT : Kind.ARCHIVE;
                Instant updated = newest(page.posts());
                for (FeedFormat format : FeedFormat.values()) {
                    Address.FeedDocument address = new Address.FeedDocument(scope, format, page.number());
                    documents.put(address, () -> Representation.of(kind, feeds.write(address, page), format.mediaType() + UTF_8, updated));
                    views.put(address, () -> Representation.of(kind, pages.feed(address, page), HTML, updated));
                }
                if (page.isCurrent() && !scope.folders().isEmpty()) {
                    documents.put(scope.page(), () -> Representation.of(kind, pages.feed(scope.in(FeedFormat.RSS), page), HTML, updated));
                }
            }
        }
        for (Post post : catalog.posts()) {
            documents.put(Address.of(post), () -> Representation.of(Kind.CURRENT, pages.post(post), HTML, post.updated()));
        }
        Instant newest = newest(catalog.posts());
        documents.put(Address.HOME, () -> Representation.of(Kind.CURRENT, pages.home(), HTML, newest));
        for (FeedFormat format : FeedFormat.values()) {
            documents.put(new Address.FeedList(format), () -> Representation.of(Kind.CURRENT,
                    OpmlWriter.write(catalog, scopes, format), OPML, newest));
        }
        byte[] stylesheet = resource("feed.xsl");
        documents.put(Address.STYLESHEET, () -> Representation.of(Kind.ASSET, stylesheet, XSL, Instant.EPOCH));
        byte[] svgIcon = resource("favicon.svg");
        byte[] icoIcon = resource("favicon.ico");
        documents.put(Address.SVG_ICON,
                () -> Representation.of(Kind.ASSET, svgIcon, "image/svg+xml" + UTF_8, Instant.EPOCH));
        documents.put(Address.ICO_ICON, () -> Representation.of(Kind.ASSET, icoIcon, "image/x-icon", Instant.EPOCH));
        return new Publication(load, scopes, documents, views, cacheBytes, gate, stats);
    }

    private static void requireAbsoluteUrl(String url) {
        URI uri = URI.create(url);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("polyfeed.websub.hub must be an absolute URL, not " + url);
        }
    }

    private static Instant newest(List<Post> posts) {
        Instant newest = Instant.EPOCH;
        for (Post post : posts) {
            if (post.updated().isAfter(newest)) {
                newest = post.updated();
            }
        }
        return newest;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Publisher.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every feed there is: the site's, per language, per tag and per author in each language, per tag
     * and per author across languages.
     */
    static List<FeedScope> scopes(Catalog catalog) {
        List<FeedScope> scopes = new ArrayList<>();
        scopes.add(new FeedScope.Everything());
        for (Language language : catalog.languages()) {
            scopes.add(FeedScope.of(language));
            for (Tag tag : catalog.tags(language)) {
                scopes.add(FeedScope.of(language, tag));
            }
            for (Author author : catalog.authors(language)) {
                scopes.add(new FeedScope.ByAuthorInLanguage(language, author));
            }
        }
        for (Tag tag : catalog.tags()) {
            scopes.add(FeedScope.of(tag));
        }
        for (Author author : catalog.authors()) {
            scopes.add(new FeedScope.ByAuthor(author));
        }
        return scopes;
    }
}
