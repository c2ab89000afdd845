package dev.polyfeed.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Every setting of Polyfeed, under the {@code polyfeed.} prefix. Each key can also be given as an
 * environment variable ({@code POLYFEED_CONTENT_DIR}, {@code POLYFEED_BASE_URL}, ...).
 */
@ConfigMapping(prefix = "polyfeed")
public interface PolyfeedConfig {

    String DEFAULT_CONTENT_DIR = "content";
    String DEFAULT_FEED_SIZE = "20";

    /**
     * Folder holding {@code site.yml}, {@code authors.yml} and one sub-folder of Markdown posts per
     * language. Relative paths are resolved against the working directory.
     */
    @WithDefault(DEFAULT_CONTENT_DIR)
    String contentDir();

    /**
     * Absolute URL the site is published under, such as {@code https://example.org/blog}. Every link
     * in a feed starts with it. When unset, {@code base-url} in {@code site.yml} is used, and failing
     * that {@code http://localhost:8080}. Permanent ids do not depend on it.
     */
    Optional<String> baseUrl();

    /**
     * How the content folder is laid out: {@code polyfeed} (one folder per language, with
     * {@code site.yml}), or the root of an existing {@code hugo}, {@code docusaurus} or {@code jekyll}
     * site, read as that generator reads it. Unset, it is detected from the folder's configuration
     * file ({@code hugo.toml}, {@code config.toml}, {@code config/_default/}, {@code docusaurus.config.js},
     * {@code _config.yml}, ...), and a folder with none of them is Polyfeed's own layout.
     */
    Optional<String> layout();

    /**
     * Absolute URL where an existing Hugo, Docusaurus or Jekyll site publishes its pages, such as
     * {@code https://blog.example.org}, when its configuration does not say (Hugo's {@code baseURL},
     * Docusaurus's {@code url} and {@code baseUrl}, Jekyll's {@code url} and {@code baseurl}). With it,
     * each feed item links to the post's page on that site and relative links and images resolve where
     * that site serves them; without it, Polyfeed's own post pages are the links. Not where the feeds
     * are served: that is {@code polyfeed.base-url}.
     */
    Optional<String> siteUrl();

    /**
     * The path of a post's page on that site, when the generator's own rule does not give it: a
     * pattern of {@code :year}, {@code :month}, {@code :day}, {@code :slug}, {@code :lang} and
     * {@code :section}, such as {@code /:lang/:year/:month/:slug/}. Hugo's {@code permalinks} and
     * Jekyll's {@code permalink} settings win over it for their sites.
     */
    Optional<String> permalink();

    /**
     * For a Hugo site: the sections (top folders of its content) that hold posts, when its
     * {@code params.mainSections} does not name them. Unset, the section with the most dated pages is
     * used. Hugo sites hold docs and other pages beside their blog.
     */
    Optional<java.util.List<String>> sections();

    /** Most items in one feed, newest first, and the number of posts in each archive document. At least 1. */
    @WithDefault(DEFAULT_FEED_SIZE)
    int feedSize();

    /**
     * Fail startup, listing every problem, when any file of the content has one (errors and warnings
     * alike), instead of serving the good posts and reporting the rest. For the CI of a content repository.
     */
    @WithDefault("false")
    boolean strict();

    /** Publishing changes to the content folder as they happen, under {@code polyfeed.watch}. */
    Watch watch();

    /**
     * Reload the content when the process receives SIGHUP ({@code kill -HUP <pid>}): publishing without
     * a watcher and without a restart.
     */
    @WithDefault("true")
    boolean reloadOnSighup();

    /**
     * Megabytes of rendered output kept in memory: three quarters for documents (identity and gzip'd
     * bytes), a quarter for rendered post bodies, which every feed a post is in shares. Both are
     * rendered once, when first needed, and kept until this budget pushes the least used out. Unset,
     * it is an eighth of the JVM's maximum heap, so that the posts, a reload's second catalog and the
     * renders in flight fit beside it in a container's usual cap; a value over half the maximum heap
     * is refused at startup.
     */
    Optional<Integer> cacheMb();

