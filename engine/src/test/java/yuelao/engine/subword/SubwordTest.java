package yuelao.engine.subword;

import yuelao.engine.train.ClosedFormSettings;
import yuelao.engine.train.TrainSettings;
import yuelao.engine.stage.TrainingStage;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.Main;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.query.Nearest;
import yuelao.engine.query.SubwordTable;
import yuelao.engine.query.WordVectors;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.SubwordFile;
import yuelao.storage.vectors.VectorsFile;

/** The subword model (issue 7): hashing, n-grams, the gradient through the composition, storage and composition of unseen words. */
class SubwordTest {
    @TempDir
    Path tmp;

    /** eig with run's p .25 and shift .25, 10 iterations with oversampling 20. */
    private static TrainSettings eig(int dim, int threads) {
        return TrainSettings.builder().method(TrainSettings.Method.EIG).dim(dim).seed(7).threads(threads)
                .closedForm(ClosedFormSettings.builder().power(0.25).shift(0.25).iterations(10).oversample(20).build()).build();
    }

    /** n-grams 2-4 in 100,003 buckets, ridge 4, 20 fit iterations, the pmi refinement (batch 8) for {@code refineEpochs}. */
    private static SubwordSettings.Builder subwordSettings() {
        return SubwordSettings.builder().ngrams(2, 4).buckets(100_003).ridge(4.0).fitIterations(20);
    }

    private static SubwordSettings subwords(int refineEpochs) {
        return subwordSettings().loss(SubwordSettings.Loss.PMI).refinementEpochs(refineEpochs).pmiBatch(8).build();
    }

    private static void train(Path store, Path out, TrainSettings s, SubwordSettings sw) throws IOException {
        TrainingStage.run(TrainingStage.job().store(store).out(out).settings(s).subwords(sw).build());
    }

    /** FNV-1a 32 over UTF-8: the published test vectors, and a value fixed here so a change of hashing is caught. */
    @Test
    void hashIsFnv1aOverUtf8AndLocaleIndependent() {
        assertEquals(0x811C9DC5L, SubwordFeatures.fnv1a(""));
        assertEquals(0xE40C292CL, SubwordFeatures.fnv1a("a"));
        assertEquals(0xBF9CF968L, SubwordFeatures.fnv1a("foobar"));
        // an independent reference over the UTF-8 bytes of a non-ASCII, supplementary-plane string
        String s = "<déjà\uD835\uDCB3>";
        long h = 0x811C9DC5L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h = (h * 0x01000193L) & 0xFFFFFFFFL;
        }
        assertEquals(h, SubwordFeatures.fnv1a(s));
        Locale saved = Locale.getDefault();
        try {
            List<Integer> a = buckets("INDIGO");
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals(a, buckets("INDIGO"), "the default locale must not change any bucket");
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(167_652, SubwordFeatures.bucket("<wh", 2_000_000), "the bucket of '<wh' is fixed forever");
    }

    private static List<Integer> buckets(String w) {
        List<Integer> out = new ArrayList<>();
        SubwordFeatures.forEachBucket(w, new SubwordFeatures.Spec(3, 6, 2_000_000, SubwordFeatures.Scheme.LATIN), out::add);
        return out;
    }

