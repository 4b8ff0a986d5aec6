package yuelao.engine.train;

import yuelao.engine.stage.TrainingStage;
import yuelao.storage.vectors.CheckpointFile;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.Main;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.VectorsFile;

/** The trainer against finite differences, exact low-rank targets, dense decompositions and itself (threads, resume). */
class TrainerTest {
    @TempDir
    Path tmp;

    /** The pmi method with a tenth of the pairs held out, the other settings at their defaults. */
    private static TrainSettings pmiOptions(int dim, int epochs, int threads, long seed) {
        return TrainSettings.builder().method(TrainSettings.Method.PMI).dim(dim).seed(seed).threads(threads)
                .pmi(PmiSettings.builder().epochs(epochs).holdout(0.1).build()).build();
    }

    private static TrainSettings closedForm(TrainSettings.Method m, int dim, double power) {
        return TrainSettings.builder().method(m).dim(dim).seed(7).threads(2)
                .closedForm(ClosedFormSettings.builder().power(power).iterations(30).build()).build();
    }

    private static TrainingStage.Result train(Path store, Path out, TrainSettings s) throws IOException {
        return train(store, out, s, Checkpointing.NONE);
    }

    private static TrainingStage.Result train(Path store, Path out, TrainSettings s, Checkpointing ck) throws IOException {
        return TrainingStage.run(TrainingStage.job().store(store).out(out).force(true).settings(s).checkpointing(ck).build());
    }

    private static float[] readVectors(Path dir) throws IOException {
        try (VectorsFile.Stored s = VectorsFile.read(dir.resolve(VectorsFile.FILE_NAME))) {
            return s.toArray();
        }
    }

