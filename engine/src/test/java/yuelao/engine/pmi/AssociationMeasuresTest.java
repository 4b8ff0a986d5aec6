package yuelao.engine.pmi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import yuelao.core.Vocabulary;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.stage.CountSettings;
import yuelao.engine.stage.CountingStage;
import yuelao.storage.counts.CountStoreDirectory;

/**
 * Every association measure on random stores against a brute-force computation from the raw corpus (docs/measures.md):
 * the counts, row sums, window span and expected counts recomputed from the text, and each formula written out as the
 * textbooks give it. Plus zero cells, extreme counts and the collocation lists against a full sort.
 */
class AssociationMeasuresTest {
    @TempDir
    Path dir;

    static final List<AssociationMeasure> ALL = List.of(AssociationMeasure.of(AssociationMeasure.Kind.LOGDICE), AssociationMeasure.mi(1),
            AssociationMeasure.mi(3), AssociationMeasure.mi(1.5), AssociationMeasure.of(AssociationMeasure.Kind.TSCORE),
            AssociationMeasure.of(AssociationMeasure.Kind.ZSCORE), AssociationMeasure.of(AssociationMeasure.Kind.G2),
            AssociationMeasure.of(AssociationMeasure.Kind.CHI2), AssociationMeasure.of(AssociationMeasure.Kind.DICE),
            AssociationMeasure.of(AssociationMeasure.Kind.JACCARD), AssociationMeasure.of(AssociationMeasure.Kind.MINSENS),
            AssociationMeasure.of(AssociationMeasure.Kind.DELTAP_FWD), AssociationMeasure.of(AssociationMeasure.Kind.DELTAP_BWD),
            AssociationMeasure.of(AssociationMeasure.Kind.LOGRATIO));

    /** The raw counts of a corpus, by brute force: unigrams of the kept words, weighted pair sums, row sums, X, N. */
    record Brute(Map<String, Long> n, Map<String, Double> x, Map<String, Double> row, double total, long tokens, double span) {
        double x(String a, String b) {
            return x.getOrDefault(a + "\t" + b, 0.0);
        }
    }

    static Brute brute(String corpus, int window, WindowWeighting w, long minCount, boolean keepOov) {
        Map<String, Long> all = new HashMap<>();
        long allTokens = 0;
        for (String line : corpus.split("\n")) {
            for (String t : line.trim().split(" +")) {
                if (!t.isEmpty()) {
                    all.merge(t, 1L, Long::sum);
                    allTokens++;
                }
            }
        }
        Map<String, Long> n = new HashMap<>();
        all.forEach((k, v) -> {
            if (v >= minCount) {
                n.put(k, v);
            }
        });
        Map<String, Double> x = new HashMap<>();
        Map<String, Double> row = new HashMap<>();
        double total = 0;
        for (String line : corpus.split("\n")) {
            List<String> toks = new ArrayList<>();
            for (String t : line.trim().split(" +")) {
                if (!t.isEmpty() && (keepOov || n.containsKey(t))) {
                    toks.add(t);
                }
            }
            for (int s = 0; s < toks.size(); s++) {
                for (int t = s + 1; t <= s + window && t < toks.size(); t++) {
                    String a = toks.get(s);
                    String b = toks.get(t);
                    if (a.equals(b) || !n.containsKey(a) || !n.containsKey(b)) {
                        continue;
                    }
                    double weight = weight(w, window, t - s);
                    x.merge(a + "\t" + b, weight, Double::sum);
                    x.merge(b + "\t" + a, weight, Double::sum);
                    row.merge(a, weight, Double::sum);
                    row.merge(b, weight, Double::sum);
                    total += 2 * weight;
                }
            }
        }
        long kept = n.values().stream().mapToLong(Long::longValue).sum();
        double span = 0;
        for (int d = 1; d <= window; d++) {
            span += 2 * weight(w, window, d);
        }
        return new Brute(n, x, row, total, keepOov ? allTokens : kept, span);
    }

