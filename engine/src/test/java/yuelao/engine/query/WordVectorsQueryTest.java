package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every query against a brute-force double-precision oracle on seeded random vectors. */
class WordVectorsQueryTest {
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

    @Test
    void nearestByCosineMatchesBruteForceWithTiesExclusionAndRestriction() {
        for (int limit : new int[] {V, 250, 12}) {
            WordVectors wv = WV.restrict(limit);
            for (int q : new int[] {0, 3, 5, 7, 99, 599}) {
                List<Neighbor> got = Nearest.of(wv, q, 10, Mode.COSINE, 0);
                assertSame(brute(limit, 10, i -> cos(DATA, DIM, q, i), q), got);
                assertTrue(got.stream().noneMatch(n -> n.id() == q), "query excluded");
            }
        }
        // Ties: rows 3, 7, 11, 40 are identical, so from 3 the top three are 7, 11, 40 in id order, cosine 1.
        List<Neighbor> ties = Nearest.of(WV, 3, 3, Mode.COSINE, 0);
        assertEquals(List.of(7, 11, 40), ties.stream().map(Neighbor::id).toList());
        // The zero row has cosine 0 with everything.
        assertEquals(0, WV.cosine(5, 1));
        Nearest.of(WV, 1, V, Mode.COSINE, 0).stream().filter(n -> n.id() == 5).forEach(n -> assertEquals(0, n.score()));
    }

    @Test
    void nearestByRelatednessMatchesBruteForce() {
        for (int limit : new int[] {V, 100}) {
            WordVectors wv = WV.restrict(limit);
            for (int q : new int[] {1, 3, 5, 300}) {
                assertSame(brute(limit, 7, i -> dot(DATA, DIM, q, i), q), Nearest.of(wv, q, 7, Mode.RELATEDNESS, 0));
            }
        }
    }

    @Test
    void similarityIsThePearsonCorrelationOfPmiProfiles() {
        for (int kk : new int[] {50, 400}) {
            for (int[] p : new int[][] {{0, 1}, {3, 7}, {10, 500}, {250, 251}}) {
                assertEquals(profilePearson(DATA, DIM, p[0], p[1], kk), Nearest.profileCorrelation(WV, p[0], p[1], kk), 1e-5);
            }
            for (int limit : new int[] {V, 200}) {
                int q = 17;
                assertSame(brute(limit, 10, i -> profilePearson(DATA, DIM, q, i, kk), q),
                        Nearest.of(WV.restrict(limit), q, 10, Mode.SIMILARITY, kk));
            }
        }
        org.junit.jupiter.api.Assertions.assertSame(WV.basis(50), WV.restrict(10).basis(50), "cached per K and shared by views");
        assertEquals(0, WV.basis(400).epsilon(), "no ridge needed for K >> d");
        // K <= d: S is singular; a ridge makes Cholesky succeed and the search still answers.
        assertTrue(WV.basis(5).epsilon() > 0);
        assertEquals(10, Nearest.of(WV, 0, 10, Mode.SIMILARITY, 5).size());
    }

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

