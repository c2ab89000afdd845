package dev.polyfeed.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Tag;
import dev.polyfeed.feed.FeedFormat;
import dev.polyfeed.feed.FeedScope;
import dev.polyfeed.feed.FeedWriter;
import dev.polyfeed.feed.OpmlWriter;
import dev.polyfeed.page.PageWriter;

/** Renders every feed and page of a catalog into a {@link Publication}. Pure: catalog in, bytes out. */
public final class Publisher {

    public static final String UTF_8 = "; charset=utf-8";
    public static final String HTML = "text/html" + UTF_8;
    public static final String OPML = "text/x-opml" + UTF_8;

    private Publisher() {
    }

    public static Publication publish(ContentLoader.Result load, int feedSize) {
        if (feedSize < 1) {
            throw new IllegalArgumentException("polyfeed.feed-size must be at least 1, not " + feedSize);
        }
        Catalog catalog = load.catalog();
        List<FeedScope> scopes = scopes(catalog);
        FeedWriter feeds = new FeedWriter(catalog);
        PageWriter pages = new PageWriter(catalog);
        Map<String, Representation> documents = new HashMap<>();
        Instant newest = catalog.posts().stream().map(Post::updated).max(Instant::compareTo).orElse(Instant.EPOCH);

        scopes.parallelStream().flatMap(scope -> {
            List<Post> posts = scope.posts(catalog);
            List<Post> items = posts.subList(0, Math.min(feedSize, posts.size()));
            Instant updated = items.stream().map(Post::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
            return java.util.Arrays.stream(FeedFormat.values()).map(format -> Map.entry(scope.path(format),
                    Representation.of(feeds.write(scope, format, items), format.mediaType() + UTF_8, updated)));
        }).toList().forEach(entry -> documents.put(entry.getKey(), entry.getValue()));

        catalog.posts().parallelStream()
                .map(post -> Map.entry(post.path(), Representation.of(pages.post(post), HTML, post.updated())))
                .toList().forEach(entry -> documents.put(entry.getKey(), entry.getValue()));
        documents.put("/", Representation.of(pages.index(scopes), HTML, newest));
        documents.put(PageWriter.OPML_PATH, Representation.of(OpmlWriter.write(catalog, scopes), OPML, newest));
        return new Publication(load, scopes, documents);
    }

    /** Every feed there is: per language, per tag in each language, per tag across languages. */
    static List<FeedScope> scopes(Catalog catalog) {
        List<FeedScope> scopes = new ArrayList<>();
        for (Language language : catalog.languages()) {
            scopes.add(FeedScope.of(language));
            for (Tag tag : catalog.tags(language)) {
                scopes.add(FeedScope.of(language, tag));
            }
        }
        for (Tag tag : catalog.tags()) {
            scopes.add(FeedScope.of(tag));
        }
        return scopes;
    }
}
