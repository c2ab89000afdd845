package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Memory for rendered output follows the heap, and a budget the heap cannot hold is refused. */
class CacheBudgetTest {

    private static final long MIB = 1024L * 1024L;

    @Test
    void byDefaultAnEighthOfTheHeapAQuarterOfItForBodies() {
        CacheBudget budget = CacheBudget.of(Optional.empty(), 512 * MIB);
        assertEquals(64 * MIB, budget.totalBytes());
        assertEquals(16 * MIB, budget.bodyBytes());
        assertEquals(48 * MIB, budget.documentBytes());
        assertEquals(32 * MIB, CacheBudget.of(Optional.empty(), 256 * MIB).totalBytes());
    }

    @Test
    void anExplicitBudgetWinsUnlessTheHeapCannotHoldIt() {
        assertEquals(200 * MIB, CacheBudget.of(Optional.of(200), 512 * MIB).totalBytes());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CacheBudget.of(Optional.of(256), 256 * MIB));
        assertTrue(refused.getMessage().contains("polyfeed.cache-mb=256") && refused.getMessage().contains("128"),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CacheBudget.of(Optional.of(0), 256 * MIB));
    }
}