    static double weight(WindowWeighting w, int window, int d) {
        return switch (w) {
            case UNIFORM -> 1;
            case HARMONIC -> 1.0 / d;
            case DYNAMIC -> (window - d + 1.0) / window;
        };
    }

    /** The textbook formula of each measure, written out independently of the code under test. */
    static double textbook(AssociationMeasure m, double o, double fx, double fy, double r1, double c1, double n, double e) {
        double o11 = o;
        double o12 = r1 - o;
        double o21 = c1 - o;
        double o22 = n - r1 - c1 + o;
        double r2 = n - r1;
        double c2 = n - c1;
        double log2 = Math.log(2);
        double e11 = r1 * c1 / n;
        return switch (m.kind()) {
            case LOGDICE -> o == 0 ? Double.NEGATIVE_INFINITY : 14 + Math.log(2 * o / (fx + fy)) / log2;
            case MI -> o == 0 ? Double.NEGATIVE_INFINITY : Math.log(Math.pow(o, m.power()) / e) / log2;
            case TSCORE -> o == 0 ? Double.NEGATIVE_INFINITY : (o - e) / Math.sqrt(o);
            case ZSCORE -> (o - e) / Math.sqrt(e);
            case DICE -> 2 * o / (fx + fy);
            case JACCARD -> Math.min(1, o / (fx + fy - o));
            case MINSENS -> Math.min(o / fx, o / fy);
            case G2 -> {
                double[][] cells = {{o11, r1 * c1 / n}, {o12, r1 * c2 / n}, {o21, r2 * c1 / n}, {o22, r2 * c2 / n}};
                double g = 0;
                for (double[] c : cells) {
                    g += c[0] > 0 ? c[0] * Math.log(c[0] / c[1]) : 0;
                }
                yield Math.signum(o11 - e11) * 2 * g;
            }
            case CHI2 -> Math.signum(o11 - e11) * n * Math.pow(o11 * o22 - o12 * o21, 2) / (r1 * r2 * c1 * c2);
            case DELTAP_FWD -> o11 / (o11 + o12) - o21 / (o21 + o22);
            case DELTAP_BWD -> o11 / (o11 + o21) - o12 / (o12 + o22);
            case LOGRATIO -> Math.log(((o11 == 0 ? 0.5 : o11) / r1) / ((o21 == 0 ? 0.5 : o21) / r2)) / log2;
        };
    }

    static void assertClose(double expected, double actual, double rel, String what) {
        assertFalse(Double.isNaN(actual), what + " is NaN");
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            assertEquals(expected, actual, what);
            return;
        }
        double tol = rel * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    @ParameterizedTest
    @CsvSource({"1, 3, uniform, false", "2, 4, harmonic, false", "3, 5, dynamic, false", "4, 2, uniform, true"})
    void everyMeasureMatchesTheTextbookOnRandomStores(long seed, int window, String weighting, boolean keepOov) throws IOException {
        String corpus = TestCorpora.randomCorpus(new Random(seed), 300, 60);
        Path f = dir.resolve("c.txt");
        Files.writeString(f, corpus);
        WindowWeighting w = WindowWeighting.parse(weighting);
        long minCount = 3;
        CountSettings cs = TestCorpora.counting(window, w, 16 << 20, 8).keepOovPositions(keepOov).build();
        CountingStage.run(TestCorpora.job(f, cs, minCount, 2), dir.resolve("store"), true, n -> p -> {});
        Brute b = brute(corpus, window, w, minCount, keepOov);
        try (CountStoreDirectory store = CountStoreDirectory.open(dir.resolve("store"))) {
            Vocabulary v = store.vocabulary();
            assertEquals(b.n().size(), v.size());
            Random rnd = new Random(seed * 31);
            int checked = 0;
            int unobserved = 0;
            for (AssociationMeasure m : ALL) {
                AssociationView view = AssociationView.of(store, m);
                assertEquals(b.span(), view.span(), 1e-12, "window span");
                assertEquals(b.tokens(), view.tokens(), "N of the expected counts");
                for (int i = 0; i < v.size(); i++) {
                    for (int j = 0; j < v.size(); j++) {
                        if (i == j || rnd.nextInt(4) != 0) {
                            continue;
                        }
                        String a = v.word(i);
                        String c = v.word(j);
                        double o = b.x(a, c);
                        double fx = b.n().get(a);
                        double fy = b.n().get(c);
                        double e = b.span() * fx * fy / b.tokens();
                        double expected = textbook(m, o, fx, fy, b.row().getOrDefault(a, 0.0), b.row().getOrDefault(c, 0.0), b.total(), e);
                        double got = view.value(i, j, store.counts().count(i, j));
                        assertClose(expected, got, 1e-9, m.id() + "(" + a + ", " + c + "), O = " + o);
                        assertEquals(got, m.score(view.table(i, j)), 1e-12 * Math.max(1, Math.abs(got)), "table and fast path agree");
                        if (m.symmetric()) {
                            assertEquals(got, view.value(j, i, store.counts().count(j, i)), 1e-12 * Math.max(1, Math.abs(got)),
                                    m.id() + " is symmetric");
                        }
                        checked++;
                        unobserved += o == 0 ? 1 : 0;
                    }
                }
            }
            assertTrue(checked > 1000 && unobserved > 100, checked + " pairs, " + unobserved + " unobserved");
        }
    }

