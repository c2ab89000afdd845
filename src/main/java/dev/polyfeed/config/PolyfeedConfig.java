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

    /** Most items in one feed, newest first. At least 1. */
    @WithDefault(DEFAULT_FEED_SIZE)
    int feedSize();
}
