package dev.polyfeed.feed;

import java.util.List;
import java.util.OptionalInt;

import dev.polyfeed.content.Post;

/**
 * One document of a feed's history (RFC 5005): the current feed ({@code number} 0), which holds the
 * newest posts, or archive {@code number} (1 is the oldest). Archive pages are cut from the oldest
 * post on, so a full page keeps the same posts however many newer ones are published: it can be
 * cached for a long time.
 *
 * @param number 0 for the current feed, else the archive's number
 * @param archives how many archive documents the feed has
 * @param posts the document's items, newest first
 */
public record FeedPage(int number, int archives, List<Post> posts) {

    public FeedPage {
        posts = List.copyOf(posts);
        if (number < 0 || number > archives) {
            throw new IllegalArgumentException("no page " + number + " of " + archives + " archives");
        }
    }

    /**
     * How many archive documents a feed of {@code total} posts has. The current feed always holds the
     * newest {@code size} posts; the archives hold every post in full pages of {@code size}, so that
     * walking {@code prev-archive} links from the current feed reaches every post. When the newest page
     * is not full, its posts are only in the current feed.
     */
    public static int archives(int total, int size) {
        return total > size ? (total - 1) / size : 0;
    }

    /**
     * One document of a feed: archive {@code number} holds the
     * {@code number}-th {@code size} posts counted from the oldest, which in a newest-first list end
     * {@code (number - 1) * size} posts before its end.
     *
     * @throws IllegalArgumentException when the feed has no such document
     */
    public static FeedPage of(List<Post> newestFirst, int size, int number) {
        return new FeedPage(number, archives(newestFirst.size(), size), cut(newestFirst, size, number));
    }

    /** The items of document {@code number}, newest first: see {@link #of}. */
    static <T> List<T> cut(List<T> newestFirst, int size, int number) {
        int total = newestFirst.size();
        if (number == 0) {
            return newestFirst.subList(0, Math.min(size, total));
        }
        if (number < 0 || number > archives(total, size)) {
            throw new IllegalArgumentException("no page " + number + " of " + archives(total, size) + " archives");
        }
        return newestFirst.subList(total - number * size, total - (number - 1) * size);
    }

    public boolean isCurrent() {
        return number == 0;
    }

    /** Every post of the feed is in this one document (RFC 5005 section 2, {@code fh:complete}). */
    public boolean complete() {
        return isCurrent() && archives == 0;
    }

    /** The next older archive, if any. */
    public OptionalInt previousArchive() {
        if (isCurrent()) {
            return archives > 0 ? OptionalInt.of(archives) : OptionalInt.empty();
        }
        return number > 1 ? OptionalInt.of(number - 1) : OptionalInt.empty();
    }

    /** The next newer archive, if any (the current feed is linked separately). */
    public OptionalInt nextArchive() {
        return !isCurrent() && number < archives ? OptionalInt.of(number + 1) : OptionalInt.empty();
    }
}
