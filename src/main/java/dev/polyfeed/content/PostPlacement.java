package dev.polyfeed.content;

/**
 * Where the site serves each post's page, as a site path. The site's address scheme decides that
 * ({@code dev.polyfeed.address.Address}); content only asks, for the URL its relative links resolve
 * against and to keep two posts from one address.
 */
@FunctionalInterface
public interface PostPlacement {

    /** The site path of the page of the post with this slug in this language: {@code /tr/posts/my-slug}. */
    String path(Language language, String slug);
}
