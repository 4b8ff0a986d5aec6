package yuelao.engine.stage;

import yuelao.engine.count.WindowWeighting;
import static org.junit.jupiter.api.Assertions.*;

import static yuelao.engine.TestCorpora.counting;

import java.io.IOException;
import yuelao.engine.TestCorpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import yuelao.engine.stage.VocabularyStage;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.PairKey;
import yuelao.storage.counts.RunCursor;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.scan.DocumentReader;
import yuelao.core.Vocabulary;

/** Counting against a brute-force reference (docs/method.md section 1), on random corpora. */
class CountingStageTest {
    @TempDir
    Path dir;

    static String randomCorpus(Random rnd, int lines, int types) {
        return yuelao.engine.TestCorpora.randomCorpus(rnd, lines, types);
    }

    /** A whitespace-analyzer job over one file; the counting settings by name. */
    static CountingStage.Job request(Path corpus, CountSettings counting, long minCount, int threads) {
        return TestCorpora.job(corpus, counting, minCount, threads);
    }

    static CountingStage.Result count(CountingStage.Job r, Path out) throws IOException {
        return CountingStage.run(r, out, true, name -> p -> {});
    }

    /** Brute force: word-pair → summed weight as exact units, from the corpus text alone. */
    static Map<String, Long> reference(String corpus, long minCount, int window, WindowWeighting w, boolean keepOov, boolean selfPairs) {
        Map<String, Long> unigrams = new HashMap<>();
        for (String line : corpus.split("\n")) {
            for (String t : line.trim().split(" +")) {
                if (!t.isEmpty()) {
                    unigrams.merge(t, 1L, Long::sum);
                }
            }
        }
        long scale = 1;
        if (w == WindowWeighting.HARMONIC) {
            for (int d = 2; d <= window; d++) {
                long g = java.math.BigInteger.valueOf(scale).gcd(java.math.BigInteger.valueOf(d)).longValue();
                scale = scale / g * d;
            }
        } else if (w == WindowWeighting.DYNAMIC) {
            scale = window;
        }
        Map<String, Long> pairs = new TreeMap<>();
        for (String line : corpus.split("\n")) {
            List<String> toks = new ArrayList<>();
            for (String t : line.trim().split(" +")) {
                if (t.isEmpty()) {
                    continue;
                }
                boolean in = unigrams.get(t) >= minCount;
                if (in) {
                    toks.add(t);
                } else if (keepOov) {
                    toks.add(null);
                }
            }
            for (int s = 0; s < toks.size(); s++) {
                for (int t = s + 1; t <= s + window && t < toks.size(); t++) {
                    String a = toks.get(s);
                    String b = toks.get(t);
                    if (a == null || b == null || (a.equals(b) && !selfPairs)) {
                        continue;
                    }
                    int d = t - s;
                    long units = switch (w) {
                        case UNIFORM -> 1;
                        case HARMONIC -> scale / d;
                        case DYNAMIC -> window - d + 1;
                    };
                    String key = a.compareTo(b) <= 0 ? a + "\t" + b : b + "\t" + a;
                    pairs.merge(key, units, Long::sum);
                }
            }
        }
        return pairs;
    }

