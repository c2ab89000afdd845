package dev.polyfeed.content;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToLongFunction;

/**
 * Sorts a load's posts newest first, which every load does for every post. A comparator sort of tens
 * of thousands of posts spends its time following each post to its date, twice per comparison; here
 * the dates' seconds are sorted as numbers, with each post's index packed beside them, and only posts
 * published in the same second are ordered by the full comparator.
 */
final class NewestFirst {

    /** Index bits packed beside a date's seconds: sites of up to a million posts take the fast way. */
    private static final int INDEX_BITS = 20;
    /** Seconds within this distance of 1970 (±139,000 years) fit in the bits that are left. */
    private static final long SECONDS_RANGE = 1L << 42;

    private NewestFirst() {
    }

    /**
     * Sorts {@code items} as {@code order} does; {@code order} must put larger {@code seconds} first,
     * and may only tell apart items of equal seconds otherwise.
     */
    static <T> void sort(T[] items, ToLongFunction<T> seconds, Comparator<T> order) {
        if (items.length >= 1 << INDEX_BITS) {
            Arrays.sort(items, order);
            return;
        }
        long[] keys = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            long second = seconds.applyAsLong(items[i]);
            if (second <= -SECONDS_RANGE || second >= SECONDS_RANGE) {
                Arrays.sort(items, order); // a date no post has, short of a typo in its year
                return;
            }
            // newer first: the later the second, the smaller the key
            keys[i] = ((SECONDS_RANGE - 1 - second) << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        T[] sorted = items.clone();
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = items[(int) (keys[i] & ((1 << INDEX_BITS) - 1))];
        }
        // runs of one second, in index order so far: ordered as the comparator orders them
        int start = 0;
        for (int i = 1; i <= keys.length; i++) {
            if (i == keys.length || keys[i] >>> INDEX_BITS != keys[start] >>> INDEX_BITS) {
                if (i - start > 1) {
                    Arrays.sort(sorted, start, i, order);
                }
                start = i;
            }
        }
        System.arraycopy(sorted, 0, items, 0, items.length);
    }
}
