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
import java.util.function.Supplier;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.AddressParser;
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

/** Makes a {@link Publication} of a catalog: which feeds and pages it has, and how each is rendered. Pure: catalog in, bytes out. */
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
        return new Publication(load, scopes, new FromCatalog(catalog, scopes, feedSize, hub), cacheBytes, gate, stats);
    }

    private static final byte[] STYLESHEET = resource("feed.xsl");
    private static final byte[] SVG_ICON = resource("favicon.svg");
    private static final byte[] ICO_ICON = resource("favicon.ico");

    /**
     * The documents of a catalog, decided by address: a post's page where the catalog has the post, a
     * feed's documents where its scope has posts (the site's feed always), up to its oldest archive.
     */
    private static final class FromCatalog implements Publication.Documents {
        private final Catalog catalog;
        private final List<FeedScope> scopes;
        private final int feedSize;
        private final FeedWriter feeds;
        private final PageWriter pages;
        private final Instant newest;

        FromCatalog(Catalog catalog, List<FeedScope> scopes, int feedSize, Optional<String> hub) {
            this.catalog = catalog;
            this.scopes = scopes;
            this.feedSize = feedSize;
            this.feeds = new FeedWriter(catalog, hub);
            this.pages = new PageWriter(catalog);
            this.newest = Publisher.newest(catalog.posts());
        }

        @Override
        public Optional<Address> at(String path) {
            Optional<List<String>> segments = AddressParser.segments(path);
            if (segments.isEmpty()) {
                return Optional.empty();
            }
            AddressParser.Parsed parsed = Address.parse(segments.get(), catalog);
            // a folder's page is read as a variant of its folder without the slash: the path tells them apart
            Address address = parsed instanceof AddressParser.Exact exact ? exact.address()
                    : parsed instanceof AddressParser.Variant variant ? variant.canonical() : null;
            return address != null && address.path().equals(path) && exists(address) ? Optional.of(address) : Optional.empty();
        }

        @Override
        public boolean exists(Address address) {
            if (address instanceof Address.PostPage page) {
                return catalog.post(page.language(), page.slug()).isPresent();
            }
            if (address instanceof Address.FeedDocument document) {
                List<Post> posts = posts(document.scope());
                return posts != null && document.page() <= FeedPage.archives(posts.size(), feedSize);
            }
            if (address instanceof Address.ScopePage page) {
                return posts(page.scope()) != null;
            }
            return address instanceof Address.Home || address instanceof Address.FeedList || address instanceof Address.RootFile;
        }

        /** A scope's posts, newest first; null for a scope this catalog has no feed for. */
        private List<Post> posts(FeedScope scope) {
            List<Post> posts = scope.posts(catalog);
            return posts.isEmpty() && !(scope instanceof FeedScope.Everything) ? null : posts;
        }

        @Override
        public Optional<Supplier<Representation>> render(Address address) {
            if (!exists(address)) {
                return Optional.empty();
            }
            Supplier<Representation> render;
            if (address instanceof Address.PostPage page) {
                Post post = catalog.post(page.language(), page.slug()).orElseThrow();
                render = () -> Representation.of(Kind.CURRENT, pages.post(post), HTML, post.updated());
            } else if (address instanceof Address.FeedDocument document) {
                FeedPage page = FeedPage.of(posts(document.scope()), feedSize, document.page());
                Kind kind = page.isCurrent() ? Kind.CURRENT : Kind.ARCHIVE;
                render = () -> Representation.of(kind, feeds.write(document, page), document.format().mediaType() + UTF_8,
                        newest(page.posts())).withLinks(feeds.discoveryLinks(document));
            } else if (address instanceof Address.ScopePage scopePage) {
                FeedPage page = FeedPage.of(posts(scopePage.scope()), feedSize, 0);
                render = () -> Representation.of(Kind.CURRENT, pages.feed(scopePage.scope().in(FeedFormat.RSS), page), HTML,
                        newest(page.posts()));
            } else if (address instanceof Address.FeedList list) {
                render = () -> Representation.of(Kind.CURRENT, OpmlWriter.write(catalog, scopes, list.format()), OPML, newest);
            } else if (address instanceof Address.RootFile file) {
                render = switch (file.kind()) {
                    case STYLESHEET -> () -> Representation.of(Kind.ASSET, STYLESHEET, XSL, Instant.EPOCH);
                    case SVG_ICON -> () -> Representation.of(Kind.ASSET, SVG_ICON, "image/svg+xml" + UTF_8, Instant.EPOCH);
                    case ICO_ICON -> () -> Representation.of(Kind.ASSET, ICO_ICON, "image/x-icon", Instant.EPOCH);
                };
            } else {
                render = () -> Representation.of(Kind.CURRENT, pages.home(), HTML, newest);
            }
            return Optional.of(render);
        }

        /** Asked for addresses that exist (serving found them first): every feed document has a page. */
        @Override
        public boolean hasView(Address address) {
            return address instanceof Address.FeedDocument;
        }

        /** What a browser gets at a feed's address: the feed as a page (see Responses.wantsPage). */
        @Override
        public Optional<Supplier<Representation>> view(Address address) {
            if (!(address instanceof Address.FeedDocument document) || !exists(document)) {
                return Optional.empty();
            }
            FeedPage page = FeedPage.of(posts(document.scope()), feedSize, document.page());
            Kind kind = page.isCurrent() ? Kind.CURRENT : Kind.ARCHIVE;
            return Optional.of(() -> Representation.of(kind, pages.feed(document, page), HTML, newest(page.posts())));
        }

        @Override
        public List<Address> all() {
            List<Address> all = new ArrayList<>(count());
            for (FeedScope scope : scopes) {
                int archives = FeedPage.archives(scope.posts(catalog).size(), feedSize);
                for (int number = 0; number <= archives; number++) {
                    for (FeedFormat format : FeedFormat.values()) {
                        all.add(new Address.FeedDocument(scope, format, number));
                    }
                }
                if (!scope.folders().isEmpty()) {
                    all.add(scope.page());
                }
            }
            for (Post post : catalog.posts()) {
                all.add(Address.of(post));
            }
            all.add(Address.HOME);
            for (FeedFormat format : FeedFormat.values()) {
                all.add(new Address.FeedList(format));
            }
            for (Address.RootFile.Kind kind : Address.RootFile.Kind.values()) {
                all.add(new Address.RootFile(kind));
            }
            return all;
        }

        @Override
        public int count() {
            int count = catalog.posts().size() + 1 + FeedFormat.values().length + Address.RootFile.Kind.values().length;
            for (FeedScope scope : scopes) {
                count += (FeedPage.archives(scope.posts(catalog).size(), feedSize) + 1) * FeedFormat.values().length
                        + (scope.folders().isEmpty() ? 0 : 1);
            }
            return count;
        }
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