    @Test
    void sentenceVectorsRelatednessAndKeywordsMatchBruteForce() {
        try (Sentences s = new Sentences(WV)) {
            Sentences.SentenceVector a = s.vector("w1 w2 w2 unknown w300");
            Sentences.SentenceVector b = s.vector("w4 w5 w1");
            assertEquals(List.of("unknown"), a.outOfVocabulary());
            assertArrayEquals(new int[] {1, 2, 2, 300}, a.ids());
            double[] sa = new double[DIM];
            double[] sb = new double[DIM];
            for (int k = 0; k < DIM; k++) {
                sa[k] = DATA[DIM + k] + 2.0 * DATA[2 * DIM + k] + DATA[300 * DIM + k];
                sb[k] = DATA[4 * DIM + k] + DATA[5 * DIM + k] + DATA[DIM + k];
                assertEquals(sa[k], a.vector()[k], 1e-5);
            }
            double rel = 0;
            for (int k = 0; k < DIM; k++) {
                rel += sa[k] * sb[k];
            }
            assertEquals(rel, Sentences.relatedness(a, b), 1e-4);
            assertEquals(pearsonFreeCos(sa, sb), Sentences.cosine(a, b), 1e-6);
            List<Neighbor> kw = s.keywords(a);
            List<Scored> expected = brute(V, 3, i -> {
                double x = 0;
                for (int k = 0; k < DIM; k++) {
                    x += sa[k] * DATA[i * DIM + k];
                }
                return x;
            }, allBut(1, 2, 300));
            assertSame(expected, kw);
            Sentences.SentenceVector empty = s.vector("nothing known here");
            assertTrue(empty.isEmpty());
            assertEquals(0, Sentences.cosine(empty, a));
            assertEquals(List.of(), s.keywords(empty));
        }
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

    @Test
    void doesntMatchIsTheLowestCosineToTheMeanOfUnitVectors() {
        DoesntMatch.Result r = DoesntMatch.of(WV, List.of("w1", "w2", "nope", "w3", "w7"));
        assertEquals(List.of("nope"), r.unknown());
        int[] ids = {1, 2, 3, 7};
        double[] mean = new double[DIM];
        for (int id : ids) {
            for (int k = 0; k < DIM; k++) {
                mean[k] += u(id, k);
            }
        }
        int worst = -1;
        double worstCos = 2;
        for (int id : ids) {
            double[] ui = new double[DIM];
            for (int k = 0; k < DIM; k++) {
                ui[k] = u(id, k);
            }
            double c = pearsonFreeCos(ui, mean);
            if (c < worstCos) {
                worstCos = c;
                worst = id;
            }
        }
        assertEquals(Optional.of("w" + worst), r.odd());
        assertEquals(Optional.empty(), DoesntMatch.of(WV, List.of("w1", "zz")).odd());
    }

    @Test
    void unknownWordsGiveEmptyResultsNotExceptions() {
        assertTrue(WV.id("nope").isEmpty());
        assertTrue(WV.vector("nope").isEmpty());
        assertTrue(Nearest.of(WV, "nope", 5, Mode.COSINE, 0).isEmpty());
        assertTrue(Analogy.solve(WV, "w1", "nope", "w2", Analogy.Method.ADD, 1).isEmpty());
        assertFalse(WV.similarity("w1", "nope").present());
        assertEquals(List.of("nope"), WV.unknown(List.of("w1", "nope")));
        WordVectors.PairSimilarity p = WV.similarity("w1", "w2");
        assertEquals(cos(DATA, DIM, 1, 2), p.cosine(), 1e-6);
        assertEquals(dot(DATA, DIM, 1, 2), p.dot(), 1e-4);
    }

    @Test
    void caseInsensitiveViewKeepsTheMostFrequentCasing() {
        WordVectors wv = WordVectors.of(List.of("Paris", "the", "paris", "PARIS", "Rome"), new float[] {1, 0, 0, 1, 0, 2, 3, 3, 1, 1}, 2);
        assertTrue(wv.id("rome").isEmpty());
        WordVectors ci = wv.caseInsensitive();
        assertEquals(List.of("paris", "the", "rome"), ci.words());
        assertEquals(0, ci.id("PaRiS").getAsInt());
        assertArrayEquals(new float[] {1, 0}, ci.vector("paris").orElseThrow());
        assertEquals(2, wv.restrict(4).caseInsensitive().searchLimit(), "restriction counted in kept words");
    }

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

    @Test
    void tiesGoToTheLowerIdInEveryMode() {
        // b, c, d identical; e the zero vector. From a, every mode scores b, c, d equally.
        WordVectors wv = WordVectors.of(List.of("a", "b", "c", "d", "e", "f"),
                new float[] {1, 2, 0, 3, 1, 1, 3, 1, 1, 3, 1, 1, 0, 0, 0, -1, 0, 2}, 3);
        for (Mode m : Mode.values()) {
            List<Neighbor> hits = Nearest.of(wv, "a", 5, m, 6).orElseThrow();
            List<Integer> ids = hits.stream().map(Neighbor::id).toList();
            int at = ids.indexOf(1);
            assertTrue(at >= 0 && ids.subList(at, at + 3).equals(List.of(1, 2, 3)), m + ": " + hits);
            assertFalse(ids.contains(0), "query excluded");
        }
        // Restriction to the top 3 leaves b and c.
        assertEquals(List.of(1, 2), Nearest.of(wv.restrict(3), "a", 5, Mode.COSINE, 0).orElseThrow().stream().map(Neighbor::id).toList());
        assertEquals(List.of(), Nearest.of(wv.restrict(1), "a", 5, Mode.COSINE, 0).orElseThrow());
    }

    @Test
    void concurrentQueriesAgreeWithSequentialOnes() throws Exception {
        WordVectors fresh = WordVectors.of(words(V), DATA, DIM);
        List<List<Neighbor>> expected = new ArrayList<>();
        for (int q = 0; q < 16; q++) {
            expected.add(Nearest.of(WV, q, 5, Mode.SIMILARITY, 300));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Neighbor>>> fs = new ArrayList<>();
            for (int q = 0; q < 16; q++) {
                int qq = q;
                // The fresh table computes its similarity basis under contention: computed once, same answers.
                fs.add(pool.submit(() -> Nearest.of(fresh, qq, 5, Mode.SIMILARITY, 300)));
            }
            for (int q = 0; q < 16; q++) {
                assertEquals(expected.get(q), fs.get(q).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
