package yuelao.engine.train;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.train.TrainFixtures.assertAllFinite;
import static yuelao.engine.train.TrainFixtures.pmiWithHoldout;
import static yuelao.engine.train.TrainFixtures.readVectors;
import static yuelao.engine.train.TrainFixtures.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreDirectory;

/** The pmi trainer against finite differences, exact low-rank targets, itself across thread counts, and extreme counts. */
class PmiTrainerTest {
    @TempDir
    Path tmp;

    /** The trainer's own settings: dimension, seed and the pmi settings given (weight min(1, (x/xMax)^.75), nothing held out). */
    private static TrainSettings trainer(int dim, long seed, double lr, double xMax) {
        return TrainSettings.builder().method(TrainSettings.Method.PMI).dim(dim).seed(seed)
                .pmi(PmiSettings.builder().lr(lr).xMax(xMax).alpha(0.75).truncatedWeight(true).holdout(0).build()).build();
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
        double eta = 0.01;
        for (int dim : new int[] {3, 8, 19}) { // below, at and beyond one SIMD lane group, with a scalar tail
            try (CountStoreDirectory dir = CountStoreDirectory.open(store);
                    PmiTrainer t = new PmiTrainer(dir.counts(), (i, j, x) -> 0, trainer(dim, 3, eta, 100), 4)) {
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
                        double gFromStep = step / Math.sqrt(eta * eta - step * step);
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
                PmiTrainer t = new PmiTrainer(dir.counts(), (i, j, x) -> dot(u[i], u[j]), trainer(r, 9, 0.05, 1), 4)) {
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

    /** Deterministic mode: the same seed gives bit-identical vectors for 1, 2 and 3 threads. */
    @Test
    void sameVectorsForAnyThreadCount() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 31, 500, 80, 4, WindowWeighting.UNIFORM, 2);
        float[] one = null;
        for (int threads : new int[] {1, 2, 3}) {
            Path out = tmp.resolve("t" + threads);
            train(store, out, pmiWithHoldout(4).dim(10).threads(threads).seed(3).build());
            float[] v = readVectors(out);
            if (one == null) {
                one = v;
            } else {
                assertArrayEquals(one, v, "threads " + threads);
            }
        }
        Path other = tmp.resolve("seed4");
        train(store, other, pmiWithHoldout(4).dim(10).threads(2).seed(4).build());
        assertFalse(Arrays.equals(one, readVectors(other)), "a different seed must give different vectors");
    }

    /** Extreme counts and a large step (untruncated weights at rate 5; negatives with PPMI targets) never put NaN or Inf in the output. */
    @Test
    void noNonFiniteValuesWithExtremeCounts() throws IOException {
        Path store = TrainFixtures.extremeStore(tmp);
        TrainSettings.Builder pmi = TrainSettings.builder().method(TrainSettings.Method.PMI).dim(8).seed(1).threads(2);
        List<PmiSettings> cases = List.of(PmiSettings.builder().epochs(20).lr(5.0).xMax(1).truncatedWeight(false).build(),
                PmiSettings.builder().epochs(5).lr(1.0).negatives(3).ppmiTargets(true).build());
        for (PmiSettings p : cases) {
            Path out = tmp.resolve("x-pmi" + p.epochs() + p.negatives());
            train(store, out, pmi.pmi(p).build());
            assertAllFinite(out, "pmi, " + p.epochs() + " epochs, " + p.negatives() + " negatives");
        }
    }
}