    @Test
    void zeroCellsGetDefinedValues() {
        // tables with zero cells and zero margins: every measure gives a number or an infinity, never NaN
        double[][] tables = {
            {0, 10, 10, 100}, // unobserved
            {10, 10, 30, 100}, // O12 = 0
            {10, 30, 10, 100}, // O21 = 0
            {10, 50, 60, 100}, // O22 = 0
            {10, 10, 10, 10}, // only O11
            {0, 0, 10, 100}, // R1 = 0
            {0, 10, 0, 100}, // C1 = 0
            {0, 0, 0, 0}, // empty
            {5, 100, 100, 100}, // R2 = 0, C2 = 0
        };
        for (double[] t : tables) {
            ContingencyTable table = new ContingencyTable(t[0], t[1], t[2], t[3], t[1], t[2], t[3] > 0 ? t[1] * t[2] / t[3] : 0);
            for (AssociationMeasure m : ALL) {
                double v = m.score(table);
                assertFalse(Double.isNaN(v), m.id() + " of " + table);
                assertTrue(Double.isFinite(v) || (v == Double.NEGATIVE_INFINITY && !m.unobservedIsFinite() && t[0] == 0),
                        m.id() + " = " + v + " of " + table);
            }
        }
        AssociationMeasure g2 = AssociationMeasure.of(AssociationMeasure.Kind.G2);
        AssociationMeasure chi2 = AssociationMeasure.of(AssociationMeasure.Kind.CHI2);
        AssociationMeasure dpf = AssociationMeasure.of(AssociationMeasure.Kind.DELTAP_FWD);
        AssociationMeasure lr = AssociationMeasure.of(AssociationMeasure.Kind.LOGRATIO);
        // O12 = 0: every occurrence of x is with y; G^2 from the three other cells, 0 ln 0 = 0
        ContingencyTable t = new ContingencyTable(10, 10, 30, 100, 10, 30, 3);
        assertEquals(textbook(g2, 10, 10, 30, 10, 30, 100, 3), g2.score(t), 1e-12);
        assertEquals(textbook(chi2, 10, 10, 30, 10, 30, 100, 3), chi2.score(t), 1e-9);
        assertEquals(1.0 - 20.0 / 90, dpf.score(t), 1e-15);
        // unobserved: G^2 and X^2 negative (fewer than expected), Delta P negative, Log Ratio with 0.5 for the zero
        ContingencyTable u = new ContingencyTable(0, 10, 10, 100, 10, 10, 1);
        assertTrue(g2.score(u) < 0 && chi2.score(u) < 0 && dpf.score(u) < 0);
        assertEquals(Math.log((0.5 / 10) / (10.0 / 90)) / Math.log(2), lr.score(u), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, AssociationMeasure.of(AssociationMeasure.Kind.LOGDICE).score(u));
        assertEquals(-1, AssociationMeasure.of(AssociationMeasure.Kind.ZSCORE).score(u), 1e-15);
        // a zero margin carries no evidence: 0
        ContingencyTable zeroRow = new ContingencyTable(0, 0, 10, 100, 0, 10, 0);
        assertEquals(0, g2.score(zeroRow));
        assertEquals(0, chi2.score(zeroRow));
        assertEquals(0, lr.score(zeroRow));
        assertEquals(-10.0 / 100, dpf.score(zeroRow), 1e-15);
    }

