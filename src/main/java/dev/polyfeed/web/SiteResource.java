package dev.polyfeed.web;

import java.text.Normalizer;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Tag;
import dev.polyfeed.feed.FeedFormat;
import dev.polyfeed.feed.FeedScope;
import dev.polyfeed.page.PageWriter;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.PublicationStore;

/**
 * Every URL Polyfeed serves. Thin: it finds the canonical path of what was asked for, redirects
 * spellings that differ from it ({@code /TR/} to {@code /tr/}, {@code AI} to {@code ai}), and hands
 * the pre-rendered document to {@link Responses}.
 */
@Path("/")
public class SiteResource {

    private final PublicationStore store;

    SiteResource(PublicationStore store) {
        this.store = store;
    }

    @GET
    public Response index(@Context HttpHeaders headers) {
        return Responses.document(store.current().find("/").orElseThrow(), headers);
    }

    @GET
    @Path("feeds.opml")
    public Response opml(@Context HttpHeaders headers) {
        return Responses.document(store.current().find(PageWriter.OPML_PATH).orElseThrow(), headers);
    }

    @GET
    @Path("{lang}/rss.xml")
    public Response languageRss(@PathParam("lang") String lang, @Context HttpHeaders headers) {
        return languageFeed(lang, FeedFormat.RSS, headers);
    }

    @GET
    @Path("{lang}/atom.xml")
    public Response languageAtom(@PathParam("lang") String lang, @Context HttpHeaders headers) {
        return languageFeed(lang, FeedFormat.ATOM, headers);
    }

    @GET
    @Path("{lang}/tags/{tag}/rss.xml")
    public Response languageTagRss(@PathParam("lang") String lang, @PathParam("tag") String tag,
            @Context HttpHeaders headers) {
        return languageTagFeed(lang, tag, FeedFormat.RSS, headers);
    }

    @GET
    @Path("{lang}/tags/{tag}/atom.xml")
    public Response languageTagAtom(@PathParam("lang") String lang, @PathParam("tag") String tag,
            @Context HttpHeaders headers) {
        return languageTagFeed(lang, tag, FeedFormat.ATOM, headers);
    }

    @GET
    @Path("tags/{tag}/rss.xml")
    public Response tagRss(@PathParam("tag") String tag, @Context HttpHeaders headers) {
        return tagFeed(tag, FeedFormat.RSS, headers);
    }

    @GET
    @Path("tags/{tag}/atom.xml")
    public Response tagAtom(@PathParam("tag") String tag, @Context HttpHeaders headers) {
        return tagFeed(tag, FeedFormat.ATOM, headers);
    }

    @GET
    @Path("{lang}/posts/{slug}")
    public Response post(@PathParam("lang") String lang, @PathParam("slug") String slug, @Context HttpHeaders headers) {
        Publication publication = store.current();
        Catalog catalog = publication.catalog();
        Optional<Language> language = catalog.language(lang);
        if (language.isEmpty()) {
            return unknownLanguage(catalog, lang);
        }
        Optional<Post> post = catalog.post(language.get(), slug)
                .or(() -> catalog.post(language.get(), Normalizer.normalize(slug, Normalizer.Form.NFC)));
        if (post.isEmpty()) {
            return Responses.notFound("No post '" + slug + "' in " + language.get() + ".");
        }
        return serveCanonical(publication, post.get().path(), lang.equals(language.get().tag())
                && slug.equals(post.get().slug()), headers);
    }

    private Response languageFeed(String lang, FeedFormat format, HttpHeaders headers) {
        Publication publication = store.current();
        Catalog catalog = publication.catalog();
        return catalog.language(lang)
                .map(language -> serveCanonical(publication, FeedScope.of(language).path(format),
                        lang.equals(language.tag()), headers))
                .orElseGet(() -> unknownLanguage(catalog, lang));
    }

    private Response languageTagFeed(String lang, String tag, FeedFormat format, HttpHeaders headers) {
        Publication publication = store.current();
        Catalog catalog = publication.catalog();
        Optional<Language> language = catalog.language(lang);
        if (language.isEmpty()) {
            return unknownLanguage(catalog, lang);
        }
        Optional<Tag> found = catalog.tag(Tag.keyOf(tag)).filter(t -> !catalog.posts(language.get(), t.key()).isEmpty());
        if (found.isEmpty()) {
            return Responses.notFound("No tag '" + tag + "' in " + language.get() + ". Tags: "
                    + listed(catalog.tags(language.get()), Tag::key) + ".");
        }
        return serveCanonical(publication, FeedScope.of(language.get(), found.get()).path(format),
                lang.equals(language.get().tag()) && tag.equals(found.get().key()), headers);
    }

    private Response tagFeed(String tag, FeedFormat format, HttpHeaders headers) {
        Publication publication = store.current();
        Catalog catalog = publication.catalog();
        return catalog.tag(Tag.keyOf(tag))
                .map(found -> serveCanonical(publication, FeedScope.of(found).path(format), tag.equals(found.key()),
                        headers))
                .orElseGet(() -> Responses.notFound("No tag '" + tag + "'. Tags: " + listed(catalog.tags(), Tag::key) + "."));
    }

    private static Response serveCanonical(Publication publication, String canonicalPath, boolean asked,
            HttpHeaders headers) {
        if (!asked) {
            return Responses.movedTo(canonicalPath);
        }
        return publication.find(canonicalPath).map(document -> Responses.document(document, headers))
                .orElseGet(() -> Responses.notFound("Nothing at " + canonicalPath + "."));
    }

    private static Response unknownLanguage(Catalog catalog, String lang) {
        return Responses.notFound("No language '" + lang + "' here. Languages: "
                + listed(catalog.languages(), Language::tag) + ".");
    }

    private static <T> String listed(java.util.List<T> items, Function<T, String> name) {
        String list = items.stream().limit(50).map(name).collect(Collectors.joining(", "));
        return items.size() > 50 ? list + ", …" : list.isEmpty() ? "none" : list;
    }
}
