package yuelao.engine.subword;

import java.util.SplittableRandom;
import yuelao.engine.linalg.AdaGrad;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.VectorOps;
import yuelao.engine.sampling.CumulativeTable;
import yuelao.engine.sampling.FeistelPermutation;
import yuelao.engine.sampling.NoiseWeights;
import yuelao.engine.sampling.SeedMixer;
import yuelao.engine.train.TrainSettings;
import yuelao.storage.counts.CountStore;

/**
 * The pmi refinement of the subword model ({@code --subword-loss pmi}): after the closed-form fit ({@link
 * SubwordTrainer#fit}), the seed's weighted squared error on the composed vectors v_w = sum_{g in F(w)} z_g,
 *
 * <pre>
 * L = sum over observed ordered (i, j), i != j, of lambda_ij/2 (&lt;v_i, v_j&gt; - t_ij)^2
 *   + m sampled negatives per record (probability n^0.75) pulled towards 0 where &lt;v_i, v_j'&gt; &gt; 0
 * </pre>
 *
 * and dL/dz_g = sum_{w: g in F(w)} dL/dv_w (the gradient is spread over the features). A pass visits each word's
 * row of the count store in mini-batches of {@link SubwordSettings#pmiBatch()} records: the word's composed gradient
 * takes an {@link AdaGrad} step (per word and coordinate, rate {@link SubwordSettings#pmiLr()}), and the step is
 * spread over the word's features in proportion to 1/uses(g), so the word's own composed vector moves by exactly
 * that step and an n-gram shared by many words moves by about the average of their steps. The partner vectors v_j
 * are read from a composed table refreshed after each pass. Threads work on disjoint word ranges without locks
 * (Hogwild on shared n-grams): the refinement is <b>not</b> thread-count deterministic; with one thread it is
 * deterministic for a seed. Holds the AdaGrad accumulators (words x dim) between passes.
 */
public final class SubwordRefiner {
    private final SubwordFeatures f;
    private final CountStore store;
    private final PairValues values;
    private final int dim;
    private final float eta;
    private final int negatives;
    private final int batch;
    private final long seed;
    private final float[] acc;
    private final CumulativeTable noise;
    private final float[] share; // per feature list entry: the fraction of the word's step its feature takes

    /** Target and weight of an observed pair (t_ij and lambda_ij). */
    public interface PairValues {
        float target(int i, int j, double x);

        float weight(int i, int j, double x);
    }

    /**
     * @param train the dimension and the seed
     * @param settings the refinement's pmi settings: {@link SubwordSettings#pmiLr()}, {@link
     *     SubwordSettings#pmiNegatives()} and {@link SubwordSettings#pmiBatch()}
     */
    public SubwordRefiner(SubwordFeatures f, CountStore store, PairValues values, TrainSettings train, SubwordSettings settings) {
        this.f = f;
        this.store = store;
        this.values = values;
        this.dim = train.dim();
        this.eta = (float) settings.pmiLr();
        this.negatives = settings.pmiNegatives();
        this.batch = settings.pmiBatch();
        this.seed = train.seed();
        this.acc = new float[f.words() * dim];
        java.util.Arrays.fill(acc, 1f);
        int v = f.words();
        int[] uses = new int[f.features()];
        for (int id : f.ids()) {
            uses[id]++;
        }
        share = new float[f.ids().length];
        for (int w = 0; w < v; w++) {
            double sum = 0;
            for (int p = f.offsets()[w]; p < f.offsets()[w + 1]; p++) {
                sum += 1.0 / uses[f.ids()[p]];
            }
            for (int p = f.offsets()[w]; p < f.offsets()[w + 1]; p++) {
                share[p] = (float) (1.0 / uses[f.ids()[p]] / sum);
            }
        }
        noise = CumulativeTable.of(NoiseWeights.of(store, NoiseWeights.WORD2VEC_POWER), 0, v);
    }