    /** How many documents are rendered at once, and how long a request waits for its turn. */
    Render render();

    /** How clients and caches may keep what Polyfeed serves. */
    Http http();

    /** Real-time push of feed updates. */
    Websub websub();

    /** Rendering documents on demand, under {@code polyfeed.render.}. */
    interface Render {
        /**
         * Documents rendered at the same time, at most; 0 means twice the number of cores. Every render
         * holds a feed's tree and bytes in memory, so this bounds memory as well as CPU.
         */
        @WithDefault("0")
        int concurrency();

        /**
         * How long a request waits for a free render before it is answered {@code 503} with
         * {@code Retry-After}: a busy server answers some requests later rather than all of them slowly.
         */
        @WithDefault("2s")
        Duration queueTimeout();

        /**
         * How long after startup the background check of every post's body waits before it begins.
         * The check renders each body once, on one thread, to report its problems; begun at once, it
         * takes a processor from the first readers and from the JIT compiling the serving path while
         * both are cold (on 2 cores, the first feed of a 1,000-post site came about 0.5 s later). A reload's
         * check begins at once: the serving path is compiled by then and only changed bodies are
         * rendered. An export does not wait for it.
         */
        @WithDefault("5s")
        Duration checkDelay();
    }

    /** Watching, under {@code polyfeed.watch}. */
    interface Watch {
        /**
         * {@code polyfeed.watch}: watch the content folder and publish changes (new, edited, removed
         * posts; site.yml; authors.yml) within a second or two, without a restart. On in dev mode, off
         * in production, where content usually ships in the image.
         */
        @WithParentName
        @WithDefault("false")
        boolean enabled();

        /**
         * How long content on disk may be newer than what is served before readiness says so (and goes
         * DOWN): a reload that keeps failing, or a watcher that cannot keep up, must not go unseen.
         */
        @WithDefault("60s")
        Duration staleAfter();

        /**
         * How often the content folder's files (names, sizes, times, and where its symbolic links point)
         * are compared with what was loaded, besides the file-system events: this finds what events miss,
         * such as a symbolic link swapped to a new release or a Kubernetes ConfigMap update.
         */
        @WithDefault("5s")
        Duration pollInterval();
    }

    /** HTTP caching, under {@code polyfeed.http.}. */
    interface Http {
        String DEFAULT_MAX_AGE = "300";
        String DEFAULT_ARCHIVE_MAX_AGE = "86400";

        /**
         * Seconds a reader or cache may reuse a feed, page or OPML without asking again
         * ({@code Cache-Control: public, max-age=N}). Revalidation with ETag stays cheap after that.
         */
        @WithDefault(DEFAULT_MAX_AGE)
        int maxAge();

        /**
         * Seconds an archive document (RFC 5005) may be reused. Full archive pages only change when an
         * old post is edited or removed, so they can be kept much longer than feeds.
         */
        @WithDefault(DEFAULT_ARCHIVE_MAX_AGE)
        int archiveMaxAge();
    }

    /** WebSub, under {@code polyfeed.websub.}. */
    interface Websub {
        /**
         * URL of the WebSub hub that subscribers are sent to; unset by default. When set, every feed
         * carries {@code rel="hub"} next to its {@code rel="self"} link, inside and in its answer's
         * {@code Link} header fields, as WebSub requires, and each reload that changes a feed tells the
         * hub which ones changed.
         */
        Optional<String> hub();

        /**
         * Most feed URLs named in one publish request to the hub ({@code hub.url}, repeated); a reload
         * that changes more feeds sends several requests. 100 keeps a request a few kilobytes, well under
         * what hubs and proxies accept in a form body.
         */
        @WithDefault("100")
        int batchSize();

        /**
         * How long to wait before asking the hub again when a publish request fails (a network error or
         * an answer other than 2xx): this, then five times this, then 25 times this (1 s, 5 s, 25 s), after
         * which the request is given up and logged as a warning.
         */
        @WithDefault("1s")
        Duration retryBackoff();

        /** How long one publish request may take, connecting included, before it counts as failed. */
        @WithDefault("10s")
        Duration timeout();
    }
}
