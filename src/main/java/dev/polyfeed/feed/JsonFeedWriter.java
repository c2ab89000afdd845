package dev.polyfeed.feed;

import dev.polyfeed.address.FeedScope;
import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.address.Address;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.polyfeed.content.Author;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same posts, ids and languages as the XML
 * feeds. Archives are reached through {@code next_url}, JSON Feed's pagination, from newer to older.
 */
final class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final Site site;
    private final Optional<String> hub;

    JsonFeedWriter(Site site, Optional<String> hub) {
        this.site = site;
        this.hub = hub;
    }

    byte[] write(FeedScope scope, FeedPage page) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", scope.title(site));
        feed.put("home_page_url", Address.HOME.url(site));
        feed.put("feed_url", new Address.FeedDocument(scope, FeedFormat.JSON, page.number()).url(site));
        feed.put("description", scope.description(site));
        page.previousArchive().ifPresent(number -> feed.put("next_url", new Address.FeedDocument(scope, FeedFormat.JSON, number).url(site)));
        scope.languageIfAny().ifPresent(language -> feed.put("language", language.tag()));
        hub.ifPresent(url -> feed.put("hubs", List.of(Map.of("type", "WebSub", "url", url))));
        List<Object> items = new ArrayList<>();
        for (Post post : page.posts()) {
            items.add(item(post));
        }
        feed.put("items", items);
        return Json.write(feed).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> item(Post post) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", post.id());
        item.put("url", post.link());
        item.put("title", post.title());
        item.put("content_html", post.html());
        item.put("summary", post.summary().isEmpty() ? null : post.summary());
        item.put("image", post.image());
        item.put("date_published", date(post.published()));
        item.put("date_modified", date(post.updated()));
        if (!post.authors().isEmpty()) {
            item.put("authors", post.authors().stream().map(JsonFeedWriter::author).toList());
        }
        if (!post.tags().isEmpty()) {
            item.put("tags", post.tags().stream().map(Tag::label).toList());
        }
        item.put("language", post.language().tag());
        return item;
    }

    private static Map<String, Object> author(Author author) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", author.name());
        json.put("url", author.url());
        json.put("avatar", author.image());
        return json;
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
