package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The brute-force double-precision oracle of the query tests: seeded random vectors (with exact duplicates and a zero
 * row), the table built on them, and the scores and rankings computed directly from the definitions.
 */
final class QueryOracle {
    private QueryOracle() {}


    static final int V = 600;

    static final int DIM = 13; // not a multiple of the lane count: padding is exercised

    /** Random vectors with exact duplicates (ties) and a zero row. */
    static float[] randomData(long seed, int v, int dim) {
        Random rnd = new Random(seed);
        float[] d = new float[v * dim];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextGaussian();
        }
        for (int dup : new int[] {7, 11, 40}) {
            System.arraycopy(d, 3 * dim, d, dup * dim, dim); // rows 3, 7, 11, 40 identical
        }
        java.util.Arrays.fill(d, 5 * dim, 6 * dim, 0f); // row 5 is zero
        return d;
    }


    static List<String> words(int v) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            w.add("w" + i);
        }
        return w;
    }


    static final float[] DATA = randomData(42, V, DIM);

    // A small chunk size splits the table across many chunks.
    static final WordVectors WV = WordVectors.of(words(V), DATA, DIM, 200);


    static double dot(float[] d, int dim, int a, int b) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            s += (double) d[a * dim + k] * d[b * dim + k];
        }
        return s;
    }


    static double cos(float[] d, int dim, int a, int b) {
        double na = Math.sqrt(dot(d, dim, a, a));
        double nb = Math.sqrt(dot(d, dim, b, b));
        return na == 0 || nb == 0 ? 0 : dot(d, dim, a, b) / (na * nb);
    }


    record Scored(int id, double score) {}


    /** Brute force: sort all candidates (id < limit, not excluded) by score desc, id asc. */
    static List<Scored> brute(int limit, int k, java.util.function.IntToDoubleFunction score, int... exclude) {
        List<Scored> all = new ArrayList<>();
        outer:
        for (int i = 0; i < limit; i++) {
            for (int e : exclude) {
                if (e == i) {
                    continue outer;
                }
            }
            all.add(new Scored(i, score.applyAsDouble(i)));
        }
        all.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::id));
        return all.subList(0, Math.min(k, all.size()));
    }


    static void assertSame(List<Scored> expected, List<Neighbor> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).id(), actual.get(i).id(), "rank " + i + ": " + expected + " vs " + actual);
            assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-4 * Math.max(1, Math.abs(expected.get(i).score())));
            assertEquals("w" + expected.get(i).id(), actual.get(i).word());
        }
    }


    /** Pearson correlation of p_a(k) = <v_a, v_k> and p_b(k) over k < K. */
    static double profilePearson(float[] d, int dim, int a, int b, int kk) {
        double[] pa = new double[kk];
        double[] pb = new double[kk];
        for (int k = 0; k < kk; k++) {
            pa[k] = dot(d, dim, a, k);
            pb[k] = dot(d, dim, b, k);
        }
        return pearson(pa, pb);
    }


    static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }


    static double u(int i, int k) {
        double n = Math.sqrt(dot(DATA, DIM, i, i));
        return n == 0 ? 0 : DATA[i * DIM + k] / n;
    }


    static double cosTo(double[] q, int i) {
        double s = 0;
        double nq = 0;
        for (int k = 0; k < DIM; k++) {
            s += q[k] * u(i, k);
            nq += q[k] * q[k];
        }
        return nq == 0 ? 0 : s / Math.sqrt(nq);
    }


    static int[] allBut(int... keep) {
        List<Integer> ex = new ArrayList<>();
        outer:
        for (int i = 0; i < V; i++) {
            for (int k : keep) {
                if (k == i) {
                    continue outer;
                }
            }
            ex.add(i);
        }
        return ex.stream().mapToInt(Integer::intValue).toArray();
    }


    static double pearsonFreeCos(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }


    /** rank_i = 1 + #{x_j < x_i} + (#{x_j == x_i} - 1) / 2. */
    static double[] bruteRanks(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int less = 0;
            int eq = 0;
            for (double v : x) {
                less += v < x[i] ? 1 : 0;
                eq += v == x[i] ? 1 : 0;
            }
            r[i] = 1 + less + (eq - 1) / 2.0;
        }
        return r;
    }
}
