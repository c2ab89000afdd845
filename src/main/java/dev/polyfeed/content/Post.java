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
 * @param page absolute URL of the post's own page on the site it comes from (a Hugo, Docusaurus or
 *        Jekyll site whose address is known), or null: then Polyfeed's page at {@code url} is its page
 * @param resources the folder of a generator site's post, whose images and files its body links to
 *        relatively and Polyfeed serves below the post's address when the site's address is unknown;
 *        or, for Polyfeed's own layout, the folder of its file; null when unknown
 * @param keys what else the post is found by: its translation key and its old addresses
 * @param listing when it is listed (a draft never is): see {@link Listing}
 */
public record Post(String source, Language language, String slug, String id, String url, String title,
        Instant published, Instant updated, List<Tag> tags, List<String> keywords, List<Author> authors,
        String description, String image, PostBody body, boolean draft, String page, java.nio.file.Path resources,
        Keys keys, Listing listing) {

    /**
     * What a generator's front matter ties a post to beyond its own address.
     *
     * @param translationKey Hugo's {@code translationKey}: posts sharing one are translations of each
     *        other whatever their slugs; null when the post names none (then the slug pairs them)
     * @param aliases the post's old site paths (Hugo's {@code aliases}), each as {@link #aliasKey} makes it
     */
    public record Keys(String translationKey, List<String> aliases) {
        public static final Keys NONE = new Keys(null, List.of());

        public Keys {
            translationKey = translationKey == null || translationKey.isBlank() ? null : translationKey.strip();
            aliases = List.copyOf(aliases);
        }

        /**
         * A site path as aliases and requests are compared: decoded already, lower case, without a
         * trailing slash or {@code index.html}, as static hosts serve {@code /old/} and {@code /old/index.html} alike.
         */
        public static String aliasKey(String decodedPath) {
            String path = decodedPath.replaceAll("[?#].*$", "").replaceAll("(/index\\.html?|\\.html?|/)+$", "");
            path = path.startsWith("/") ? path : "/" + path;
            return path.replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
        }
    }

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
        keys = keys == null ? Keys.NONE : keys;
        Objects.requireNonNull(listing, "listing");
    }

    /** Whether it is served at this instant: not a draft, and within its {@link Listing}. */
    public boolean listedAt(Instant now) {
        return !draft && listing.listedAt(now);
    }

    /** The full body, wrapped in an element carrying {@code lang} and {@code dir}. */
    public String html() {
        return body.rendered().html();
    }

    /** Plain text for feed summaries: the description, else an excerpt of the body. */
    public String summary() {
        return description.isEmpty() ? body.rendered().excerpt() : description;
    }

    /** The post's page on the site it comes from, when that site's address is known. */
    public Optional<java.net.URI> originalPage() {
        return Optional.ofNullable(page).map(java.net.URI::create);
    }

    /** What a feed item links to: the post's page on its own site, else Polyfeed's page for it. */
    public String link() {
        return page != null ? page : url;
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
                description, image, body.withPostUrl(newUrl), draft, page, resources, keys, listing);
    }

    /** The same post with the id derived from its slug, for when the id it declared is taken. */
    public Post withDerivedId(Site site) {
        return new Post(source, language, slug, site.postId(language, slug), url, title, published, updated, tags,
                keywords, authors, description, image, body, draft, page, resources, keys, listing);
    }

    /** The same post with another body: its Markdown rewritten once every post of the site is known. */
    public Post withBody(PostBody newBody) {
        return new Post(source, language, slug, id, url, title, published, updated, tags, keywords, authors,
                description, image, newBody, draft, page, resources, keys, listing);
    }

    public Post withTags(List<Tag> newTags) {
        return new Post(source, language, slug, id, url, title, published, updated, newTags, keywords, authors,
                description, image, body, draft, page, resources, keys, listing);
    }

    /** The same post as it stands before its update: updated when it was published. */
    public Post beforeItsUpdate() {
        return new Post(source, language, slug, id, url, title, published, published, tags, keywords, authors,
                description, image, body, draft, page, resources, keys, listing);
    }
}