    @Test
    void extremeCountsKeepTheirPrecision() {
        // N ~ 1e15 tokens, a pair seen once or a billion times: compared with the cells in exact decimal arithmetic
        double[][] tables = {{1, 1e6, 1e6, 1e15}, {1e9, 2e9, 3e9, 1e15}, {3, 5e14, 5e14, 1e15}, {1e12, 1e12, 1e12, 1e15},
            {7, 7, 7, 1e15}, {123456789, 5e13, 2e12, 9.99e14}};
        for (double[] t : tables) {
            ContingencyTable table = ContingencyTable.adjacent(t[0], t[1], t[2], t[3]);
            BigDecimal[] o = {bd(t[0]), bd(t[1]).subtract(bd(t[0])), bd(t[2]).subtract(bd(t[0])),
                bd(t[3]).subtract(bd(t[1])).subtract(bd(t[2])).add(bd(t[0]))};
            BigDecimal[] r = {bd(t[1]), bd(t[3]).subtract(bd(t[1]))};
            BigDecimal[] c = {bd(t[2]), bd(t[3]).subtract(bd(t[2]))};
            double g = 0;
            BigDecimal chi = BigDecimal.ZERO;
            for (int k = 0; k < 4; k++) {
                BigDecimal e = r[k / 2].multiply(c[k % 2]).divide(bd(t[3]), MathContext.DECIMAL128);
                BigDecimal diff = o[k].subtract(e);
                if (o[k].signum() > 0) {
                    g += o[k].doubleValue() * Math.log1p(diff.divide(e, MathContext.DECIMAL128).doubleValue());
                }
                chi = chi.add(diff.multiply(diff).divide(e, MathContext.DECIMAL128));
            }
            double sign = Math.signum(o[0].subtract(r[0].multiply(c[0]).divide(bd(t[3]), MathContext.DECIMAL128)).doubleValue());
            assertClose(sign * 2 * g, AssociationMeasure.of(AssociationMeasure.Kind.G2).score(table), 1e-9, "G2 of " + table);
            assertClose(sign * chi.doubleValue(), AssociationMeasure.of(AssociationMeasure.Kind.CHI2).score(table), 1e-9, "chi2 of " + table);
            for (AssociationMeasure m : ALL) {
                double v = m.score(table);
                assertTrue(Double.isFinite(v), m.id() + " = " + v + " of " + table);
                if (m.kind() != AssociationMeasure.Kind.G2 && m.kind() != AssociationMeasure.Kind.CHI2) {
                    assertClose(textbook(m, t[0], t[1], t[2], t[1], t[2], t[3], t[1] * t[2] / t[3]), v, 1e-9, m.id() + " of " + table);
                }
            }
        }
    }

    static BigDecimal bd(double v) {
        return new BigDecimal(v);
    }

