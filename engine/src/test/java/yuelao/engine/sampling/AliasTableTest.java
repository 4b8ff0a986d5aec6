package yuelao.engine.sampling;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The alias table: exact shares as built, observed shares over many draws, zero weights never drawn. */
class AliasTableTest {
    /** The table gives every index exactly its share of the weight (zero weights included): column k is chosen with 1/n, keeps k with keep_k, else gives alias_k. */
    @Test
    void tableGivesEachIndexItsShareOfTheWeight() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(40);
            double[] w = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                w[i] = rnd.nextInt(4) == 0 ? 0 : Math.exp(rnd.nextGaussian() * 2);
                total += w[i];
            }
            if (total == 0) {
                continue;
            }
            AliasTable t = AliasTable.of(w);
            assertEquals(n, t.size());
            assertEquals(total, t.total(), 0.0, "summed in index order");
            for (int i = 0; i < n; i++) {
                assertEquals(w[i] / total, t.probability(i), 1e-6, "trial " + trial + " index " + i);
                if (w[i] == 0) {
                    assertEquals(0.0, t.probability(i), 0.0, "a zero weight has no share at all: trial " + trial + " index " + i);
                }
            }
        }
    }

    /**
     * Draws: 400,000 from a skewed table with zero weights; each index's count is within 5 standard deviations of
     * its expectation (a bound that fails by chance with probability below 1e-5 per index), the chi-square statistic
     * below its 0.9999 quantile, and no zero-weight index ever appears.
     */
    @Test
    void drawsFollowTheWeightsAndNeverGiveAZeroWeight() {
        double[] w = {5, 0, 1, 0.25, 0, 12, 3, 0, 0.01, 7, 2, 0, 1};
        AliasTable t = AliasTable.of(w);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        int draws = 400_000;
        long[] count = new long[w.length];
        SplittableRandom rnd = new SplittableRandom(17);
        for (int d = 0; d < draws; d++) {
            count[t.draw(rnd)]++;
        }
        double chi2 = 0;
        int df = -1;
        for (int i = 0; i < w.length; i++) {
            double p = w[i] / total;
            if (p == 0) {
                assertEquals(0, count[i], "index " + i + " has weight 0");
                continue;
            }
            double expect = draws * p;
            assertEquals(expect, count[i], 5 * Math.sqrt(expect * (1 - p)), "index " + i);
            chi2 += (count[i] - expect) * (count[i] - expect) / expect;
            df++;
        }
        assertEquals(8, df);
        assertTrue(chi2 < 33.7, "chi-square " + chi2 + " with 8 degrees of freedom (0.9999 quantile 33.7)");
    }

    @Test
    void degenerateTables() {
        AliasTable one = AliasTable.of(new double[] {3});
        SplittableRandom rnd = new SplittableRandom(1);
        for (int d = 0; d < 100; d++) {
            assertEquals(0, one.draw(rnd));
        }
        AliasTable zeros = AliasTable.of(new double[] {0, 0, 0, 0});
        for (int i = 0; i < 4; i++) {
            assertEquals(0.25, zeros.probability(i), 1e-12, "no positive weight: uniform");
        }
        AliasTable onlyLast = AliasTable.of(new double[] {0, 0, 0, 2});
        for (int d = 0; d < 1000; d++) {
            assertEquals(3, onlyLast.draw(rnd));
        }
        assertThrows(IllegalArgumentException.class, () -> AliasTable.of(new double[0]));
    }
}