    /**
     * One pass: updates {@code z} in place; returns the mean weighted loss of the observed records seen
     * (before their step).
     */
    public double epoch(float[] z, int epoch, int threads) {
        int v = f.words();
        float[] composed = f.compose(z, dim, threads);
        FeistelPermutation order = new FeistelPermutation(v, seed * 0x9E3779B97F4A7C15L + epoch);
        int parts = Math.max(1, threads);
        double[] loss = new double[parts];
        long[] recs = new long[parts];
        Parallel.run(threads, Parallel.even(v, parts), (t, from, to) -> {
            float[] c = new float[dim];
            float[] grad = new float[dim];
            SplittableRandom rnd = new SplittableRandom(SeedMixer.mix(seed ^ (epoch * 0x100000001B3L) ^ t));
            double ls = 0;
            long rc = 0;
            for (int q = from; q < to; q++) {
                int i = (int) order.apply(q);
                System.arraycopy(composed, i * dim, c, 0, dim);
                long end = store.rowEnd(i);
                long k = store.rowStart(i);
                double scale = store.scale();
                while (k < end) {
                    java.util.Arrays.fill(grad, 0f);
                    int inBatch = 0;
                    for (; k < end && inBatch < batch; k++) {
                        int j = store.column(k);
                        if (j == i) {
                            continue;
                        }
                        double x = store.units(k) / scale;
                        float w = values.weight(i, j, x);
                        float e = VectorOps.dot(c, 0, composed, j * dim, dim) - values.target(i, j, x);
                        ls += 0.5 * w * e * e;
                        rc++;
                        VectorOps.axpy(w * e, composed, j * dim, grad, 0, dim);
                        for (int m = 0; m < negatives; m++) {
                            int jn = noise.draw(rnd);
                            if (jn == i) {
                                continue;
                            }
                            float en = VectorOps.dot(c, 0, composed, jn * dim, dim);
                            if (en > 0) { // a sampled pair is treated as unobserved (PPMI 0): only over-estimates cost
                                VectorOps.axpy(en, composed, jn * dim, grad, 0, dim);
                            }
                        }
                        inBatch++;
                    }
                    if (inBatch > 0) {
                        step(i, c, grad, z);
                    }
                }
                System.arraycopy(c, 0, composed, i * dim, dim);
            }
            loss[t] = ls;
            recs[t] = rc;
        });
        double l = 0;
        long r = 0;
        for (int t = 0; t < parts; t++) {
            l += loss[t];
            r += recs[t];
        }
        return r > 0 ? l / r : 0;
    }

    /**
     * AdaGrad step on word i's composed vector c, spread over its features in proportion to 1/uses(g) (the Jacobi
     * preconditioner of the composition): the word's own composed vector moves by exactly the step, and a feature
     * shared by many words moves by about the average of their steps, never their sum.
     */
    private void step(int i, float[] c, float[] grad, float[] z) {
        AdaGrad.step(eta, grad, 0, acc, i * dim, c, 0, dim); // grad now holds the step taken
        for (int p = f.offsets()[i]; p < f.offsets()[i + 1]; p++) {
            VectorOps.axpy(-share[p], grad, 0, z, f.ids()[p] * dim, dim);
        }
    }

    /**
     * The exact loss {@code sum over observed ordered (i, j), i != j, of lambda_ij/2 (<v_i, v_j> - t_ij)^2} on the
     * composed vectors, and (if {@code gradient} is non-null) its gradient with respect to the feature table,
     * through the composition. For tests (finite differences) and reports.
     */
    public static double loss(SubwordFeatures f, CountStore store, PairValues values, float[] z, int dim, float[] gradient) {
        float[] composed = f.compose(z, dim, 1);
        float[] gv = gradient == null ? null : new float[composed.length];
        double l = 0;
        double scale = store.scale();
        for (int i = 0; i < f.words(); i++) {
            for (long k = store.rowStart(i); k < store.rowEnd(i); k++) {
                int j = store.column(k);
                if (j == i) {
                    continue;
                }
                double x = store.units(k) / scale;
                float w = values.weight(i, j, x);
                double e = VectorOps.dotScalar(composed, i * dim, composed, j * dim, dim) - values.target(i, j, x);
                l += 0.5 * w * e * e;
                if (gv != null) {
                    VectorOps.axpy((float) (w * e), composed, j * dim, gv, i * dim, dim);
                    VectorOps.axpy((float) (w * e), composed, i * dim, gv, j * dim, dim);
                }
            }
        }
        if (gradient != null) {
            f.composeTranspose(gv, dim, gradient);
        }
        return l;
    }
}