    @Test
    void namesParseAndPrint() {
        for (AssociationMeasure m : ALL) {
            assertEquals(m, Measure.parse(m.id()), m.id());
        }
        assertEquals(PmiMeasure.PPMI, Measure.parse("sppmi"));
        assertEquals(AssociationMeasure.mi(3), Measure.parse("MI3"));
        assertEquals(AssociationMeasure.of(AssociationMeasure.Kind.G2), Measure.parse("log-likelihood"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Measure.parse("mi0"));
        assertTrue(e.getMessage().contains("logdice") && e.getMessage().contains("mi0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Measure.parse("bogus"));
    }

    @ParameterizedTest
    @CsvSource({"logdice, 1", "g2, 3", "deltap-fwd, 2", "tscore, 1", "logratio, 3", "pmi, 2", "npmi, 1"})
    void collocationListsEqualAFullSort(String measure, int threads) throws IOException {
        Path store = TestCorpora.randomStore(dir, 7, 400, 80, 4, WindowWeighting.UNIFORM, 2);
        try (CountStoreDirectory s = CountStoreDirectory.open(store)) {
            Measure m = Measure.parse(measure);
            PairScorer scorer = m instanceof PmiMeasure p ? PmiView.of(s, PmiOptions.of(p)) : AssociationView.of(s, (AssociationMeasure) m);
            Vocabulary v = s.vocabulary();
            Set<String> stop = Set.of(v.word(3), v.word(10));
            Collocations.Filter filter = new Collocations.Filter(2, 3, stop);
            record Pair(int i, int j, double x, double score) {}
            List<Pair> all = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                for (int j = 0; j < v.size(); j++) {
                    double x = s.counts().count(i, j);
                    if (i == j || x < 2 || (m.symmetric() && j < i) || stop.contains(v.word(i)) || stop.contains(v.word(j))
                            || v.word(i).length() < 3 || v.word(j).length() < 3) {
                        continue;
                    }
                    all.add(new Pair(i, j, x, scorer.value(i, j, x)));
                }
            }
            all.sort((p, q) -> p.score() != q.score() ? Double.compare(q.score(), p.score()) : p.x() != q.x() ? Double.compare(q.x(), p.x())
                    : p.i() != q.i() ? Integer.compare(p.i(), q.i()) : Integer.compare(p.j(), q.j()));
            List<Collocations.Collocation> got = Collocations.top(scorer, 25, filter, threads);
            assertEquals(25, got.size());
            for (int k = 0; k < 25; k++) {
                Pair want = all.get(k);
                Collocations.Collocation c = got.get(k);
                assertEquals(List.of(want.i(), want.j(), want.x(), want.score()), List.of(c.id1(), c.id2(), c.pairCount(), c.score()), "rank " + k);
                assertEquals(v.word(want.i()), c.word1());
            }
            assertEquals(got, Collocations.top(scorer, 25, filter, 1), "the same for any thread count");
            // one node word: its row, word1 = the node
            int node = 5;
            List<Pair> row = new ArrayList<>();
            for (int j = 0; j < v.size(); j++) {
                double x = s.counts().count(node, j);
                if (j != node && x >= 2) {
                    row.add(new Pair(node, j, x, scorer.value(node, j, x)));
                }
            }
            row.sort((p, q) -> p.score() != q.score() ? Double.compare(q.score(), p.score()) : p.x() != q.x() ? Double.compare(q.x(), p.x())
                    : Integer.compare(p.j(), q.j()));
            List<Collocations.Collocation> mine = Collocations.ofWord(scorer, node, 10, Collocations.Filter.minCount(2));
            assertEquals(Math.min(10, row.size()), mine.size());
            for (int k = 0; k < mine.size(); k++) {
                assertEquals(row.get(k).j(), mine.get(k).id2());
                assertEquals(node, mine.get(k).id1());
            }
        }
    }

    @Test
    void jsonHasTheDocumentedShape() {
        List<Collocations.Collocation> list = List.of(new Collocations.Collocation(0, 1, "new", "york", 12, 11.5),
                new Collocations.Collocation(2, 3, "a\"b", "c\\d", 2.5, Double.NEGATIVE_INFINITY));
        String json = Collocations.toJson("logdice", "s", null, list);
        assertEquals("{\"measure\": \"logdice\", \"settings\": \"s\", \"node\": null, \"collocations\": [{\"word1\": \"new\", \"word2\": \"york\", "
                + "\"pairCount\": 12, \"score\": 11.5}, {\"word1\": \"a\\\"b\", \"word2\": \"c\\\\d\", \"pairCount\": 2.5, \"score\": null}]}", json);
    }
}
