package yuelao.engine.train;

import yuelao.engine.stage.TrainingStage;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.vectors.VectorsFile;

/** The sgns trainer: its step against finite differences, itself across thread counts, and its own loss. */
class LogisticTrainerTest {
    @TempDir
    Path tmp;

    /**
     * The trainer's own settings: dimension, seed and the sgns settings given (their rate, k, b and context table);
     * nothing else of {@link TrainSettings} reaches the trainer.
     */
    private static TrainSettings trainer(int dim, long seed, SgnsSettings.Builder sgns) {
        return TrainSettings.builder().method(TrainSettings.Method.SGNS).dim(dim).seed(seed).sgns(sgns.build()).build();
    }

    /**
     * sgns through the training stage: rate .025, k = 5, 2 X pairs per epoch, from an eig start of 20 iterations
     * (oversampling 10, power .5) or a random one, with the given context table and output; dimension 10, seed 3.
     */
    private static TrainSettings.Builder sgnsRun(int epochs, boolean eigInit, SgnsSettings.Contexts contexts, boolean sumOutput) {
        return TrainSettings.builder().method(TrainSettings.Method.SGNS).dim(10).seed(3)
                .closedForm(ClosedFormSettings.builder().power(0.5).iterations(20).oversample(10).build())
                .sgns(SgnsSettings.builder().epochs(epochs).lr(0.025).negatives(5).samples(2.0).eigInit(eigInit).contexts(contexts)
                        .sumOutput(sumOutput).build());
    }

    private static void train(Path store, Path out, TrainSettings s) throws IOException {
        TrainingStage.run(TrainingStage.job().store(store).out(out).force(true).settings(s).build());
    }

