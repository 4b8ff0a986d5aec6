package yuelao.engine.sampling;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Draws from a range of ids by cumulative weights, against a linear scan and over many draws. */
class CumulativeTableTest {
    /** index(m) is the entry whose interval holds m, found here by a linear scan; before() and total() are the running sums. */
    @Test
    void indexIsTheIntervalAFoundByLinearScan() {
        Random rnd = new Random(8);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(30);
            double[] w = new double[n + 10];
            for (int i = 0; i < w.length; i++) {
                w[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(5) + rnd.nextDouble();
            }
            int from = rnd.nextInt(10);
            CumulativeTable t = CumulativeTable.of(w, from, from + n);
            assertEquals(n, t.size());
            assertEquals(from, t.first());
            double run = 0;
            for (int r = 0; r < n; r++) {
                assertEquals(run, t.before(r), 0.0);
                run += w[from + r];
            }
            assertEquals(run, t.total(), 0.0);
            if (run == 0) {
                continue;
            }
            for (int probe = 0; probe < 50; probe++) {
                double m = probe < 40 ? rnd.nextDouble() * run : t.before(rnd.nextInt(n)); // interior points and exact boundaries
                int expect = -1;
                for (int r = 0; r < n; r++) {
                    if (t.before(r) <= m && m < t.before(r) + w[from + r]) {
                        expect = r;
                    }
                }
                if (m < run) {
                    assertEquals(expect, t.index(m), "trial " + trial + " m " + m);
                    assertTrue(w[from + t.index(m)] > 0, "never an empty interval");
                }
            }
            // a draw rounded up to the total lands on the last non-empty entry
            int last = n - 1;
            while (w[from + last] == 0) {
                last--;
            }
            assertEquals(last, t.index(run));
        }
    }

    /** 300,000 draws from a block [5, 17) of a larger weight array: each id within 5 standard deviations of its share, zero weights never. */
    @Test
    void drawsFollowTheWeightsOfTheRange() {
        double[] w = new double[25];
        Random rnd = new Random(2);
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 4 == 0 ? 0 : Math.exp(rnd.nextGaussian());
        }
        CumulativeTable t = CumulativeTable.of(w, 5, 17);
        long[] count = new long[w.length];
        SplittableRandom s = new SplittableRandom(3);
        int draws = 300_000;
        for (int d = 0; d < draws; d++) {
            count[t.draw(s)]++;
        }
        for (int i = 0; i < w.length; i++) {
            if (i < 5 || i >= 17 || w[i] == 0) {
                assertEquals(0, count[i], "id " + i + " is outside the range or has weight 0");
            } else {
                double p = w[i] / t.total();
                double expect = draws * p;
                assertEquals(expect, count[i], 5 * Math.sqrt(expect * (1 - p)), "id " + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CumulativeTable.of(w, 20, 30));
    }
}
