package yuelao.engine.sampling;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every search against a linear scan, on random sorted arrays with runs of equal values, at every probe that matters. */
class BinarySearchTest {
    @Test
    void upperBoundIsTheFirstGreaterElementOfTheRangeForEveryArrayType() {
        Random rnd = new Random(12);
        try (Arena arena = Arena.ofConfined()) {
            for (int trial = 0; trial < 300; trial++) {
                int n = rnd.nextInt(40);
                long[] c = sorted(rnd, n);
                double[] d = new double[n];
                float[] f = new float[n];
                MemorySegment seg = arena.allocate(Math.max(8, n * 8L), 8);
                for (int k = 0; k < n; k++) {
                    d[k] = c[k];
                    f[k] = c[k];
                    seg.setAtIndex(ValueLayout.JAVA_DOUBLE, k, c[k]);
                }
                int from = n == 0 ? 0 : rnd.nextInt(n + 1);
                int to = from + rnd.nextInt(n - from + 1);
                for (long m = -1; m <= (n == 0 ? 1 : c[n - 1] + 1); m++) {
                    long expect = to;
                    for (int k = to - 1; k >= from; k--) {
                        if (c[k] > m) {
                            expect = k;
                        }
                    }
                    String what = "trial " + trial + " [" + from + ", " + to + ") m " + m;
                    assertEquals(expect, BinarySearch.upperBound(c, from, to, m), "long " + what);
                    assertEquals(expect, BinarySearch.upperBound(d, from, to, m), "double " + what);
                    assertEquals(expect, BinarySearch.upperBound(f, from, to, (float) m), "float " + what);
                    assertEquals(expect, BinarySearch.upperBound(seg, from, to, m), "segment " + what);
                    assertEquals(expect, BinarySearch.upperBound(d, from, to, m + 0.5), "between values (integer data): " + what);
                    long lower = to;
                    for (int k = to - 1; k >= from; k--) {
                        if (c[k] >= m) {
                            lower = k;
                        }
                    }
                    int mm = (int) m;
                    assertEquals(lower, BinarySearch.lowerBound(from, to, k -> (int) c[(int) k], mm), "lower bound " + what);
                }
            }
        }
    }

    /** interval(c, m): the non-empty interval [c[r], c[r + 1]) holding m, the last non-empty one at or beyond the end. */
    @Test
    void intervalIsTheNonEmptyIntervalHoldingTheProbe() {
        Random rnd = new Random(13);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rnd.nextInt(30);
            long[] c = sorted(rnd, n);
            c[0] = 0;
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = c[k];
            }
            for (long m = 0; m <= c[n - 1] + 1; m++) {
                int expect;
                if (m < c[n - 1]) {
                    expect = -1;
                    for (int r = 0; r + 1 < n; r++) {
                        if (c[r] <= m && m < c[r + 1]) {
                            expect = r;
                        }
                    }
                } else {
                    expect = 0;
                    for (int r = 0; r + 1 < n; r++) {
                        if (c[r] < c[r + 1]) {
                            expect = r;
                        }
                    }
                }
                assertEquals(expect, BinarySearch.interval(c, m), "long, trial " + trial + " m " + m);
                assertEquals(expect, BinarySearch.interval(d, m), "double, trial " + trial + " m " + m);
                assertEquals(expect, BinarySearch.interval(d, m + 0.25), "double between values, trial " + trial + " m " + m);
            }
        }
    }

    /** Sorted values with repeats (runs of equal values are what the searches must get right). */
    private static long[] sorted(Random rnd, int n) {
        long[] c = new long[n];
        long v = rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            v += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(4);
            c[k] = v;
        }
        return c;
    }
}
