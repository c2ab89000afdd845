package dev.polyfeed.address;

import java.util.List;
import java.util.Optional;

import dev.polyfeed.content.Author;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;
import dev.polyfeed.content.Urls;

/**
 * Which posts a feed holds, one kind of feed per case: the whole site, a language, a tag in a language,
 * a tag across languages, an author across languages, an author in a language. Each case says its language (if
 * any), its folder in the site ({@code /tr/tags/ai/}), what its title adds and which posts it holds;
 * a new kind of feed is a new case, which the compiler makes answer all four.
 */
public sealed interface FeedScope {

    /** The language every item of the feed is in; empty for feeds across languages. */
    Optional<Language> languageIfAny();

    /** The folders the feed's documents are in, not encoded: {@code [tr, tags, ai]}. */
    List<String> folders();

    /** The feed's folder in the site, percent-encoded, with a trailing slash: {@code /tr/tags/ai/}. */
    default String directory() {
        StringBuilder directory = new StringBuilder("/");
        for (String folder : folders()) {
            directory.append(Urls.segment(folder)).append('/');
        }
        return directory.toString();
    }

    /** What the title adds to the site's (or the language's) title: {@code " – #AI"}. */
    String titleSuffix();

    /** The feed's posts from the catalog, newest first, all of them (callers cut to the feed size). */
    List<Post> posts(Catalog catalog);

    /**
     * Every post of the site, each in its own language: {@code /rss.xml}, the one feed to offer someone
     * who reads all of them. Its page is the home page.
     */
    record Everything() implements FeedScope {
        public Optional<Language> languageIfAny() {
            return Optional.empty();
        }

        public List<String> folders() {
            return List.of();
        }

        public String titleSuffix() {
            return "";
        }

        public List<Post> posts(Catalog catalog) {
            return catalog.posts();
        }
    }

    /** Every post in one language: {@code /tr/}. */
    record InLanguage(Language language) implements FeedScope {
        public Optional<Language> languageIfAny() {
            return Optional.of(language);
        }

        public List<String> folders() {
            return List.of(language.tag());
        }

        public String titleSuffix() {
            return "";
        }

        public List<Post> posts(Catalog catalog) {
            return catalog.posts(language);
        }
    }

    /** One tag in one language: {@code /tr/tags/ai/}. */
    record TagInLanguage(Language language, Tag tag) implements FeedScope {
        public Optional<Language> languageIfAny() {
            return Optional.of(language);
        }

        public List<String> folders() {
            return List.of(language.tag(), "tags", tag.key());
        }

        public String titleSuffix() {
            return " – #" + tag.label();
        }

        public List<Post> posts(Catalog catalog) {
            return catalog.posts(language, tag.key());
        }
    }

    /** One tag in every language: {@code /tags/ai/}. No feed language; each item has its own. */
    record TagEverywhere(Tag tag) implements FeedScope {
        public Optional<Language> languageIfAny() {
            return Optional.empty();
        }

        public List<String> folders() {
            return List.of("tags", tag.key());
        }

        public String titleSuffix() {
            return " – #" + tag.label();
        }

        public List<Post> posts(Catalog catalog) {
            return catalog.posts(tag.key());
        }
    }

    /** One author in every language: {@code /authors/ada/}, as Ghost and WordPress have them. */
    record ByAuthor(Author author) implements FeedScope {
        public Optional<Language> languageIfAny() {
            return Optional.empty();
        }

        public List<String> folders() {
            return List.of("authors", author.key());
        }

        public String titleSuffix() {
            return " – " + author.name();
        }

        public List<Post> posts(Catalog catalog) {
            return catalog.postsBy(author.key());
        }
    }

    /** One author in one language: {@code /tr/authors/ada/}. */
    record ByAuthorInLanguage(Language language, Author author) implements FeedScope {
        public Optional<Language> languageIfAny() {
            return Optional.of(language);
        }

        public List<String> folders() {
            return List.of(language.tag(), "authors", author.key());
        }

        public String titleSuffix() {
            return " – " + author.name();
        }

        public List<Post> posts(Catalog catalog) {
            return catalog.postsBy(language, author.key());
        }
    }

    static FeedScope of(Language language) {
        return new InLanguage(language);
    }

    static FeedScope of(Language language, Tag tag) {
        return new TagInLanguage(language, tag);
    }

    static FeedScope of(Tag tag) {
        return new TagEverywhere(tag);
    }

    /** The feed's page, in its folder: {@code /tr/tags/ai/}; the site's feed's is the home page. */
    default Address page() {
        return folders().isEmpty() ? Address.HOME : new Address.ScopePage(this);
    }

    /** The feed's current document in a format. */
    default Address.FeedDocument in(FeedFormat format) {
        return new Address.FeedDocument(this, format);
    }

    /** The permanent id of the feed, the same in every format and at every base URL. */
    default String id(Site site) {
        String directory = directory();
        return site.tagUri("feed" + directory.substring(0, directory.length() - 1));
    }

    default String title(Site site) {
        return languageIfAny().map(site::titleFor).orElse(site.title()) + titleSuffix();
    }

    default String description(Site site) {
        String base = languageIfAny().map(site::descriptionFor).orElse(site.description());
        return base.isBlank() ? title(site) : base;
    }
}
