package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.query.QueryOracle.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Spearman correlation against its brute-force definition (average ranks for ties). */
class SpearmanTest {
    @Test
    void spearmanAveragesTiesLikeABruteForceDefinition() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 3 + rnd.nextInt(40);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(6); // many ties
                y[i] = rnd.nextInt(4) + (trial % 2 == 0 ? rnd.nextDouble() : 0);
            }
            assertEquals(pearson(bruteRanks(x), bruteRanks(y)), Spearman.rho(x, y), 1e-12);
        }
        assertTrue(Double.isNaN(Spearman.rho(new double[] {1, 2}, new double[] {1, 2})));
        assertTrue(Double.isNaN(Spearman.rho(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertEquals(1, Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}), 1e-12);
    }
}
