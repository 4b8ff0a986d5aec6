package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The work splits against their definitions (brute force over every row), and the runner over them. */
class ParallelTest {
    /** Even chunks: contiguous, covering [0, n) exactly, sizes differing by at most one. */
    @Test
    void evenSplitsCoverTheRangeInNearlyEqualChunks() {
        for (int n = 0; n <= 50; n++) {
            for (int parts = 1; parts <= 9; parts++) {
                int[] b = Parallel.even(n, parts);
                assertEquals(parts + 1, b.length);
                assertEquals(0, b[0]);
                assertEquals(n, b[parts]);
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int p = 0; p < parts; p++) {
                    assertTrue(b[p + 1] >= b[p], "non-decreasing");
                    min = Math.min(min, b[p + 1] - b[p]);
                    max = Math.max(max, b[p + 1] - b[p]);
                }
                assertTrue(max - min <= 1, "n " + n + " parts " + parts + ": sizes " + min + ".." + max);
            }
        }
    }

    /**
     * Balanced chunks: boundary p is the first row whose prefix weight reaches p/parts of the total (found here by a
     * linear scan), never before the previous boundary; so no chunk weighs more than its share plus one row.
     */
    @Test
    void balancedSplitsCutAtTheFirstRowReachingEachShare() {
        Random rnd = new Random(31);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(60);
            int parts = 1 + rnd.nextInt(12);
            long[] cum = new long[n + 1];
            long maxRow = 0;
            for (int i = 0; i < n; i++) {
                long w = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 500);
                cum[i + 1] = cum[i] + w;
                maxRow = Math.max(maxRow, w);
            }
            int[] b = Parallel.balanced(cum, n, parts);
            assertEquals(parts + 1, b.length);
            assertEquals(0, b[0]);
            assertEquals(n, b[parts]);
            for (int p = 1; p < parts; p++) {
                long target = cum[n] * p / parts;
                int first = 0;
                while (first < n && cum[first] < target) {
                    first++;
                }
                assertEquals(Math.max(first, b[p - 1]), b[p], "trial " + trial + " boundary " + p);
            }
            for (int p = 0; p < parts; p++) {
                long weight = cum[b[p + 1]] - cum[b[p]];
                assertTrue(weight <= cum[n] / parts + 2 * maxRow + 1, "trial " + trial + " chunk " + p + " weighs " + weight);
            }
        }
    }

    /** Every row is run exactly once, by the chunk that holds it (worker index = chunk index), for any thread count. */
    @Test
    void runVisitsEveryRowOnceWithItsChunkIndex() {
        int n = 1000;
        int[] bounds = Parallel.even(n, 7);
        for (int threads : new int[] {1, 2, 3, 8}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            int[] chunkOf = new int[n];
            Parallel.run(threads, bounds, (t, from, to) -> {
                assertEquals(bounds[t], from);
                assertEquals(bounds[t + 1], to);
                for (int r = from; r < to; r++) {
                    seen.incrementAndGet(r);
                    chunkOf[r] = t;
                }
            });
            for (int r = 0; r < n; r++) {
                assertEquals(1, seen.get(r), "row " + r + " threads " + threads);
                assertTrue(bounds[chunkOf[r]] <= r && r < bounds[chunkOf[r] + 1]);
            }
        }
    }

    /** A chunk's failure reaches the caller as it was thrown (not wrapped), with one thread or several. */
    @Test
    void aChunksFailureIsRethrownAsItself() {
        for (int threads : new int[] {1, 3}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.run(threads, Parallel.even(10, 5), (t, from, to) -> {
                if (t == 3) {
                    throw new IllegalStateException("chunk 3 failed");
                }
            }));
            assertEquals("chunk 3 failed", e.getMessage());
        }
    }
}
