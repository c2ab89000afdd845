package dev.polyfeed.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of Polyfeed, under the {@code polyfeed.} prefix. Each key can also be given as an
 * environment variable ({@code POLYFEED_CONTENT_DIR}, {@code POLYFEED_BASE_URL}, ...).
 */
@ConfigMapping(prefix = "polyfeed")
public interface PolyfeedConfig {

    String DEFAULT_CONTENT_DIR = "content";
    String DEFAULT_FEED_SIZE = "20";
    String DEFAULT_CACHE_MB = "256";

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

    /** Most items in one feed, newest first, and the number of posts in each archive document. At least 1. */
    @WithDefault(DEFAULT_FEED_SIZE)
    int feedSize();

    /**
     * Fail startup, listing every problem, when any file of the content has one (errors and warnings
     * alike), instead of serving the good posts and reporting the rest. For the CI of a content repository.
     */
    @WithDefault("false")
    boolean strict();

    /**
     * Watch the content folder and publish changes (new, edited, removed posts; site.yml; authors.yml)
     * within a second or two, without a restart. On in dev mode, off in production, where content
     * usually ships in the image.
     */
    @WithDefault("false")
    boolean watch();

    /**
     * Reload the content when the process receives SIGHUP ({@code kill -HUP <pid>}): publishing without
     * a watcher and without a restart.
     */
    @WithDefault("true")
    boolean reloadOnSighup();

    /**
     * Megabytes of rendered output kept in memory: three quarters for documents (identity and gzip'd
     * bytes), a quarter for rendered post bodies, which every feed a post is in shares. Both are
     * rendered once, when first needed, and kept until this budget pushes the least used out; a site's
     * feeds and pages together usually fit many times over.
     */
    @WithDefault(DEFAULT_CACHE_MB)
    int cacheMb();

    /** How clients and caches may keep what Polyfeed serves. */
    Http http();

    /** Real-time push of feed updates. */
    Websub websub();

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
         * carries {@code rel="hub"} next to its {@code rel="self"} link, as WebSub requires.
         */
        Optional<String> hub();
    }
}