    /**
     * A step with a tiny learning rate moves v by -lr dL/dv (the event's loss log(1 + exp(-+z))), so the step
     * divided by lr must match the central finite difference of {@link LogisticTrainer#eventLoss}, for both labels,
     * for every coordinate of both vectors (including the SIMD tail).
     */
    @Test
    void stepIsMinusLrTimesTheFiniteDifferenceGradient() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 11, 300, 40, 3, WindowWeighting.UNIFORM, 1);
        Random rnd = new Random(5);
        for (int dim : new int[] {3, 8, 19}) {
            for (float y : new float[] {1f, 0f}) {
                for (double offset : new double[] {0, 0.7}) {
                    try (CountStoreDirectory dir = CountStoreDirectory.open(store);
                            LogisticTrainer t = new LogisticTrainer(dir.counts(),
                                    trainer(dim, 1, SgnsSettings.builder().lr(0.025).negatives(3).offset(offset)), 4)) {
                        int n = dir.counts().vocabSize();
                        float[] v = new float[n * dim];
                        for (int k = 0; k < v.length; k++) {
                            v[k] = (float) rnd.nextGaussian() * 0.4f;
                        }
                        t.restore(v);
                        int i = 2;
                        int j = 5;
                        // numerical gradient at v
                        double[] num = new double[2 * dim];
                        float h = 1e-2f;
                        for (int s = 0; s < 2; s++) {
                            int w = s == 0 ? i : j;
                            for (int k = 0; k < dim; k++) {
                                float[] p = v.clone();
                                p[w * dim + k] += h;
                                t.restore(p);
                                double lp = t.eventLoss(i, j, y);
                                p[w * dim + k] -= 2 * h;
                                t.restore(p);
                                double lm = t.eventLoss(i, j, y);
                                num[s * dim + k] = (lp - lm) / (2 * h);
                            }
                        }
                        t.restore(v);
                        double before = t.eventLoss(i, j, y);
                        float lr = 1e-3f;
                        double reported = t.step(i, j, y, lr);
                        assertEquals(before, reported, 1e-5, "loss reported by the step");
                        float[] after = t.vectors();
                        for (int s = 0; s < 2; s++) {
                            int w = s == 0 ? i : j;
                            for (int k = 0; k < dim; k++) {
                                double step = (after[w * dim + k] - v[w * dim + k]) / lr;
                                assertEquals(-num[s * dim + k], step, 2e-3 + 2e-3 * Math.abs(num[s * dim + k]),
                                        "dim " + dim + " y " + y + " vector " + s + " coordinate " + k);
                            }
                        }
                        assertTrue(t.eventLoss(i, j, y) < before, "a small step lowers the event's loss");
                    }
                }
            }
        }
    }

    /**
     * Separate context table: a step on (i, j) moves w_i and c_j by -lr times the finite-difference gradient of
     * the event's loss log(1 + exp(-+(&lt;w_i, c_j&gt; - log k + b))) and leaves w_j, c_i and everything else alone
     * (also for i == j, where w_i and c_i are different vectors).
     */
    @Test
    void separateContextsStepIsMinusLrTimesTheFiniteDifferenceGradient() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 13, 300, 40, 3, WindowWeighting.UNIFORM, 1);
        Random rnd = new Random(8);
        for (int dim : new int[] {3, 8, 19}) {
            for (float y : new float[] {1f, 0f}) {
                for (int[] ij : new int[][] {{2, 5}, {5, 2}, {4, 4}}) {
                    try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
                        int n = dir.counts().vocabSize();
                        float[] w = new float[n * dim];
                        float[] c = new float[n * dim];
                        for (int k = 0; k < w.length; k++) {
                            w[k] = (float) rnd.nextGaussian() * 0.4f;
                            c[k] = (float) rnd.nextGaussian() * 0.4f;
                        }
                        try (LogisticTrainer t = new LogisticTrainer(dir.counts(), trainer(dim, 1,
                                SgnsSettings.builder().lr(0.025).negatives(3).offset(0.3).contexts(SgnsSettings.Contexts.START)), 4)) {
                            assertTrue(t.separateContexts());
                            t.restore(w);
                            t.restoreContexts(c);
                            int i = ij[0];
                            int j = ij[1];
                            double[] numW = new double[dim];
                            double[] numC = new double[dim];
                            float h = 1e-2f;
                            for (int k = 0; k < dim; k++) {
                                float[] p = w.clone();
                                p[i * dim + k] += h;
                                t.restore(p);
                                double lp = t.eventLoss(i, j, y);
                                p[i * dim + k] -= 2 * h;
                                t.restore(p);
                                numW[k] = (lp - t.eventLoss(i, j, y)) / (2 * h);
                            }
                            t.restore(w);
                            for (int k = 0; k < dim; k++) {
                                float[] p = c.clone();
                                p[j * dim + k] += h;
                                t.restoreContexts(p);
                                double lp = t.eventLoss(i, j, y);
                                p[j * dim + k] -= 2 * h;
                                t.restoreContexts(p);
                                numC[k] = (lp - t.eventLoss(i, j, y)) / (2 * h);
                            }
                            t.restoreContexts(c);
                            double before = t.eventLoss(i, j, y);
                            float lr = 1e-3f;
                            assertEquals(before, t.step(i, j, y, lr), 1e-5, "loss reported by the step");
                            float[] w1 = t.vectors();
                            float[] c1 = t.contexts();
                            for (int r = 0; r < n; r++) {
                                for (int k = 0; k < dim; k++) {
                                    double dw = (w1[r * dim + k] - w[r * dim + k]) / lr;
                                    double dc = (c1[r * dim + k] - c[r * dim + k]) / lr;
                                    double ew = r == i ? -numW[k] : 0;
                                    double ec = r == j ? -numC[k] : 0;
                                    assertEquals(ew, dw, 2e-3 + 2e-3 * Math.abs(ew), "w row " + r + " coordinate " + k + " dim " + dim + " y " + y);
                                    assertEquals(ec, dc, 2e-3 + 2e-3 * Math.abs(ec), "c row " + r + " coordinate " + k + " dim " + dim + " y " + y);
                                }
                            }
                            assertTrue(t.eventLoss(i, j, y) < before, "a small step lowers the event's loss");
                        }
                    }
                }
            }
        }
    }

    /** Separate contexts (each start, W or W + C written): bit-identical vectors for 1, 2 and 3 threads. */
    @Test
    void separateContextsIdenticalForAnyThreadCount() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 3, 400, 60, 4, WindowWeighting.DYNAMIC, 1);
        Object[][] cases = {{false, SgnsSettings.Contexts.ZERO, false}, {false, SgnsSettings.Contexts.START, true},
            {true, SgnsSettings.Contexts.START, false}, {true, SgnsSettings.Contexts.ZERO, true}};
        float[] shared;
        Path so = tmp.resolve("shared");
        train(store, so, sgnsRun(3, false, SgnsSettings.Contexts.SHARED, true).threads(2).build());
        try (VectorsFile.Stored s = VectorsFile.read(so.resolve(VectorsFile.FILE_NAME))) {
            shared = s.toArray();
        }
        for (Object[] cs : cases) {
            float[] one = null;
            for (int threads : new int[] {1, 2, 3}) {
                Path out = tmp.resolve("c" + threads + cs[0] + cs[1] + cs[2]);
                train(store, out, sgnsRun(3, (Boolean) cs[0], (SgnsSettings.Contexts) cs[1], (Boolean) cs[2]).threads(threads).build());
                float[] v;
                try (VectorsFile.Stored s = VectorsFile.read(out.resolve(VectorsFile.FILE_NAME))) {
                    v = s.toArray();
                }
                for (float x : v) {
                    assertTrue(Float.isFinite(x));
                }
                if (one == null) {
                    one = v;
                    assertFalse(java.util.Arrays.equals(shared, v), "separate contexts train a different model");
                } else {
                    assertArrayEquals(one, v, "threads " + threads + " " + java.util.Arrays.toString(cs));
                }
            }
        }
    }

    /** Separate contexts from word2vec's start (random W, C = 0): the loss falls. */
    @Test
    void separateContextsLossFalls() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 7, 400, 60, 4, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            int n = dir.counts().vocabSize();
            try (LogisticTrainer t = new LogisticTrainer(dir.counts(),
                    trainer(10, 9, SgnsSettings.builder().lr(0.2).negatives(5).contexts(SgnsSettings.Contexts.ZERO)), 4)) {
                assertArrayEquals(new float[n * 10], t.contexts(), "word2vec's start: C = 0");
                double samples = 5 * t.totalMass();
                int epochs = 30;
                LogisticTrainer.EpochStats first = t.epoch(1, epochs, samples, 2);
                LogisticTrainer.EpochStats last = first;
                for (int e = 2; e <= epochs; e++) {
                    last = t.epoch(e, epochs, samples, 2);
                }
                double k = 5;
                assertTrue(last.positiveLoss() + k * last.negativeLoss() < first.positiveLoss() + k * first.negativeLoss(),
                        "loss " + first + " -> " + last);
            }
        }
    }

    /** The same seed gives bit-identical vectors for 1, 2 and 3 threads (random and eig starts). */
    @Test
    void identicalForAnyThreadCount() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 3, 400, 60, 4, WindowWeighting.DYNAMIC, 1);
        for (boolean eig : new boolean[] {false, true}) {
            float[] one = null;
            for (int threads : new int[] {1, 2, 3}) {
                Path out = tmp.resolve("t" + threads + eig);
                train(store, out, sgnsRun(3, eig, SgnsSettings.Contexts.SHARED, true).threads(threads).build());
                float[] v;
                try (VectorsFile.Stored s = VectorsFile.read(out.resolve(VectorsFile.FILE_NAME))) {
                    v = s.toArray();
                }
                if (one == null) {
                    one = v;
                } else {
                    assertArrayEquals(one, v, "threads " + threads + " eig " + eig);
                }
            }
        }
    }

    /** Training lowers the (sampled) loss: the last epoch's losses are below the first's, from a random start. */
    @Test
    void lossFalls() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 7, 400, 60, 4, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store);
                LogisticTrainer t = new LogisticTrainer(dir.counts(), trainer(10, 9, SgnsSettings.builder().lr(0.2).negatives(5)), 4)) {
            double samples = 5 * t.totalMass();
            int epochs = 30;
            LogisticTrainer.EpochStats first = t.epoch(1, epochs, samples, 2);
            LogisticTrainer.EpochStats last = first;
            for (int e = 2; e <= epochs; e++) {
                last = t.epoch(e, epochs, samples, 2);
            }
            assertTrue(first.positives() > 0 && first.negativeEvents() > 0);
            double k = 5;
            assertEquals(k, (double) first.negativeEvents() / first.positives(), 0.5, "about k negatives per observed pair");
            assertTrue(last.positiveLoss() + k * last.negativeLoss() < first.positiveLoss() + k * first.negativeLoss(),
                    "loss " + first + " -> " + last);
        }
    }
}