    @Test
    void ngramsCountCodePointsWithBoundaryMarkersOrCjkCharacters() {
        List<String> g = new ArrayList<>();
        SubwordFeatures.forEachNgram("where", new SubwordFeatures.Spec(3, 3, 10, SubwordFeatures.Scheme.LATIN), g::add);
        assertEquals(List.of("<wh", "whe", "her", "ere", "re>"), g);
        g.clear();
        SubwordFeatures.forEachNgram("a\uD835\uDCB3", new SubwordFeatures.Spec(2, 2, 10, SubwordFeatures.Scheme.LATIN), g::add);
        assertEquals(List.of("<a", "a\uD835\uDCB3", "\uD835\uDCB3>"), g, "a supplementary character is one unit");
        g.clear();
        SubwordFeatures.forEachNgram("中华人民", new SubwordFeatures.Spec(3, 6, 10, SubwordFeatures.Scheme.CJK), g::add);
        assertEquals(List.of("中", "中华", "中华人", "华", "华人", "华人民", "人", "人民", "民"), g);
        g.clear();
        SubwordFeatures.forEachNgram("中", new SubwordFeatures.Spec(3, 6, 10, SubwordFeatures.Scheme.CJK), g::add);
        assertEquals(List.of("中"), g, "a one-character word has its character as its n-gram");
        assertEquals(SubwordFeatures.Scheme.CJK, SubwordFeatures.Scheme.forAnalyzer("smartcn"));
        assertEquals(SubwordFeatures.Scheme.CJK, SubwordFeatures.Scheme.forAnalyzer("cjk"));
        assertEquals(SubwordFeatures.Scheme.LATIN, SubwordFeatures.Scheme.forAnalyzer("english"));
    }

    @Test
    void featureListsHoldTheWordAndItsUsedBuckets() {
        String[] vocab = {"where", "here", "there"};
        SubwordFeatures.Spec spec = new SubwordFeatures.Spec(3, 3, 1000, SubwordFeatures.Scheme.LATIN);
        SubwordFeatures f = SubwordFeatures.build(vocab, spec, true, 1);
        assertEquals(0, f.ids()[f.offsets()[0]], "own id first");
        for (int k = 1; k < f.bucketIds().length; k++) {
            assertTrue(f.bucketIds()[k] > f.bucketIds()[k - 1]);
        }
        // min count 2: only n-grams shared by two words survive ("her", "ere", "re>")
        SubwordFeatures shared = SubwordFeatures.build(vocab, spec, false, 2);
        assertEquals(3, shared.bucketIds().length);
        assertEquals(3, shared.offsets()[1] - shared.offsets()[0]);
    }

