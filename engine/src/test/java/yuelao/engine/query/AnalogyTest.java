package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.query.QueryOracle.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Analogies (3CosAdd on unit and raw vectors, 3CosMul) against the oracle, singly and batched on any thread count. */
class AnalogyTest {
    @Test
    void analogyMatchesBruteForceForEveryMethod() {
        int[][] qs = {{1, 2, 4}, {10, 20, 30}, {3, 7, 8}, {100, 5, 200}, {0, 0, 1}};
        for (int limit : new int[] {V, 150}) {
            WordVectors wv = WV.restrict(limit);
            for (int[] q : qs) {
                int a = q[0];
                int b = q[1];
                int c = q[2];
                double[] unitQ = new double[DIM];
                double[] rawQ = new double[DIM];
                for (int k = 0; k < DIM; k++) {
                    unitQ[k] = u(b, k) - u(a, k) + u(c, k);
                    rawQ[k] = DATA[b * DIM + k] - DATA[a * DIM + k] + DATA[c * DIM + k];
                }
                assertSame(brute(limit, 5, i -> cosTo(unitQ, i), a, b, c),
                        Analogy.solve(wv, "w" + a, "w" + b, "w" + c, Analogy.Method.ADD, 5).orElseThrow());
                assertSame(brute(limit, 5, i -> cosTo(rawQ, i), a, b, c),
                        Analogy.solve(wv, "w" + a, "w" + b, "w" + c, Analogy.Method.ADD_RAW, 5).orElseThrow());
                assertSame(brute(limit, 5, i -> (cos(DATA, DIM, i, b) + 1) / 2 * ((cos(DATA, DIM, i, c) + 1) / 2)
                        / ((cos(DATA, DIM, i, a) + 1) / 2 + 0.001), a, b, c),
                        Analogy.solve(wv, "w" + a, "w" + b, "w" + c, Analogy.Method.MUL, 5).orElseThrow());
            }
        }
    }


    @Test
    void batchedAnalogiesEqualSingleQueriesWhateverTheThreadCount() {
        Random rnd = new Random(7);
        int[][] qs = new int[37][];
        for (int i = 0; i < qs.length; i++) {
            qs[i] = new int[] {rnd.nextInt(V), rnd.nextInt(V), rnd.nextInt(V)};
        }
        for (Analogy.Method m : Analogy.Method.values()) {
            int[] one = Analogy.best(WV, qs, m, 1);
            int[] four = Analogy.best(WV, qs, m, 4);
            assertArrayEquals(one, four, m.name());
            for (int i = 0; i < qs.length; i++) {
                Neighbor top = Analogy.solve(WV, "w" + qs[i][0], "w" + qs[i][1], "w" + qs[i][2], m, 1).orElseThrow().get(0);
                assertEquals(top.id(), one[i]);
            }
        }
    }
}