    /**
     * One AdaGrad step from G = 1 moves v by -eta g / sqrt(1 + g^2 + eps) per coordinate, so g can be recovered from
     * the step and compared with the central finite difference of the record loss (1/2) w (<v_i, v_j> - t)^2
     * (the seed's g_i = lambda e v_j is the gradient of that half-squared form).
     */
    @Test
    void gradientMatchesFiniteDifferences() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 11, 300, 40, 3, WindowWeighting.UNIFORM, 1);
        Random rnd = new Random(5);
        for (int dim : new int[] {3, 8, 19}) { // below, at and beyond one SIMD lane group, with a scalar tail
            try (CountStoreDirectory dir = CountStoreDirectory.open(store);
                    PmiTrainer t = new PmiTrainer(dir.counts(), (i, j, x) -> 0, dim, 0.01, 100, 0.75, true, 0, 3, null, 4)) {
                int n = dir.counts().vocabSize();
                float[] v = new float[n * dim];
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) rnd.nextGaussian() * 0.5f;
                }
                float[] g = new float[n * dim];
                Arrays.fill(g, 1f);
                t.restore(v, g);
                int i = 2;
                int j = 5;
                float w = 0.7f;
                float target = 0.3f;
                float e = t.update(i, j, w, target);
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot += (double) v[i * dim + k] * v[j * dim + k];
                }
                assertEquals(dot - target, e, 1e-5, "error returned by the step");
                for (int k = 0; k < dim; k++) {
                    for (int side : new int[] {i, j}) {
                        int other = side == i ? j : i;
                        double step = v[side * dim + k] - t.vectors()[side * dim + k];
                        // step = eta g / sqrt(1 + g^2 + eps)  =>  g = s / sqrt(eta^2 - s^2) (eps negligible)
                        double gFromStep = step / Math.sqrt(0.01 * 0.01 - step * step);
                        double h = 1e-4;
                        double[] vv = new double[dim];
                        for (int q = 0; q < dim; q++) {
                            vv[q] = v[side * dim + q];
                        }
                        vv[k] += h;
                        double lp = halfLoss(vv, v, other * dim, dim, w, target);
                        vv[k] -= 2 * h;
                        double lm = halfLoss(vv, v, other * dim, dim, w, target);
                        double fd = (lp - lm) / (2 * h);
                        assertEquals(fd, gFromStep, 2e-3 * Math.max(1, Math.abs(fd)), "d loss / d v_" + side + "[" + k + "], dim " + dim);
                    }
                }
            }
        }
    }

    private static double halfLoss(double[] a, float[] v, int bo, int dim, double w, double t) {
        double dot = 0;
        for (int q = 0; q < dim; q++) {
            dot += a[q] * v[bo + q];
        }
        return 0.5 * w * (dot - t) * (dot - t);
    }

    /** Targets that are exactly <u_i, u_j> for a random rank-r table are recovered to a tight tolerance. */
    @Test
    void recoversAnExactlyLowRankMatrix() throws IOException {
        // Every pair co-occurs: each line holds all words, so the store's pattern is the full matrix.
        int words = 24;
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < 40; l++) {
            for (int w = 0; w < words; w++) {
                sb.append('w').append((w * 7 + l) % words).append(' ');
            }
            sb.append('\n');
        }
        Path corpus = tmp.resolve("full.txt");
        Files.writeString(corpus, sb);
        Path store = tmp.resolve("full-store");
        yuelao.engine.stage.CountingStage.run(TestCorpora.job(corpus, TestCorpora.counting(30, WindowWeighting.UNIFORM, 16 << 20, 8).build(), 1, 1),
                store, true, n -> p -> {});
        int r = 4;
        Random rnd = new Random(3);
        double[][] u = new double[words][r];
        for (double[] row : u) {
            for (int k = 0; k < r; k++) {
                row[k] = rnd.nextGaussian() * 0.8;
            }
        }
        try (CountStoreDirectory dir = CountStoreDirectory.open(store);
                PmiTrainer t = new PmiTrainer(dir.counts(), (i, j, x) -> dot(u[i], u[j]), r, 0.05, 1, 0.75, true, 0, 9, null, 4)) {
            CountStore c = dir.counts();
            assertEquals((long) words * (words - 1), c.nonZeros(), "the full off-diagonal pattern");
            for (int e = 1; e <= 3000; e++) {
                t.epoch(e, 2);
            }
            double maxErr = 0;
            for (int i = 0; i < words; i++) {
                for (int j = 0; j < words; j++) {
                    if (i != j) {
                        double got = 0;
                        for (int k = 0; k < r; k++) {
                            got += (double) t.vectors()[i * r + k] * t.vectors()[j * r + k];
                        }
                        maxErr = Math.max(maxErr, Math.abs(got - dot(u[i], u[j])));
                    }
                }
            }
            assertTrue(maxErr < 0.02, "largest |<v_i, v_j> - target| " + maxErr);
            assertTrue(t.fit(false).rmse() < 0.01, "train RMSE " + t.fit(false).rmse());
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** eig (top positive eigenpairs) and svd (top by magnitude) equal a dense EJML decomposition of the same PPMI matrix. */
    @Test
    void closedFormsMatchDenseDecomposition() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 21, 600, 60, 4, WindowWeighting.UNIFORM, 2);
        for (TrainSettings.Method m : new TrainSettings.Method[] {TrainSettings.Method.EIG, TrainSettings.Method.SVD}) {
            for (double p : new double[] {0.5, 0.25}) {
                int dim = 6;
                Path out = tmp.resolve("vec-" + m + p);
                train(store, out, closedForm(m, dim, p));
                float[] got = readVectors(out);
                try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
                    PmiView ppmi = PmiView.of(dir, new PmiOptions(PmiMeasure.PPMI, 1, 0.75, 0, PmiOptions.Marginals.UNIGRAM));
                    CountStore c = dir.counts();
                    int n = c.vocabSize();
                    DMatrixRMaj a = new DMatrixRMaj(n, n);
                    for (int i = 0; i < n; i++) {
                        for (long k = c.rowStart(i); k < c.rowEnd(i); k++) {
                            int j = c.column(k);
                            if (i != j) {
                                a.set(i, j, ppmi.value(i, j, c.units(k) / (double) c.scale()));
                            }
                        }
                    }
                    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
                    assertTrue(eig.decompose(a.copy()));
                    Integer[] order = new Integer[n];
                    for (int q = 0; q < n; q++) {
                        order[q] = q;
                    }
                    boolean magnitude = m == TrainSettings.Method.SVD;
                    Arrays.sort(order, (x, y) -> Double.compare(key(eig.getEigenvalue(y).real, magnitude), key(eig.getEigenvalue(x).real, magnitude)));
                    // Gram matrices are invariant to the sign and rotation freedom of the eigenvectors: compare those.
                    double[][] want = new double[n][n];
                    for (int q = 0; q < dim; q++) {
                        double lambda = eig.getEigenvalue(order[q]).real;
                        DMatrixRMaj vec = eig.getEigenVector(order[q]);
                        double norm = 0;
                        for (int i = 0; i < n; i++) {
                            norm += vec.get(i) * vec.get(i);
                        }
                        double wq = Math.pow(Math.abs(lambda), 2 * p) / norm;
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j < n; j++) {
                                want[i][j] += wq * vec.get(i) * vec.get(j);
                            }
                        }
                    }
                    double maxAbs = 0;
                    double maxErr = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double g = 0;
                            for (int k = 0; k < dim; k++) {
                                g += (double) got[i * dim + k] * got[j * dim + k];
                            }
                            maxAbs = Math.max(maxAbs, Math.abs(want[i][j]));
                            maxErr = Math.max(maxErr, Math.abs(g - want[i][j]));
                        }
                    }
                    assertTrue(maxErr < 1e-4 * maxAbs, m + " p " + p + ": Gram error " + maxErr + " of " + maxAbs);
                }
            }
        }
    }

    private static double key(double lambda, boolean magnitude) {
        return magnitude ? Math.abs(lambda) : lambda;
    }

    /** Deterministic mode: the same seed gives bit-identical vectors for 1, 2 and 3 threads. */
    @Test
    void sameVectorsForAnyThreadCount() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 31, 500, 80, 4, WindowWeighting.UNIFORM, 2);
        float[] one = null;
        for (int threads : new int[] {1, 2, 3}) {
            Path out = tmp.resolve("t" + threads);
            train(store, out, pmiOptions(10, 4, threads, 3));
            float[] v = readVectors(out);
            if (one == null) {
                one = v;
            } else {
                assertArrayEquals(one, v, "threads " + threads);
            }
        }
        Path other = tmp.resolve("seed4");
        train(store, other, pmiOptions(10, 4, 2, 4));
        assertFalse(Arrays.equals(one, readVectors(other)), "a different seed must give different vectors");
    }

    /** Resuming from the epoch-2 checkpoint gives the same files, byte for byte, as the uninterrupted 5-epoch run. */
    @Test
    void resumeIsByteIdentical() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 41, 500, 80, 4, WindowWeighting.UNIFORM, 2);
        Path full = tmp.resolve("full");
        Path ckDir = tmp.resolve("ck");
        train(store, full, pmiOptions(10, 5, 2, 3), new Checkpointing(ckDir, 2, null));
        List<Path> kept = CheckpointFile.list(ckDir);
        assertEquals(List.of(CheckpointFile.fileFor(ckDir, 4), CheckpointFile.fileFor(ckDir, 5)), kept, "the newest two are kept");
        // Keep an early checkpoint by re-running two epochs only.
        Path ck2 = tmp.resolve("ck2");
        train(store, tmp.resolve("two"), pmiOptions(10, 2, 1, 3), new Checkpointing(ck2, 1, null));
        Path resumed = tmp.resolve("resumed");
        train(store, resumed, pmiOptions(10, 5, 3, 3), new Checkpointing(tmp.resolve("ck3"), 0, ck2));
        for (String f : new String[] {"vectors.bin", "vectors.txt", "vocab.bin"}) {
            assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
        CheckpointFile.State s = CheckpointFile.read(CheckpointFile.fileFor(ckDir, 5));
        assertEquals(5, s.epochsDone());
        assertArrayEquals(readVectors(full), s.vectors(), "the last checkpoint holds the final vectors");
    }

    @Test
    void resumeRefusesDifferentSettings() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 51, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path ck = tmp.resolve("ck");
        train(store, tmp.resolve("a"), pmiOptions(8, 2, 2, 3), new Checkpointing(ck, 1, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(store, tmp.resolve("b"),
                pmiOptions(8, 4, 2, 99), new Checkpointing(ck, 0, ck)));
        assertTrue(e.getMessage().contains("--seed"), e.getMessage());
    }

    /** Flipped and truncated checkpoints are rejected with a typed error naming the file; so is a foreign file. */
    @Test
    void corruptCheckpointsAreDetected() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 61, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path ck = tmp.resolve("ck");
        train(store, tmp.resolve("a"), pmiOptions(8, 1, 2, 3), new Checkpointing(ck, 1, null));
        Path good = CheckpointFile.fileFor(ck, 1);
        byte[] bytes = Files.readAllBytes(good);
        Random rnd = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            byte[] bad = bytes.clone();
            int at = rnd.nextInt(bad.length);
            bad[at] ^= (byte) (1 << rnd.nextInt(8));
            Path f = tmp.resolve("flip" + trial + ".ckpt");
            Files.write(f, bad);
            StoreFormatException ex = assertThrows(StoreFormatException.class, () -> CheckpointFile.read(f), "flip at " + at);
            assertTrue(ex.getMessage().contains(f.toString()), ex.getMessage());
        }
        Path cut = tmp.resolve("cut.ckpt");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(StoreFormatException.class, () -> CheckpointFile.read(cut));
        assertThrows(StoreFormatException.class, () -> CheckpointFile.read(tmp.resolve("a").resolve(VectorsFile.FILE_NAME)));
        // Through the CLI: one line, exit code 1.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "train", "--store", store.toString(), "--out",
                tmp.resolve("c").toString(), "--method", "pmi", "--dim", "8", "--pmi-epochs", "2", "--resume", cut.toString(), "--quiet");
        assertEquals(1, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains(cut.toString()), err.toString());
    }

    /** A checkpoint file cut short while being written (a kill -9) never replaces the previous one. */
    @Test
    void killedCheckpointWriteLeavesThePreviousOne() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 71, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path ck = tmp.resolve("ck");
        train(store, tmp.resolve("a"), pmiOptions(8, 1, 2, 3), new Checkpointing(ck, 1, null));
        // What a killed writer leaves: a partial temporary sibling. The newest complete checkpoint still loads and resumes.
        Path partial = ck.resolve("epoch-0002.ckpt.tmp-12345-1");
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(Arrays.copyOf(Files.readAllBytes(CheckpointFile.fileFor(ck, 1)), 100)));
        }
        assertEquals(List.of(CheckpointFile.fileFor(ck, 1)), CheckpointFile.list(ck));
        train(store, tmp.resolve("b"), pmiOptions(8, 2, 2, 3), new Checkpointing(ck, 1, ck));
        assertEquals(2, CheckpointFile.read(CheckpointFile.fileFor(ck, 2)).epochsDone());
    }

    /** Extreme counts (one pair seen a million times beside singletons) and a large step never put NaN or Inf in the output. */
    @Test
    void noNonFiniteValuesWithExtremeCounts() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < 200_000; l++) {
            sb.append("a b a b a b\n");
        }
        Random rnd = new Random(9);
        for (int l = 0; l < 300; l++) {
            sb.append("a c").append(rnd.nextInt(50)).append(" r").append(rnd.nextInt(500)).append('\n');
        }
        Path corpus = tmp.resolve("extreme.txt");
        Files.writeString(corpus, sb);
        Path store = tmp.resolve("extreme-store");
        yuelao.engine.stage.CountingStage.run(TestCorpora.job(corpus, TestCorpora.counting(5, WindowWeighting.UNIFORM, 16 << 20, 8).build(), 1, 2),
                store, true, n -> p -> {});
        TrainSettings.Builder pmi = TrainSettings.builder().method(TrainSettings.Method.PMI).dim(8).seed(1).threads(2);
        for (TrainSettings o : List.of(
                pmi.pmi(PmiSettings.builder().epochs(20).lr(5.0).xMax(1).truncatedWeight(false).build()).build(),
                pmi.pmi(PmiSettings.builder().epochs(5).lr(1.0).negatives(3).ppmiTargets(true).build()).build(),
                closedForm(TrainSettings.Method.EIG, 8, 0.5), closedForm(TrainSettings.Method.SVD, 8, 0))) {
            Path out = tmp.resolve("x-" + o.method() + o.pmi().epochs() + o.pmi().negatives());
            train(store, out, o);
            for (float x : readVectors(out)) {
                assertTrue(Float.isFinite(x), o.method() + ": " + x);
            }
            assertFalse(Files.readString(out.resolve("vectors.txt")).matches("(?s).*(NaN|Infinity).*"));
        }
    }
}
