package dev.polyfeed.content;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a spelling read from an author's file means, worked out once per spelling: a site names a few
 * languages and a few hundred tags on tens of thousands of posts, which then share one instance each.
 * Bounded, since a front-matter value may be any text; past the bound, spellings are worked out anew.
 */
final class Spellings<T> {

    private final ConcurrentHashMap<String, Optional<T>> known = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<String, Optional<T>> meaning;

    Spellings(int limit, Function<String, Optional<T>> meaning) {
        this.limit = limit;
        this.meaning = meaning;
    }

    Optional<T> of(String spelling) {
        Optional<T> found = known.get(spelling);
        if (found != null) {
            return found;
        }
        Optional<T> worked = meaning.apply(spelling);
        if (known.size() < limit) {
            known.put(spelling, worked);
        }
        return worked;
    }
}
