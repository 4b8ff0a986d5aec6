package yuelao.engine.pmi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import yuelao.engine.stage.CountingStage;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.core.Vocabulary;

/** Every measure against a brute-force computation from the raw corpus counts (docs/method.md section 2). */
class PmiViewTest {
    @TempDir
    static Path dir;
    static String corpus;
    static CountStoreDirectory store;
    /** Brute force, from the text: unigram counts and pair sums (weights 1/d as doubles). */
    static Map<String, Long> unigrams = new HashMap<>();
    static Map<String, Double> pairs = new HashMap<>();
    static final int WINDOW = 4;
    static final long MIN_COUNT = 3;

    @BeforeAll
    static void build() throws IOException {
        corpus = TestCorpora.randomCorpus(new Random(17), 600, 120);
        Path f = dir.resolve("c.txt");
        Files.writeString(f, corpus);
        CountingStage.run(TestCorpora.job(f, TestCorpora.counting(WINDOW, WindowWeighting.HARMONIC, 16 << 20, 8).build(), MIN_COUNT, 2),
                dir.resolve("store"), true, n -> p -> {});
        store = CountStoreDirectory.open(dir.resolve("store"));
        for (String line : corpus.split("\n")) {
            for (String t : line.trim().split(" +")) {
                if (!t.isEmpty()) {
                    unigrams.merge(t, 1L, Long::sum);
                }
            }
        }
        for (String line : corpus.split("\n")) {
            List<String> toks = new ArrayList<>();
            for (String t : line.trim().split(" +")) {
                if (!t.isEmpty() && unigrams.get(t) >= MIN_COUNT) {
                    toks.add(t);
                }
            }
            for (int s = 0; s < toks.size(); s++) {
                for (int t = s + 1; t <= s + WINDOW && t < toks.size(); t++) {
                    if (!toks.get(s).equals(toks.get(t))) {
                        pairs.merge(toks.get(s) + "\t" + toks.get(t), 1.0 / (t - s), Double::sum);
                        pairs.merge(toks.get(t) + "\t" + toks.get(s), 1.0 / (t - s), Double::sum);
                    }
                }
            }
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The totals and marginals of the textbook formula for one set of options (computed once per options). */
    record Totals(double x, Map<String, Double> c, double z) {}

    static final Map<PmiOptions, Totals> TOTALS = new HashMap<>();

    static Totals totals(PmiOptions o) {
        return TOTALS.computeIfAbsent(o, k -> {
            List<String> words = new ArrayList<>();
            unigrams.forEach((w, c) -> {
                if (c >= MIN_COUNT) {
                    words.add(w);
                }
            });
            int v = words.size();
            double lambda = o.smoothing();
            double x = 0;
            for (double val : pairs.values()) {
                x += val;
            }
            x += lambda * v * (double) (v - 1);
            Map<String, Double> c = new HashMap<>();
            for (String w : words) {
                if (o.marginals() == PmiOptions.Marginals.UNIGRAM) {
                    c.put(w, (double) unigrams.get(w));
                } else {
                    double r = 0;
                    for (String u : words) {
                        r += pairs.getOrDefault(w + "\t" + u, 0.0);
                    }
                    c.put(w, r + lambda * (v - 1));
                }
            }
            double z = 0;
            for (double ci : c.values()) {
                z += Math.pow(ci, o.cds());
            }
            return new Totals(x, c, z);
        });
    }

    /** The textbook formula, straight from the maps. */
    static double reference(String a, String b, PmiOptions o) {
        Totals t = totals(o);
        double x = t.x();
        Map<String, Double> c = t.c();
        double z = t.z();
        double lambda = o.smoothing();
        double pa = Math.pow(c.get(a), o.cds()) / z;
        double pb = Math.pow(c.get(b), o.cds()) / z;
        double xab = pairs.getOrDefault(a + "\t" + b, 0.0) + lambda;
        if (xab == 0) {
            return switch (o.measure()) {
                case PMI -> Double.NEGATIVE_INFINITY;
                case PPMI -> 0;
                case NPMI -> -1;
            };
        }
        double pmi = Math.log((xab / x) / (pa * pb));
        return switch (o.measure()) {
            case PMI -> pmi - Math.log(o.shift());
            case PPMI -> Math.max(0, pmi - Math.log(o.shift()));
            case NPMI -> pmi / -Math.log(xab / x);
        };
    }

    @ParameterizedTest
    @CsvSource({
        "pmi, 1, 1, 0, unigram", "ppmi, 1, 1, 0, unigram", "ppmi, 5, 1, 0, unigram", "npmi, 1, 1, 0, unigram",
        "pmi, 1, 0.75, 0, unigram", "ppmi, 2, 0.75, 0, cooccurrence", "pmi, 1, 1, 0.5, unigram", "npmi, 1, 0.75, 0.1, cooccurrence",
        "pmi, 1, 1, 0, cooccurrence"})
    void everyMeasureEqualsBruteForceForEveryPair(String measure, double shift, double cds, double smoothing, String marginals) {
        PmiOptions o = new PmiOptions(PmiMeasure.parse(measure), shift, cds, smoothing, PmiOptions.Marginals.parse(marginals));
        PmiView view = PmiView.of(store, o);
        Vocabulary v = view.vocabulary();
        int unobserved = 0;
        for (int i = 0; i < v.size(); i++) {
            for (int j = 0; j < v.size(); j++) {
                if (i == j) {
                    continue;
                }
                double expected = reference(v.word(i), v.word(j), o);
                PmiView.PairScore s = view.pair(i, j);
                if (Double.isInfinite(expected)) {
                    assertFalse(s.observed());
                    assertEquals(Double.NEGATIVE_INFINITY, s.value());
                    unobserved++;
                } else {
                    assertEquals(expected, s.value(), 1e-9 * Math.max(1, Math.abs(expected)), v.word(i) + "," + v.word(j));
                }
                assertEquals(s.value(), view.pair(j, i).value(), 0.0, "symmetric");
            }
        }
        if (o.measure() == PmiMeasure.PMI && smoothing == 0) {
            assertTrue(unobserved > 0, "the random corpus has unobserved pairs");
        }
    }

    @Test
    void unobservedPairsNeverBecomeANumberByAccident() {
        Vocabulary v = store.vocabulary();
        int[] unseen = null;
        for (int i = 0; i < v.size() && unseen == null; i++) {
            for (int j = i + 1; j < v.size(); j++) {
                if (store.counts().find(i, j) < 0) {
                    unseen = new int[] {i, j};
                    break;
                }
            }
        }
        assertNotNull(unseen);
        PmiView.PairScore pmi = PmiView.of(store, PmiOptions.of(PmiMeasure.PMI)).pair(unseen[0], unseen[1]);
        assertFalse(pmi.observed());
        assertEquals(0, PmiView.of(store, PmiOptions.of(PmiMeasure.PPMI)).pair(unseen[0], unseen[1]).value());
        assertEquals(-1, PmiView.of(store, PmiOptions.of(PmiMeasure.NPMI)).pair(unseen[0], unseen[1]).value());
        PmiView smoothed = PmiView.of(store, new PmiOptions(PmiMeasure.PMI, 1, 1, 1, PmiOptions.Marginals.UNIGRAM));
        assertTrue(Double.isFinite(smoothed.pair(unseen[0], unseen[1]).value()));
        assertTrue(PmiView.of(store, PmiOptions.of(PmiMeasure.PMI)).id("no-such-word").isEmpty());
    }

    @Test
    void cdsIsAppliedSymmetrically() {
        PmiView view = PmiView.of(store, new PmiOptions(PmiMeasure.PMI, 1, 0.75, 0, PmiOptions.Marginals.UNIGRAM));
        Random rnd = new Random(3);
        int v = view.vocabulary().size();
        for (int t = 0; t < 2000; t++) {
            int i = rnd.nextInt(v);
            int j = rnd.nextInt(v);
            assertEquals(view.pair(i, j).value(), view.pair(j, i).value(), 0.0);
        }
        // Both marginals are smoothed: PMI_ij + log P_a(i) + log P_a(j) = log x_ij - log X for every observed pair.
        double logX = Math.log(store.counts().totalPairMass());
        for (int i = 0; i < v; i++) {
            for (long k = store.counts().rowStart(i); k < store.counts().rowEnd(i); k++) {
                int j = store.counts().column(k);
                double lhs = view.pair(i, j).value() + view.logMarginal(i) + view.logMarginal(j);
                assertEquals(Math.log(store.counts().value(k)) - logX, lhs, 1e-9);
            }
        }
    }

    @Test
    void phrasePmiIsTheExplicitDoubleSum() {
        PmiView view = PmiView.of(store, PmiOptions.of(PmiMeasure.PMI));
        Random rnd = new Random(8);
        int v = view.vocabulary().size();
        for (int t = 0; t < 200; t++) {
            int[] q = rnd.ints(1 + rnd.nextInt(5), 0, v).toArray();
            int[] a = rnd.ints(1 + rnd.nextInt(5), 0, v).toArray();
            for (PmiView.Unobserved policy : new PmiView.Unobserved[] {PmiView.Unobserved.SKIP, PmiView.Unobserved.ZERO}) {
                double sum = 0;
                int observed = 0;
                for (int qi : q) {
                    for (int aj : a) {
                        PmiView.PairScore s = view.pair(qi, aj);
                        if (qi != aj && s.count() > 0) {
                            sum += reference(view.vocabulary().word(qi), view.vocabulary().word(aj), view.options());
                            observed++;
                        }
                    }
                }
                PmiView.PhraseScore p = view.phrase(q, a, policy);
                assertEquals(sum, p.total(), 1e-9 * Math.max(1, Math.abs(sum)));
                assertEquals(observed, p.observedPairs());
                assertEquals(q.length * a.length, p.terms().size());
                assertEquals(q.length * a.length - observed, p.unobservedPairs());
            }
        }
    }

    @Test
    void keywordsRankBySumOverTheOtherTokens() {
        PmiView view = PmiView.of(store, PmiOptions.of(PmiMeasure.PPMI));
        int[] text = {0, 5, 7, 5, 11, 2};
        List<PmiView.Keyword> kw = view.keywords(text, PmiView.Unobserved.ZERO);
        assertEquals(5, kw.size(), "distinct words");
        for (PmiView.Keyword k : kw) {
            double sum = 0;
            for (int t : text) {
                if (t != k.id()) {
                    sum += view.pair(k.id(), t).value();
                }
            }
            assertEquals(sum, k.score(), 1e-12);
        }
        for (int i = 1; i < kw.size(); i++) {
            assertTrue(kw.get(i - 1).score() >= kw.get(i).score());
        }
    }

    @Test
    void associatesAreTheTopOfABruteForceRowSort() {
        PmiView view = PmiView.of(store, PmiOptions.of(PmiMeasure.PMI));
        for (int i = 0; i < view.vocabulary().size(); i += 7) {
            List<double[]> all = new ArrayList<>();
            for (int j = 0; j < view.vocabulary().size(); j++) {
                PmiView.PairScore s = view.pair(i, j);
                if (j != i && s.count() >= 2) {
                    all.add(new double[] {s.value(), s.count(), j});
                }
            }
            all.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : x[1] != y[1] ? Double.compare(y[1], x[1]) : Double.compare(x[2], y[2]));
            List<PmiView.Associate> got = view.associates(i, 10, 2);
            assertEquals(Math.min(10, all.size()), got.size());
            for (int r = 0; r < got.size(); r++) {
                assertEquals((int) all.get(r)[2], got.get(r).id(), "rank " + r + " of word " + i);
            }
        }
    }
}
