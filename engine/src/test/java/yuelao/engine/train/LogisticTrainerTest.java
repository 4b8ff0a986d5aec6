package yuelao.engine.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.store.CountStoreDirectory;
import yuelao.storage.vectors.VectorsFile;

/** The sgns objective against finite differences, itself across thread counts, and its own loss. */
class LogisticTrainerTest {
    @TempDir
    Path tmp;

    private static TrainOptions sgns(int dim, int epochs, int threads, long seed, boolean eigInit) {
        return new TrainOptions(TrainOptions.Method.SGNS, dim, 0.5, 0.75, 1, 20, 10, epochs, 0.025, 100, 0.75, true, seed, threads, 0,
                eigInit, 5, 1, false, 0, 2, 0);
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
                            LogisticTrainer t = new LogisticTrainer(dir.counts(), dim, 0.025, 3, offset, 1, null, 4)) {
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

    /** The same seed gives bit-identical vectors for 1, 2 and 3 threads (random and eig starts). */
    @Test
    void identicalForAnyThreadCount() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 3, 400, 60, 4, WindowWeighting.DYNAMIC, 1);
        for (boolean eig : new boolean[] {false, true}) {
            float[] one = null;
            for (int threads : new int[] {1, 2, 3}) {
                Path out = tmp.resolve("t" + threads + eig);
                TrainingStage.run(store, out, true, sgns(10, 3, threads, 3, eig), s -> {});
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
                LogisticTrainer t = new LogisticTrainer(dir.counts(), 10, 0.2, 5, 0, 9, null, 4)) {
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
