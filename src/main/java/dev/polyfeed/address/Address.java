package dev.polyfeed.address;

import java.util.List;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Urls;

/**
 * Every address the site has, one case per kind of document: the only place a path is built, and (with
 * {@link AddressParser}) the only place one is read. Each case owns its site path, the file a static
 * copy writes it to, and its place in {@link #parse}; a new kind of document is a new case here.
 */
public sealed interface Address {

    /** The site path, percent-encoded: {@code /tr/tags/ai/atom.xml}. */
    String path();

    /**
     * The file a static copy of the site holds this document in, relative to the copy's root and not
     * encoded: a page is the {@code index.html} of its folder, so that any static host serves it at its path.
     */
    String exportFile();

    /** The absolute URL of this document on the site. */
    default String url(Site site) {
        return site.url(path());
    }

    /**
     * This document's address as a relative reference from another one ({@code ../feed.xsl} from
     * {@code /tr/rss.xml}): right behind any proxy path, on any host, and in a static copy.
     */
    default String relativeFrom(Address from) {
        String fromPath = from.path();
        int depth = (int) fromPath.chars().filter(c -> c == '/').count() - 1;
        return "../".repeat(depth) + path().substring(1);
    }

    /**
     * What a request path names, matched leniently ({@code /TR/rss.xml}, {@code /tr/tags/AI/atom.xml},
     * an NFD slug): the canonical address it names, whether the path was that address's own spelling,
     * or why it names nothing.
     *
     * @param segments the decoded path segments, empty for {@code /}
     */
    static AddressParser.Parsed parse(List<String> segments, Catalog catalog) {
        return new AddressParser(catalog).parse(segments);
    }

    /** The post an old address names, for a path that names no document. */
    static java.util.Optional<Post> alias(List<String> segments, Catalog catalog) {
        return new AddressParser(catalog).alias(segments);
    }

    /** A post's page. */
    static Address of(Post post) {
        return new PostPage(post.language(), post.slug());
    }

    /** The site path of a post's page, as the content loader is told to place posts. */
    static String postPath(Language language, String slug) {
        return new PostPage(language, slug).path();
    }

    Address HOME = new Home();
    Address FEED_LIST = new FeedList(FeedFormat.RSS);
    Address STYLESHEET = new RootFile(RootFile.Kind.STYLESHEET);
    Address SVG_ICON = new RootFile(RootFile.Kind.SVG_ICON);
    Address ICO_ICON = new RootFile(RootFile.Kind.ICO_ICON);

    /** The site's home page: {@code /}. */
    record Home() implements Address {
        public String path() {
            return "/";
        }

        public String exportFile() {
            return "index.html";
        }
    }

    /**
     * Every feed as one subscription list (OPML) in one format: {@code /feeds.opml} lists RSS 2.0, the
     * one format every reader reads; {@code /feeds-atom.opml} and {@code /feeds-json.opml} the others.
     */
    record FeedList(FeedFormat format) implements Address {
        public String path() {
            return "/" + exportFile();
        }

        public String exportFile() {
            return format == FeedFormat.RSS ? "feeds.opml" : "feeds-" + format.name().toLowerCase(java.util.Locale.ROOT) + ".opml";
        }
    }

    /** A file at the site's root, the same for every content. */
    record RootFile(Kind kind) implements Address {
        public enum Kind {
            /** The XSLT stylesheet feeds name, for copies of the site that cannot answer a browser with a page. */
            STYLESHEET("feed.xsl"),
            /** The site icon, for browsers that take SVG. */
            SVG_ICON("favicon.svg"),
            /** The site icon where readers and browsers ask for one by habit. */
            ICO_ICON("favicon.ico");

            final String file;

            Kind(String file) {
                this.file = file;
            }
        }

        public String path() {
            return "/" + kind.file;
        }

        public String exportFile() {
            return kind.file;
        }
    }

    /**
     * A feed's page, in the folder its documents live in: a language's ({@code /tr/}), a tag's
     * ({@code /tr/tags/ai/}), an author's ({@code /authors/ada/}). The site-wide feed's page is the home page.
     */
    record ScopePage(FeedScope scope) implements Address {
        public ScopePage {
            if (scope.folders().isEmpty()) {
                throw new IllegalArgumentException("the site's feed's page is the home page");
            }
        }

        public String path() {
            return scope.directory();
        }

        public String exportFile() {
            return String.join("/", scope.folders()) + "/index.html";
        }
    }

    /** A post's page, what feed items link to: {@code /tr/posts/my-slug}. */
    record PostPage(Language language, String slug) implements Address {
        public String path() {
            return "/" + language.tag() + "/posts/" + Urls.segment(slug);
        }

        public String exportFile() {
            return language.tag() + "/posts/" + slug + "/index.html";
        }
    }

    /**
     * One document of a feed's history in one format: the current feed ({@code page} 0,
     * {@code /tr/rss.xml}) or an archive ({@code /tr/archive/3/rss.xml}).
     */
    record FeedDocument(FeedScope scope, FeedFormat format, int page) implements Address {
        public FeedDocument {
            if (page < 0) {
                throw new IllegalArgumentException("no page " + page);
            }
        }

        /** The current document of a feed. */
        public FeedDocument(FeedScope scope, FeedFormat format) {
            this(scope, format, 0);
        }

        public String path() {
            return scope.directory() + below();
        }

        public String exportFile() {
            String folder = scope.folders().isEmpty() ? "" : String.join("/", scope.folders()) + "/";
            return folder + below();
        }

        /** Where the document is below its feed's folder: {@code rss.xml}, {@code archive/3/rss.xml}. */
        private String below() {
            return (page == 0 ? "" : "archive/" + page + "/") + format.fileName();
        }

        /** The same feed's current document. */
        public FeedDocument current() {
            return new FeedDocument(scope, format, 0);
        }

        /** Another document of the same feed's history. */
        public FeedDocument page(int number) {
            return new FeedDocument(scope, format, number);
        }
    }
}