    /** The exact gradient through the composition against central finite differences of the loss. */
    @Test
    void gradientThroughCompositionMatchesFiniteDifferences() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 11, 300, 40, 3, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 3, 997, SubwordFeatures.Scheme.LATIN), true, 1);
            SubwordTrainer.PairValues values = new SubwordTrainer.PairValues() {
                @Override
                public float target(int i, int j, double x) {
                    return (float) Math.log1p(x) - 1;
                }

                @Override
                public float weight(int i, int j, double x) {
                    return (float) Math.min(1, Math.pow(x / 10, 0.75));
                }
            };
            int dim = 5;
            Random rnd = new Random(3);
            float[] z = new float[f.features() * dim];
            for (int k = 0; k < z.length; k++) {
                z[k] = (float) rnd.nextGaussian() * 0.1f;
            }
            float[] grad = new float[z.length];
            SubwordTrainer.loss(f, dir.counts(), values, z, dim, grad);
            int checked = 0;
            for (int trial = 0; trial < 40; trial++) {
                int k = rnd.nextInt(z.length);
                float saved = z[k];
                float h = 1e-2f;
                z[k] = saved + h;
                double lp = SubwordTrainer.loss(f, dir.counts(), values, z, dim, null);
                z[k] = saved - h;
                double lm = SubwordTrainer.loss(f, dir.counts(), values, z, dim, null);
                z[k] = saved;
                double fd = (lp - lm) / (2 * h);
                assertEquals(fd, grad[k], 2e-2 * Math.max(1, Math.abs(fd)), "coordinate " + k);
                if (grad[k] != 0) {
                    checked++;
                }
            }
            assertTrue(checked > 10, "too few coordinates with a gradient: " + checked);
            // the refinement lowers the loss
            SubwordTrainer.Refiner r = new SubwordTrainer.Refiner(f, dir.counts(), values, dim, 0.05, 0, 1, 4, 9);
            double before = SubwordTrainer.loss(f, dir.counts(), values, z, dim, null);
            for (int e = 1; e <= 5; e++) {
                r.epoch(z, e, 1);
            }
            assertTrue(SubwordTrainer.loss(f, dir.counts(), values, z, dim, null) < before);
        }
    }

    /** The sgns refinement's exact loss: its gradient through the composition (and for the contexts) against finite differences. */
    @Test
    void sgnsGradientThroughCompositionMatchesFiniteDifferences() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 12, 300, 30, 3, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 3, 997, SubwordFeatures.Scheme.LATIN), true, 1);
            int dim = 4;
            Random rnd = new Random(5);
            float[] z = new float[f.features() * dim];
            float[] ctx = new float[words.length * dim];
            for (int k = 0; k < z.length; k++) {
                z[k] = (float) rnd.nextGaussian() * 0.2f;
            }
            for (int k = 0; k < ctx.length; k++) {
                ctx[k] = (float) rnd.nextGaussian() * 0.3f;
            }
            float[] gz = new float[z.length];
            float[] gc = new float[ctx.length];
            SubwordSgns.loss(f, dir.counts(), z, ctx, dim, 5, 0.75, gz, gc);
            int checked = 0;
            for (int trial = 0; trial < 60; trial++) {
                boolean onZ = trial % 2 == 0;
                float[] a = onZ ? z : ctx;
                float[] g = onZ ? gz : gc;
                int k = rnd.nextInt(a.length);
                float saved = a[k];
                float h = 1e-2f;
                a[k] = saved + h;
                double lp = SubwordSgns.loss(f, dir.counts(), z, ctx, dim, 5, 0.75, null, null);
                a[k] = saved - h;
                double lm = SubwordSgns.loss(f, dir.counts(), z, ctx, dim, 5, 0.75, null, null);
                a[k] = saved;
                double fd = (lp - lm) / (2 * h);
                assertEquals(fd, g[k], 2e-2 * Math.max(1, Math.abs(fd)), (onZ ? "feature" : "context") + " coordinate " + k);
                if (Math.abs(g[k]) > 1e-3) {
                    checked++;
                }
            }
            assertTrue(checked > 20, "too few coordinates with a gradient: " + checked);
        }
    }

    /** The alias table of the row draws gives every row exactly its share of the mass (zero weights included). */
    @Test
    void aliasTableGivesEachRowItsShareOfTheMass() {
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
            float[] p = new float[n];
            int[] alias = new int[n];
            SubwordSgns.buildAlias(w, total, p, alias);
            double[] drawn = new double[n]; // exact: column k is chosen with 1/n, keeps k with p_k, else gives alias_k
            for (int k = 0; k < n; k++) {
                drawn[k] += p[k] / (double) n;
                drawn[alias[k]] += (1 - p[k]) / (double) n;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(w[i] / total, drawn[i], 1e-6, "trial " + trial + " row " + i);
            }
        }
    }

    /** SGD on the sampled events lowers the exact sgns loss; with one thread the same seed gives the same tables. */
    @Test
    void refinementSettingsNameTheOptionThatIsOutOfRange() {
        java.util.Map<String, org.junit.jupiter.api.function.Executable> bad = java.util.Map.of(
                "--subword-epochs", () -> SubwordSettings.builder().refinementEpochs(-1).build(),
                "--subword-negatives", () -> SubwordSettings.builder().refinementEpochs(1).sgnsNegatives(-1).build(),
                "--subword-lr", () -> SubwordSettings.builder().refinementEpochs(1).sgnsLr(Double.NaN).build(),
                "--subword-contexts-per-visit", () -> SubwordSettings.builder().refinementEpochs(1).contextsPerVisit(0).build(),
                "--subword-samples", () -> SubwordSettings.builder().refinementEpochs(1).samples(0).build(),
                "--subword-noise-power", () -> SubwordSettings.builder().refinementEpochs(1).noisePower(-0.5).build(),
                "--subword-blend", () -> SubwordSettings.builder().refinementEpochs(1).blend(-1.0).build(),
                "--subword-spectral-power", () -> SubwordSettings.builder().spectralPower(Double.NaN).build(),
                "--subword-drop-top", () -> SubwordSettings.builder().dropTop(-1).build(),
                "--subword-pmi-batch", () -> SubwordSettings.builder().pmiBatch(0).build());
        bad.forEach((option, make) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make, option);
            assertTrue(e.getMessage().startsWith(option + " "), e.getMessage());
        });
        assertDoesNotThrow(() -> SubwordSettings.builder().refinementEpochs(1).build());
    }

    @Test
    void sgnsRefinementLowersTheExactLossAndIsDeterministicWithOneThread() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 13, 400, 40, 3, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 3, 997, SubwordFeatures.Scheme.LATIN), true, 1);
            int dim = 6;
            Random rnd = new Random(8);
            float[] z0 = new float[f.features() * dim];
            for (int k = 0; k < z0.length; k++) {
                z0[k] = (float) rnd.nextGaussian() * 0.05f;
            }
            float[] ctx0 = new float[words.length * dim];
            double before = SubwordSgns.loss(f, dir.counts(), z0, ctx0, dim, 5, 0.5, null, null);
            float[][] runs = new float[2][];
            float[][] ctxs = new float[2][];
            for (int r = 0; r < 2; r++) {
                float[] z = z0.clone();
                float[] ctx = ctx0.clone();
                new SubwordSgns(f, dir.counts(), dim, 0.05, 5, 0.5, 16, 21).train(z, ctx, 8, 1, 1, st -> {});
                runs[r] = z;
                ctxs[r] = ctx;
            }
            assertArrayEquals(runs[0], runs[1]);
            assertArrayEquals(ctxs[0], ctxs[1]);
            double after = SubwordSgns.loss(f, dir.counts(), runs[0], ctxs[0], dim, 5, 0.5, null, null);
            assertTrue(after < 0.9 * before, "loss " + before + " -> " + after);
            // another seed draws other events
            float[] z = z0.clone();
            new SubwordSgns(f, dir.counts(), dim, 0.05, 5, 0.5, 16, 22).train(z, ctx0.clone(), 8, 1, 1, st -> {});
            assertFalse(java.util.Arrays.equals(z, runs[0]));
            // fewer contexts per visit (--subword-batch): more visits, same objective
            float[] z3 = z0.clone();
            float[] ctx3 = ctx0.clone();
            new SubwordSgns(f, dir.counts(), dim, 0.05, 5, 0.5, 3, 21).train(z3, ctx3, 8, 1, 1, st -> {});
            double after3 = SubwordSgns.loss(f, dir.counts(), z3, ctx3, dim, 5, 0.5, null, null);
            assertTrue(after3 < 0.9 * before, "3 contexts per visit: loss " + before + " -> " + after3);
            assertThrows(IllegalArgumentException.class, () -> new SubwordSgns(f, dir.counts(), dim, 0.05, 5, 0.5, 0, 21));
        }
    }

    /**
     * The sgns refinement with the closed-form blend, end to end: vectors.bin rows are still the sums of the stored
     * features (so unseen words compose the same way), and one thread gives byte-identical files.
     */
    @Test
    void sgnsRefinementWithBlendStoresTheTableItComposesAndIsDeterministic() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 23, 400, 60, 3, WindowWeighting.UNIFORM, 2);
        SubwordSettings sw = subwordSettings().loss(SubwordSettings.Loss.SGNS).refinementEpochs(2).contextsPerVisit(32).blend(0.5)
                .spectralPower(0.6).dropTop(1).build();
        Path a = tmp.resolve("sg-a");
        Path b = tmp.resolve("sg-b");
        train(store, a, eig(6, 1), sw);
        train(store, b, eig(6, 1), sw);
        assertArrayEquals(Files.readAllBytes(a.resolve(VectorsFile.FILE_NAME)), Files.readAllBytes(b.resolve(VectorsFile.FILE_NAME)));
        assertArrayEquals(Files.readAllBytes(a.resolve(SubwordFile.FILE_NAME)), Files.readAllBytes(b.resolve(SubwordFile.FILE_NAME)));
        SubwordFile.Table t = SubwordFile.read(a.resolve(SubwordFile.FILE_NAME));
        assertEquals("sgns", t.properties().get("subwords.refineLoss"));
        SubwordFeatures.Spec spec = SubwordFeatures.Spec.fromProperties(t.properties());
        WordVectors wv = WordVectors.open(a);
        int dim = wv.dim();
        for (int w = 0; w < wv.size(); w++) {
            float[] expect = Arrays.copyOfRange(t.wordVectors(), w * dim, (w + 1) * dim);
            addBuckets(wv.word(w), spec, t, expect);
            float[] row = wv.vector(w);
            for (int k = 0; k < dim; k++) {
                assertEquals(expect[k], row[k], 1e-4 * (1 + Math.abs(expect[k])), wv.word(w));
            }
        }
        // the refinement moved the vectors away from the closed-form fit alone
        Path fitOnly = tmp.resolve("fit-only");
        train(store, fitOnly, eig(6, 1), subwordSettings().build());
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(VectorsFile.FILE_NAME)), Files.readAllBytes(fitOnly.resolve(VectorsFile.FILE_NAME))));
    }

    /** Trains a subword model; vectors.bin holds the compositions; an unseen word is the sum of its stored bucket rows. */
    @Test
    void compositionOfAnUnseenWordIsTheSumOfItsStoredFeatures() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 21, 400, 60, 3, WindowWeighting.UNIFORM, 2);
        Path out = tmp.resolve("sw");
        train(store, out, eig(6, 2), subwords(0));
        SubwordFile.Table t = SubwordFile.read(out.resolve(SubwordFile.FILE_NAME));
        SubwordFeatures.Spec spec = SubwordFeatures.Spec.fromProperties(t.properties());
        assertEquals(new SubwordFeatures.Spec(2, 4, 100_003, SubwordFeatures.Scheme.LATIN), spec);
        WordVectors wv = WordVectors.open(out);
        assertTrue(wv.subwords().isPresent());
        int dim = wv.dim();
        // a vocabulary word: its row is its own-id vector plus its distinct buckets' vectors
        for (int w = 0; w < wv.size(); w++) {
            float[] expect = Arrays.copyOfRange(t.wordVectors(), w * dim, (w + 1) * dim);
            addBuckets(wv.word(w), spec, t, expect);
            float[] row = wv.vector(w);
            for (int k = 0; k < dim; k++) {
                assertEquals(expect[k], row[k], 1e-4 * (1 + Math.abs(expect[k])), wv.word(w));
            }
        }
        String unseen = "w7777x";
        assertTrue(wv.id(unseen).isEmpty());
        WordVectors.Lookup l = wv.vectorOrComposed(unseen).orElseThrow();
        assertTrue(l.composed());
        float[] expect = new float[dim];
        int found = addBuckets(unseen, spec, t, expect);
        assertEquals(found, l.found());
        assertArrayEquals(expect, l.vector(), 1e-6f);
        assertTrue(l.note().contains("composed from " + found + " of its " + l.ngrams() + " character n-grams"), l.note());
        assertFalse(Nearest.ofVector(wv, l.vector(), 3, yuelao.engine.query.Mode.COSINE, 100, new int[0]).isEmpty());
        assertTrue(wv.vectorOrComposed("\u2603\u2603").isEmpty(), "no known n-gram: no composition");
        // the CLI says it composed
        StringWriter so = new StringWriter();
        int code = Main.run(new PrintWriter(so), new PrintWriter(new StringWriter()), "nearest", out.toString(), unseen, "--top", "3");
        assertEquals(0, code);
        assertTrue(so.toString().contains("'" + unseen + "' is not in the vocabulary: composed from"), so.toString());
        // export --oov-words appends the composition
        Path words = tmp.resolve("oov.txt");
        Files.writeString(words, unseen + "\nw1\n");
        Path txt = tmp.resolve("out.txt");
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "export", out.toString(), "-o",
                txt.toString(), "--oov-words", words.toString()));
        List<String> lines = Files.readAllLines(txt);
        assertEquals(wv.size() + 2, lines.size(), "header, the vocabulary, then one composed word");
        assertTrue(lines.getLast().startsWith(unseen + " "));
    }

    private static int addBuckets(String word, SubwordFeatures.Spec spec, SubwordFile.Table t, float[] acc) {
        List<Integer> bs = new ArrayList<>();
        SubwordFeatures.forEachBucket(word, spec, bs::add);
        int found = 0;
        for (int b : bs.stream().distinct().toList()) {
            int row = Arrays.binarySearch(t.bucketIds(), b);
            if (row >= 0) {
                found++;
                for (int k = 0; k < acc.length; k++) {
                    acc[k] += t.bucketVectors()[row * acc.length + k];
                }
            }
        }
        return found;
    }

    /** The closed-form start is deterministic: the same feature table for any thread count; one-thread refinement too. */
    @Test
    void deterministicForAnyThreadCount() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 31, 500, 80, 4, WindowWeighting.UNIFORM, 2);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 4, 5003, SubwordFeatures.Scheme.LATIN), true, 1);
            Random rnd = new Random(1);
            int dim = 7;
            float[] u = new float[words.length * dim];
            for (int k = 0; k < u.length; k++) {
                u[k] = (float) rnd.nextGaussian();
            }
            float[] one = SubwordTrainer.fit(f, u, null, dim, 3, 15, 1, it -> {});
            for (int threads : new int[] {2, 3}) {
                assertArrayEquals(one, SubwordTrainer.fit(f, u, null, dim, 3, 15, threads, it -> {}), "threads " + threads);
            }
            // the fit solves the normal equations: with ridge 0 and own ids the compositions reproduce u
            float[] exact = f.compose(SubwordTrainer.fit(f, u, null, dim, 0, 15, 2, it -> {}), dim, 2);
            assertArrayEquals(u, exact, 1e-3f);
        }
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        train(store, a, eig(6, 1), subwords(2));
        train(store, b, eig(6, 1), subwords(2));
        assertArrayEquals(Files.readAllBytes(a.resolve(VectorsFile.FILE_NAME)), Files.readAllBytes(b.resolve(VectorsFile.FILE_NAME)));
        assertArrayEquals(Files.readAllBytes(a.resolve(SubwordFile.FILE_NAME)), Files.readAllBytes(b.resolve(SubwordFile.FILE_NAME)));
    }

    @Test
    void subwordFileRoundTripAndCorruption() throws IOException {
        Path file = tmp.resolve("subwords.bin");
        int[] ids = {3, 17, 1_999_999};
        float[] words = {1, 2, 3, 4};
        float[] buckets = {5, 6, 7, 8, 9, 10};
        java.util.Map<String, String> props = new java.util.TreeMap<>();
        new SubwordFeatures.Spec(3, 6, 2_000_000, SubwordFeatures.Scheme.LATIN).toProperties(props);
        SubwordFile.write(file, 42L, 2, 2, ids, words, buckets, props);
        SubwordFile.Table t = SubwordFile.read(file);
        assertArrayEquals(ids, t.bucketIds());
        assertArrayEquals(words, t.wordVectors());
        assertArrayEquals(buckets, t.bucketVectors());
        assertEquals(props, t.properties());
        assertEquals(42L, SubwordFile.fingerprint(file));
        SubwordTable table = new SubwordTable(SubwordFeatures.Spec.fromProperties(t.properties()), t.bucketIds(), t.bucketVectors(), 2);
        assertEquals(3, table.buckets());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1;
        Files.write(file, bytes);
        assertThrows(StoreFormatException.class, () -> SubwordFile.read(file));
    }
}
