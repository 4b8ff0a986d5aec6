package yuelao.engine.sampling;

import static org.junit.jupiter.api.Assertions.*;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The keyed permutation: a bijection of [0, n) for every n, a different order for another key. */
class FeistelPermutationTest {
    @Test
    void everyDomainIsPermutedAndTheKeyChangesTheOrder() {
        for (long n : new long[] {1, 2, 3, 4, 5, 17, 64, 65, 1000, 4097}) {
            for (long seed : new long[] {0, 1, -7, 123456789}) {
                FeistelPermutation p = new FeistelPermutation(n, seed);
                BitSet seen = new BitSet();
                for (long x = 0; x < n; x++) {
                    long y = p.apply(x);
                    assertTrue(y >= 0 && y < n, "n " + n + ": " + x + " -> " + y);
                    assertFalse(seen.get((int) y), "n " + n + ": " + y + " twice");
                    seen.set((int) y);
                }
                assertEquals(n, seen.cardinality());
            }
            if (n >= 17) {
                FeistelPermutation a = new FeistelPermutation(n, 1);
                FeistelPermutation b = new FeistelPermutation(n, 2);
                int same = 0;
                int fixed = 0;
                for (long x = 0; x < n; x++) {
                    same += a.apply(x) == b.apply(x) ? 1 : 0;
                    fixed += a.apply(x) == x ? 1 : 0;
                }
                assertTrue(same < n / 4 + 3, "n " + n + ": two keys agree on " + same);
                assertTrue(fixed < n / 4 + 3, "n " + n + ": " + fixed + " fixed points (a shuffle, not the identity)");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new FeistelPermutation(0, 1));
    }
}
