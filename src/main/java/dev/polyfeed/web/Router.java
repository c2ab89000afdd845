package dev.polyfeed.web;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.polyfeed.content.Author;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Tag;
import dev.polyfeed.feed.FeedFormat;
import dev.polyfeed.feed.FeedScope;
import dev.polyfeed.page.PageWriter;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.Publisher;

/**
 * Finds what a request path names in a publication. Languages, tags and slugs are matched
 * leniently ({@code TR}, {@code AI}, NFD forms) and answered with a redirect to their canonical
 * path, so that every document has one URL that caches and readers share.
 */
final class Router {

    /** What a path leads to. */
    sealed interface Route {
    }

    /** A document exists at this canonical path (it may still have to be rendered). */
    record Found(String path) implements Route {
    }

    record Moved(String canonicalPath) implements Route {
    }

    record Missing(String reason) implements Route {
    }

    private final Publication publication;
    private final Catalog catalog;

    Router(Publication publication) {
        this.publication = publication;
        this.catalog = publication.catalog();
    }

    /** @param segments the decoded path segments, empty for {@code /} */
    Route route(List<String> segments) {
        if (segments.isEmpty()) {
            return document("/");
        }
        if (segments.size() == 1 && (segments.get(0).equals(PageWriter.OPML_PATH.substring(1))
                || segments.get(0).equals(Publisher.STYLESHEET_PATH.substring(1))
                || segments.get(0).equals(Publisher.ICON_SVG_PATH.substring(1))
                || segments.get(0).equals(Publisher.ICON_ICO_PATH.substring(1)))) {
            return document("/" + segments.get(0));
        }
        if (segments.get(0).equals("tags")) {
            return segments.size() < 3 ? missing(segments) : tagFeed(null, segments.get(1), segments.subList(2, segments.size()), true);
        }
        if (segments.get(0).equals("authors")) {
            return segments.size() < 3 ? missing(segments)
                    : authorFeed(null, segments.get(1), segments.subList(2, segments.size()), true);
        }
        String lang = segments.get(0);
        Optional<Language> language = catalog.language(lang);
        if (language.isEmpty()) {
            return new Missing("No language '" + Responses.quoted(lang) + "' here. Languages: " + listed(catalog.languages(), Language::tag) + ".");
        }
        boolean canonical = lang.equals(language.get().tag());
        List<String> rest = segments.subList(1, segments.size());
        if (rest.isEmpty()) {
            // "/tr" and "/TR/" are the language's page, "/tr/"
            return new Moved(PageWriter.languagePath(language.get()));
        }
        if (rest.size() == 2 && rest.get(0).equals("posts")) {
            return post(language.get(), rest.get(1), canonical);
        }
        if (rest.size() >= 3 && rest.get(0).equals("tags")) {
            return tagFeed(language.get(), rest.get(1), rest.subList(2, rest.size()), canonical);
        }
        if (rest.size() >= 3 && rest.get(0).equals("authors")) {
            return authorFeed(language.get(), rest.get(1), rest.subList(2, rest.size()), canonical);
        }
        return feedDocument(FeedScope.of(language.get()), rest, canonical, segments);
    }

    private Route post(Language language, String slug, boolean canonical) {
        Optional<Post> post = catalog.post(language, slug)
                .or(() -> catalog.post(language, Normalizer.normalize(slug, Normalizer.Form.NFC)));
        if (post.isEmpty()) {
            return new Missing("No post '" + Responses.quoted(slug) + "' in " + language + ".");
        }
        return canonical && slug.equals(post.get().slug()) ? document(post.get().path()) : new Moved(post.get().path());
    }

    private Route tagFeed(Language language, String spelling, List<String> rest, boolean canonical) {
        Optional<Tag> tag = catalog.tag(Tag.keyOf(spelling))
                .filter(found -> language == null || !catalog.posts(language, found.key()).isEmpty());
        if (tag.isEmpty()) {
            List<Tag> known = language == null ? catalog.tags() : catalog.tags(language);
            return new Missing("No tag '" + Responses.quoted(spelling) + "'" + (language == null ? "" : " in " + language) + ". Tags: "
                    + listed(known, Tag::key) + ".");
        }
        FeedScope scope = language == null ? FeedScope.of(tag.get()) : FeedScope.of(language, tag.get());
        return feedDocument(scope, rest, canonical && spelling.equals(tag.get().key()), rest);
    }

    /** An author's feed: keys are matched as tags are ({@code Ada}, {@code ada}). */
    private Route authorFeed(Language language, String spelling, List<String> rest, boolean canonical) {
        Optional<Author> author = catalog.author(Tag.keyOf(spelling))
                .filter(found -> language == null || !catalog.postsBy(language, found.key()).isEmpty());
        if (author.isEmpty()) {
            List<Author> known = language == null ? catalog.authors() : catalog.authors(language);
            return new Missing("No author '" + Responses.quoted(spelling) + "'" + (language == null ? "" : " in " + language)
                    + ". Authors: " + listed(known, Author::key) + ".");
        }
        FeedScope scope = language == null ? new FeedScope.ByAuthor(author.get())
                : new FeedScope.ByAuthorInLanguage(language, author.get());
        return feedDocument(scope, rest, canonical && spelling.equals(author.get().key()), rest);
    }

    /** {@code rss.xml} or {@code archive/3/rss.xml} below a feed's directory. */
    private Route feedDocument(FeedScope scope, List<String> rest, boolean canonical, List<String> asked) {
        int page = 0;
        String file;
        if (rest.size() == 1) {
            file = rest.get(0);
        } else if (rest.size() == 3 && rest.get(0).equals("archive") && rest.get(1).matches("[1-9][0-9]{0,8}")) {
            page = Integer.parseInt(rest.get(1));
            file = rest.get(2);
        } else {
            return missing(asked);
        }
        Optional<FeedFormat> format = FeedFormat.byFileName(file);
        if (format.isEmpty()) {
            return new Missing("No file '" + Responses.quoted(file) + "' here. Feeds are rss.xml, atom.xml and feed.json.");
        }
        String path = scope.path(format.get(), page);
        if (!publication.exists(path)) {
            return new Missing(page == 0 ? "Nothing at " + path + "." : "No archive " + page + " of this feed.");
        }
        return canonical ? document(path) : new Moved(path);
    }

    private Route document(String path) {
        return publication.exists(path) ? new Found(path) : new Missing("Nothing at " + path + ".");
    }

    private static Route missing(List<String> segments) {
        return new Missing("Nothing at /" + Responses.quoted(String.join("/", segments)) + ".");
    }

    private static <T> String listed(List<T> items, Function<T, String> name) {
        String list = items.stream().limit(50).map(name).collect(Collectors.joining(", "));
        return items.size() > 50 ? list + ", …" : list.isEmpty() ? "none" : list;
    }
}
