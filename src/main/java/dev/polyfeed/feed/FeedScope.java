package dev.polyfeed.feed;

import java.util.List;
import java.util.Optional;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;
import dev.polyfeed.content.Urls;

/**
 * Which posts a feed holds: one language, one tag in one language, or one tag across languages.
 *
 * @param language the language, or null for a cross-language tag feed
 * @param tag the tag, or null for a whole-language feed
 */
public record FeedScope(Language language, Tag tag) {

    public FeedScope {
        if (language == null && tag == null) {
            throw new IllegalArgumentException("a feed is for a language, a tag, or both");
        }
    }

    public static FeedScope of(Language language) {
        return new FeedScope(language, null);
    }

    public static FeedScope of(Language language, Tag tag) {
        return new FeedScope(language, tag);
    }

    public static FeedScope of(Tag tag) {
        return new FeedScope(null, tag);
    }

    public Optional<Language> languageIfAny() {
        return Optional.ofNullable(language);
    }

    /** Site path of the feed in a format: {@code /tr/rss.xml}, {@code /tr/tags/ai/atom.xml}, {@code /tags/ai/rss.xml}. */
    public String path(FeedFormat format) {
        return directory() + format.fileName();
    }

    /** Site path of a document of the feed's history: the feed itself, or {@code …/archive/3/atom.xml}. */
    public String path(FeedFormat format, int page) {
        return page == 0 ? path(format) : directory() + "archive/" + page + "/" + format.fileName();
    }

    private String directory() {
        StringBuilder path = new StringBuilder("/");
        if (language != null) {
            path.append(language.tag()).append('/');
        }
        if (tag != null) {
            path.append("tags/").append(Urls.segment(tag.key())).append('/');
        }
        return path.toString();
    }

    /** The permanent id of the feed, the same in every format and at every base URL. */
    public String id(Site site) {
        return site.tagUri("feed" + directory().substring(0, directory().length() - 1));
    }

    public String title(Site site) {
        if (tag == null) {
            return site.titleFor(language);
        }
        String base = language == null ? site.title() : site.titleFor(language);
        return base + " – #" + tag.label();
    }

    public String description(Site site) {
        String base = language == null ? site.description() : site.descriptionFor(language);
        return base.isBlank() ? title(site) : base;
    }

    /** The feed's posts from the catalog, newest first, all of them (callers cut to the feed size). */
    public List<Post> posts(Catalog catalog) {
        if (tag == null) {
            return catalog.posts(language);
        }
        return language == null ? catalog.posts(tag.key()) : catalog.posts(language, tag.key());
    }
}
