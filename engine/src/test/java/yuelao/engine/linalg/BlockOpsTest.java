package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tall-skinny block operations against triple-loop references, and their independence from the threads. */
class BlockOpsTest {
    private static final int N = 203; // not a multiple of any chunk count or lane count

    @Test
    void gramAndTimesAreTheirTripleLoopsForAnyThreadCount() {
        Random rnd = new Random(41);
        for (int b : new int[] {1, 3, 5, 8}) {
            for (int c : new int[] {1, 2, 7}) {
                double[] a = gaussian(rnd, N * b);
                double[] m = gaussian(rnd, N * c);
                double[] w = gaussian(rnd, b * c);
                a[5 * b] = 0; // a zero entry is skipped, not mishandled
                int[] chunks = Parallel.even(N, 9);
                double[] gram = BlockOps.gram(a, m, N, b, c, chunks, 1);
                double[] times = BlockOps.times(a, w, N, b, c, chunks, 1);
                for (int p = 0; p < b; p++) {
                    for (int q = 0; q < c; q++) {
                        double want = 0;
                        double abs = 0;
                        for (int r = 0; r < N; r++) {
                            want += a[r * b + p] * m[r * c + q];
                            abs += Math.abs(a[r * b + p] * m[r * c + q]);
                        }
                        assertEquals(want, gram[p * c + q], 1e-14 * abs, "gram (" + p + ", " + q + ") b " + b + " c " + c);
                    }
                }
                for (int r = 0; r < N; r++) {
                    for (int q = 0; q < c; q++) {
                        double want = 0;
                        double abs = 0;
                        for (int p = 0; p < b; p++) {
                            want += a[r * b + p] * w[p * c + q];
                            abs += Math.abs(a[r * b + p] * w[p * c + q]);
                        }
                        assertEquals(want, times[r * c + q], 1e-14 * abs + 1e-300, "times (" + r + ", " + q + ") b " + b + " c " + c);
                    }
                }
                for (int threads : new int[] {2, 4}) {
                    assertArrayEquals(gram, BlockOps.gram(a, m, N, b, c, chunks, threads), "gram, threads " + threads);
                    assertArrayEquals(times, BlockOps.times(a, w, N, b, c, chunks, threads), "times, threads " + threads);
                }
            }
        }
    }

    /** CholeskyQR2 leaves orthonormal columns spanning the same space (A = Q R: the projection of A on Q is A). */
    @Test
    void orthonormalizeGivesOrthonormalColumnsOfTheSameSpan() {
        Random rnd = new Random(42);
        int b = 6;
        double[] a = gaussian(rnd, N * b);
        for (int r = 0; r < N; r++) { // badly scaled columns
            a[r * b + 1] *= 1e4;
            a[r * b + 4] *= 1e-3;
        }
        double[] q = a.clone();
        int[] chunks = Parallel.even(N, 7);
        assertTrue(BlockOps.orthonormalize(q, N, b, chunks, 2));
        double[] qtq = BlockOps.gram(q, q, N, b, b, chunks, 1);
        for (int p = 0; p < b; p++) {
            for (int s = 0; s < b; s++) {
                assertEquals(p == s ? 1 : 0, qtq[p * b + s], 1e-12, "Q^T Q (" + p + ", " + s + ")");
            }
        }
        double[] coeff = BlockOps.gram(q, a, N, b, b, chunks, 1); // Q^T A
        double[] back = BlockOps.times(q, coeff, N, b, b, chunks, 1); // Q Q^T A
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], back[k], 1e-9 * (1 + Math.abs(a[k])), "entry " + k);
        }
        double[] again = a.clone();
        assertTrue(BlockOps.orthonormalize(again, N, b, chunks, 3));
        assertArrayEquals(q, again, "the same for any thread count");
        // a rank-deficient block (two equal columns) is refused
        double[] dependent = a.clone();
        for (int r = 0; r < N; r++) {
            dependent[r * b + 2] = dependent[r * b + 3];
        }
        assertFalse(BlockOps.orthonormalize(dependent, N, b, chunks, 1) && isOrthonormal(dependent, b, chunks),
                "equal columns cannot come out orthonormal");
    }

    private static boolean isOrthonormal(double[] q, int b, int[] chunks) {
        double[] g = BlockOps.gram(q, q, N, b, b, chunks, 1);
        for (int p = 0; p < b; p++) {
            for (int s = 0; s < b; s++) {
                if (Math.abs(g[p * b + s] - (p == s ? 1 : 0)) > 1e-6) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] gaussian(Random rnd, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = rnd.nextGaussian();
        }
        return a;
    }
}
