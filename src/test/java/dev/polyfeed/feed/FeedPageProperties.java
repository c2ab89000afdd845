package dev.polyfeed.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * How a feed's posts are cut into its current document and archives (RFC 5005), one document at a
 * time: posts are numbered 0 (oldest) to n - 1 (newest), so a page's contents can be checked against
 * the numbers it must hold.
 */
class FeedPageProperties {

    @Property
    void archivesAreFullPagesCountedFromTheOldestPost(@ForAll @IntRange(max = 300) int total,
            @ForAll @IntRange(min = 1, max = 40) int size) {
        List<Integer> newestFirst = newestFirst(total);
        int archives = FeedPage.archives(total, size);
        List<Integer> archived = new ArrayList<>();
        for (int number = 1; number <= archives; number++) {
            List<Integer> page = FeedPage.cut(newestFirst, size, number);
            assertEquals(size, page.size(), "archive " + number + " is full");
            // archive 1 holds posts 0..size-1, archive 2 the next size, and so on, newest first in each
            List<Integer> expected = new ArrayList<>(IntStream.range((number - 1) * size, number * size).boxed().toList());
            Collections.reverse(expected);
            assertEquals(expected, page, "archive " + number);
            archived.addAll(page);
        }
        List<Integer> current = FeedPage.cut(newestFirst, size, 0);
        assertEquals(newestFirst.subList(0, Math.min(size, total)), current, "the current feed: the newest posts");
        // every post is in an archive, or in the current feed when the newest page is not full
        List<Integer> reachable = new ArrayList<>(archived);
        reachable.addAll(current);
        assertEquals(total, reachable.stream().distinct().count(), "every post reachable");
        assertTrue(archives == 0 || total - archives * size <= size, "no more archives than full pages");
        assertThrows(IllegalArgumentException.class, () -> FeedPage.cut(newestFirst, size, archives + 1));
    }

    private static List<Integer> newestFirst(int total) {
        List<Integer> posts = new ArrayList<>(IntStream.range(0, total).boxed().toList());
        Collections.reverse(posts);
        return posts;
    }
}
