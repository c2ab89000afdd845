package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The packed sort of a load's posts orders exactly as the comparator alone does, whatever the dates. */
class NewestFirstProperties {

    /** A post as far as its order goes: the second it was published, then a tie-breaker. */
    record Dated(long second, int nanos, String slug) {
    }

    private static final Comparator<Dated> ORDER = Comparator.comparingLong(Dated::second).reversed()
            .thenComparing(Comparator.comparingInt(Dated::nanos).reversed()).thenComparing(Dated::slug);

    @Property
    void sortsAsTheComparatorDoes(@ForAll("posts") List<Dated> posts) {
        Dated[] packed = posts.toArray(Dated[]::new);
        Dated[] plain = posts.toArray(Dated[]::new);
        NewestFirst.sort(packed, Dated::second, ORDER);
        Arrays.sort(plain, ORDER);
        assertArrayEquals(plain, packed);
    }

    @Provide
    Arbitrary<List<Dated>> posts() {
        // few distinct seconds, so that ties are common; now and then a date far outside any calendar
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(1_700_000_000L, 1_700_000_005L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs()));
        Arbitrary<Dated> dated = Combinators.combine(seconds, Arbitraries.integers().between(0, 2),
                Arbitraries.strings().withCharRange('a', 'c').ofMaxLength(2)).as(Dated::new);
        return dated.list().ofMaxSize(200);
    }
}