    static Map<String, Long> storePairs(CountStoreDirectory s) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        Vocabulary v = s.vocabulary();
        try (RunCursor c = s.counts().upperPairs()) {
            while (c.next()) {
                String a = v.word(PairKey.first(c.key()));
                String b = v.word(PairKey.second(c.key()));
                String key = a.compareTo(b) <= 0 ? a + "\t" + b : b + "\t" + a;
                assertNull(m.put(key, c.units()), "pair listed twice: " + key);
            }
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({
        "1, UNIFORM, false, false", "2, UNIFORM, true, false", "5, UNIFORM, false, true", "10, UNIFORM, true, true",
        "1, HARMONIC, false, false", "5, HARMONIC, true, false", "10, HARMONIC, false, true",
        "3, DYNAMIC, false, false", "10, DYNAMIC, true, false"})
    void countsEqualBruteForce(int window, WindowWeighting w, boolean keepOov, boolean selfPairs) throws IOException {
        Random rnd = new Random(window * 31L + w.ordinal() * 7 + (keepOov ? 1 : 0) + (selfPairs ? 2 : 0));
        String corpus = randomCorpus(rnd, 400, 150);
        Path f = dir.resolve("c.txt");
        Files.writeString(f, corpus);
        Path out = dir.resolve("store");
        count(request(f, counting(window, w, 64 << 20, 64).keepOovPositions(keepOov).selfPairs(selfPairs).build(), 3, 2), out);
        try (CountStoreDirectory s = CountStoreDirectory.open(out)) {
            Map<String, Long> ref = reference(corpus, 3, window, w, keepOov, selfPairs);
            assertEquals(ref, storePairs(s));
            CountStore c = s.counts();
            // X = sum over ordered pairs i != j: twice the off-diagonal upper sum; N = sum of kept unigram counts.
            long xUnits = 0;
            for (Map.Entry<String, Long> e : ref.entrySet()) {
                String[] ab = e.getKey().split("\t");
                if (!ab[0].equals(ab[1])) {
                    xUnits += 2 * e.getValue();
                }
            }
            assertEquals(xUnits, c.totalPairUnits());
            assertEquals(s.vocabulary().totalCount(), c.totalTokens());
            // w(1) = 1 whatever the weighting: units(1) equals the scale.
            assertEquals(1.0, (double) w.unitsByDistance(window)[1] / w.scale(window), 1e-15);
            // Symmetry: x_ij = x_ji for every stored entry, rows sorted.
            for (int i = 0; i < c.vocabSize(); i++) {
                int prev = -1;
                for (long k = c.rowStart(i); k < c.rowEnd(i); k++) {
                    int j = c.column(k);
                    assertTrue(j > prev, "row " + i + " not sorted");
                    prev = j;
                    assertEquals(c.units(k), c.pairUnits(j, i));
                }
            }
        }
    }

    @Test
    void harmonicValuesAreSumsOfInverseDistances() throws IOException {
        Path f = dir.resolve("h.txt");
        Files.writeString(f, "a b c a\n");
        Path out = dir.resolve("h");
        count(request(f, counting(3, WindowWeighting.HARMONIC, 16 << 20, 8).build(), 1, 1), out);
        try (CountStoreDirectory s = CountStoreDirectory.open(out)) {
            Vocabulary v = s.vocabulary();
            // a-b: d=1 (a0,b1) + d=2 (b1,a3) ; a-c: d=2 + d=1 ; b-c: d=1 ; a-a (d=3) is a self-pair: not counted.
            assertEquals(1 + 0.5, s.counts().count(v.id("a"), v.id("b")), 1e-12);
            assertEquals(0.5 + 1, s.counts().count(v.id("a"), v.id("c")), 1e-12);
            assertEquals(1.0, s.counts().count(v.id("b"), v.id("c")), 1e-12);
            assertEquals(0.0, s.counts().count(v.id("a"), v.id("a")), 0);
        }
    }

    @Test
    void storeIsByteIdenticalForAnyThreadCountAndUnderATinyBudgetWithSpills() throws IOException {
        String corpus = randomCorpus(new Random(99), 6000, 3000);
        Path f = dir.resolve("c.txt");
        Files.writeString(f, corpus);
        byte[] reference = null;
        for (int threads : new int[] {1, 2, 4}) {
            Path out = dir.resolve("s" + threads);
            CountingStage.Result r = count(request(f, counting(5, WindowWeighting.HARMONIC, 256 << 20, 64).build(), 2, threads), out);
            assertEquals(0, r.runsSpilled());
            byte[] bytes = Files.readAllBytes(out.resolve(CountStore.FILE_NAME));
            if (reference == null) {
                reference = bytes;
            }
            assertArrayEquals(reference, bytes, "threads=" + threads);
        }
        Path tiny = dir.resolve("tiny");
        CountingStage.Result r = count(request(f, counting(5, WindowWeighting.HARMONIC, 1 << 20, 3).build(), 2, 2), tiny);
        assertTrue(r.runsSpilled() > 3, "the tiny budget forces spills: " + r.runsSpilled());
        assertTrue(r.maxOpenRunFiles() <= 3 + 1, "open run files stay within the fan-in: " + r.maxOpenRunFiles());
        assertArrayEquals(reference, Files.readAllBytes(tiny.resolve(CountStore.FILE_NAME)));
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left behind");
        }
    }
}
