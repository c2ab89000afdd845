package dev.polyfeed.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published (or draft) post: everything a feed needs, its body rendered when first asked for.
 *
 * @param source the file it came from, as reported in problems
 * @param id permanent id (a {@code tag:} URI, or the post's own {@code id:}); readers dedupe on it
 * @param url absolute URL of the post's page
 * @param description the author's description, or empty
 * @param image absolute URL of the post's image, or null
 * @param body the Markdown body, rendered on demand
 */
public record Post(String source, Language language, String slug, String id, String url, String title,
        Instant published, Instant updated, List<Tag> tags, List<String> keywords, List<Author> authors,
        String description, String image, PostBody body, boolean draft) {

    public Post {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(body, "body");
        title = XmlText.clean(Objects.requireNonNull(title, "title")).strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a post needs a title: " + source);
        }
        if (slug.isBlank() || slug.contains("/")) {
            throw new IllegalArgumentException("a slug is one non-blank path segment: '" + slug + "'");
        }
        updated = updated == null || updated.isBefore(published) ? published : updated;
        tags = List.copyOf(tags);
        keywords = List.copyOf(keywords);
        authors = List.copyOf(authors);
        description = description == null ? "" : XmlText.clean(description).strip();
    }

    /** The full body, wrapped in an element carrying {@code lang} and {@code dir}. */
    public String html() {
        return body.rendered().html();
    }

    /** Plain text for feed summaries: the description, else an excerpt of the body. */
    public String summary() {
        return description.isEmpty() ? body.rendered().excerpt() : description;
    }

    public Optional<String> imageUrl() {
        return Optional.ofNullable(image);
    }

    /**
     * The same post at another address: its URL, the base its relative links resolve against, and its
     * id when the id was derived from the slug (an id the author declared stays).
     */
    public Post withSlug(String newSlug, Site site, PostPlacement placement) {
        String newId = id.equals(site.postId(language, slug)) ? site.postId(language, newSlug) : id;
        String newUrl = site.url(placement.path(language, newSlug));
        return new Post(source, language, newSlug, newId, newUrl, title, published, updated, tags, keywords, authors,
                description, image, body.withPostUrl(newUrl), draft);
    }

    /** The same post with the id derived from its slug, for when the id it declared is taken. */
    public Post withDerivedId(Site site) {
        return new Post(source, language, slug, site.postId(language, slug), url, title, published, updated, tags,
                keywords, authors, description, image, body, draft);
    }

    public Post withTags(List<Tag> newTags) {
        return new Post(source, language, slug, id, url, title, published, updated, newTags, keywords, authors,
                description, image, body, draft);
    }
}
