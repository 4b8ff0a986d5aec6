package yuelao.storage.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairCountBufferTest {
    @Test
    void pairKeysPackUnpackAndSortLexicographically() {
        Random rnd = new Random(1);
        for (int t = 0; t < 10_000; t++) {
            int a = rnd.nextInt(Integer.MAX_VALUE);
            int b = rnd.nextInt(Integer.MAX_VALUE);
            long k = PairKey.unordered(a, b);
            assertEquals(Math.min(a, b), PairKey.first(k));
            assertEquals(Math.max(a, b), PairKey.second(k));
            int c = rnd.nextInt(Integer.MAX_VALUE);
            int d = rnd.nextInt(Integer.MAX_VALUE);
            long k2 = PairKey.unordered(c, d);
            int lex = Integer.compare(PairKey.first(k), PairKey.first(k2));
            if (lex == 0) {
                lex = Integer.compare(PairKey.second(k), PairKey.second(k2));
            }
            assertEquals(Integer.signum(lex), Integer.signum(Long.compare(k, k2)));
        }
        assertThrows(IllegalArgumentException.class, () -> PairKey.of(3, 2));
        assertThrows(IllegalArgumentException.class, () -> PairKey.of(-1, 2));
    }

    /** fastutil's table size, read by reflection: the buffer's mirror of it must be exact. */
    private static int fastutilSlots(PairCountBuffer b) throws ReflectiveOperationException {
        Field mapField = PairCountBuffer.class.getDeclaredField("map");
        mapField.setAccessible(true);
        Field n = Long2LongOpenHashMap.class.getDeclaredField("n");
        n.setAccessible(true);
        return n.getInt(mapField.get(b));
    }

    @Test
    void staysWithinBudgetAndDrainsSortedSums() throws Exception {
        Random rnd = new Random(2);
        for (long budget : new long[] {1_000, 10_000, 100_000, 3_000_000}) {
            PairCountBuffer b = new PairCountBuffer(budget);
            Map<Long, Long> ref = new HashMap<>();
            int growths = 0;
            int lastSlots = b.slots();
            assertEquals(lastSlots, fastutilSlots(b));
            while (!b.isFull()) {
                // key 0 (pair (0, 0)) is fastutil's special null key: include it
                long key = rnd.nextInt(10) == 0 ? 0 : PairKey.unordered(rnd.nextInt(5000), rnd.nextInt(5000));
                long u = 1 + rnd.nextInt(100);
                b.add(key, u);
                ref.merge(key, u, Long::sum);
                if (b.slots() != lastSlots) {
                    growths++;
                    lastSlots = b.slots();
                    assertEquals(lastSlots, fastutilSlots(b), "mirror of fastutil's table size");
                }
                assertTrue(b.peakBytes() <= Math.max(budget, PairCountBuffer.peakBytes(PairCountBuffer.MIN_SLOTS)));
            }
            assertEquals(lastSlots, fastutilSlots(b), "no hidden rehash");
            assertEquals(ref.size(), b.size());
            assertTrue(PairCountBuffer.peakBytes(2 * b.slots()) > budget, "full only when doubling would exceed the budget");
            if (budget == 3_000_000) {
                assertTrue(growths >= 2, "grew from the initial size");
            }
            long newKey = PairKey.of(6000, 6000);
            assertThrows(IllegalStateException.class, () -> b.add(newKey, 1));
            MemoryRun run = b.drainSorted();
            assertEquals(ref.size(), run.records());
            for (int i = 0; i < run.records(); i++) {
                if (i > 0) {
                    assertTrue(run.key(i) > run.key(i - 1));
                }
                assertEquals(ref.get(run.key(i)), run.units(i));
            }
            assertEquals(0, b.size());
            assertEquals(lastSlots, fastutilSlots(b), "table kept for reuse");
            b.add(newKey, 1);
            assertEquals(1, b.size());
        }
        assertThrows(IllegalArgumentException.class, () -> new PairCountBuffer(100).add(1, 2, 0));
    }
}
