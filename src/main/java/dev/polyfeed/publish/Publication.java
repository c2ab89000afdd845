package dev.polyfeed.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.feed.FeedScope;

/**
 * Everything Polyfeed serves for one version of the content: the catalog and every response body,
 * by site path. Immutable; a reload builds a new one and swaps it in whole, so a request sees either
 * the old content or the new, never a mix.
 */
public record Publication(ContentLoader.Result load, List<FeedScope> feeds, Map<String, Representation> documents) {

    public Publication {
        feeds = List.copyOf(feeds);
        documents = Map.copyOf(documents);
    }

    public Catalog catalog() {
        return load.catalog();
    }

    /** The document at a canonical site path such as {@code /tr/rss.xml}. */
    public Optional<Representation> find(String path) {
        return Optional.ofNullable(documents.get(path));
    }
}
