package yuelao.engine.subword;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import yuelao.engine.linalg.Logistic;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.SgnsStep;
import yuelao.engine.linalg.VectorOps;
import yuelao.engine.sampling.AliasTable;
import yuelao.engine.sampling.BinarySearch;
import yuelao.engine.sampling.NoiseWeights;
import yuelao.engine.sampling.SeedMixer;
import yuelao.engine.train.TrainSettings;
import yuelao.storage.counts.CountStore;

/**
 * fastText's skip-gram objective taken over the co-occurrence counts, on composed word vectors ({@code
 * --subword-sgns-epochs}): the word (input) side is v_i = sum_{g in F(i)} z_g, the context (output) side is one
 * vector c_j per word,
 *
 * <pre>
 * L = sum over ordered (i, j), x_ij > 0, i != j, of  x_ij log(1 + exp(-&lt;v_i, c_j&gt;))
 *   + k sum over i of x_i* sum over j of P_n(j) log(1 + exp(&lt;v_i, c_j&gt;)),      P_n(j) = n_j^a / sum n^a
 * </pre>
 *
 * (Levy and Goldberg 2014: the per-cell optimum is &lt;v_i, c_j&gt; = PMI_ij with context smoothing a, minus log k;
 * a = 0.75 is word2vec's, 0.5 fastText's.)
 * The gradient with respect to z_g is the sum of dL/dv_i over the words i that have feature g: the additive
 * decomposition of docs/method.md section 2 applied to word forms.
 *
 * <p>Optimisation is word2vec's and fastText's: plain SGD, rate decaying linearly from eta to 0 over all events.
 * Instead of the token stream, an epoch makes {@code X = sum x_ij} positive events in expectation (one pass of
 * the stream whose windows the counts hold): it visits rows i drawn with probability x_i* / X, and each visit
 * draws {@code pairsPerVisit} contexts j from the row (probability x_ij / x_i*), each with k negatives from
 * P_n. A visit composes v_i once into a local copy h; after each context (its positive and negatives) h takes
 * that context's step, as fastText's hidden vector does when it recomposes the word for the next context; at the
 * end of the visit the summed step is spread evenly over i's features (z_g += grad / |F(i)|, so v_i moves by
 * exactly what h moved, as fastText's mean composition does). Reading and writing the feature rows once per
 * visit rather than once per context is what makes the counts cheaper than the stream here.
 *
 * <p>Each event is one {@link SgnsStep#tabulated} step (fastText's sigmoid table) with h as the input and a
 * visit-local buffer collecting its step. Rows are drawn from an {@link AliasTable} of x_i*, negatives from one of
 * n^a ({@link NoiseWeights}). Threads update the shared tables without locks (Hogwild, as fastText); with one thread
 * the result is deterministic for a seed. No allocation per event.
 */
public final class SubwordSgns {
    private final SubwordFeatures f;
    private final CountStore store;
    private final int dim;
    private final int negatives;
    private final int pairsPerVisit;
    private final double eta;
    private final long seed;
    private final float[] rowCumulative; // per CSR entry: cumulative x within its row / x_i* (the row's CDF)
    private final AliasTable rows; // weights x_i*: O(1) row draws
    private final AliasTable noise; // weights n^noisePower: the negatives
    private final SgnsStep step = SgnsStep.tabulated();

    /** Loss of one epoch: mean log-loss per positive event and per negative event (on a sixteenth of the visits). */
    public record EpochStats(int epoch, double positiveLoss, double negativeLoss, long positives, double seconds) {}

    /**
     * @param train the dimension and the seed
     * @param settings the refinement's sgns settings: {@link SubwordSettings#sgnsLr()}, {@link
     *     SubwordSettings#sgnsNegatives()}, {@link SubwordSettings#noisePower()} (P_n(j) ~ n_j^a: word2vec 0.75,
     *     fastText 0.5) and {@link SubwordSettings#contextsPerVisit()} (a visit reads and writes all of the word's
     *     feature rows once, so more contexts per visit make an epoch cheaper; docs/experiments/subwords.md measures
     *     what it costs in quality)
     */
    public SubwordSgns(SubwordFeatures f, CountStore store, TrainSettings train, SubwordSettings settings) {
        this.pairsPerVisit = settings.contextsPerVisit();
        this.f = f;
        this.store = store;
        this.dim = train.dim();
        this.eta = settings.sgnsLr();
        this.negatives = settings.sgnsNegatives();
        this.seed = train.seed();
        int n = store.vocabSize();
        long nnz = store.nonZeros();
        if (nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the subword sgns refinement supports up to 2^31 stored pairs, the store has " + nnz);
        }
        rowCumulative = new float[(int) nnz];
        double[] rowMass = new double[n];
        double scale = store.scale();
        for (int i = 0; i < n; i++) {
            double c = 0;
            for (long k = store.rowStart(i); k < store.rowEnd(i); k++) {
                if (store.column(k) != i) {
                    c += store.units(k) / scale;
                }
            }
            double run = 0;
            for (long k = store.rowStart(i); k < store.rowEnd(i); k++) {
                if (store.column(k) != i) {
                    run += store.units(k) / scale;
                }
                rowCumulative[(int) k] = c > 0 ? (float) (run / c) : 1f;
            }
            rowMass[i] = c;
        }
        rows = AliasTable.of(rowMass);
        noise = AliasTable.of(NoiseWeights.of(store, settings.noisePower()));
    }

    /** Total positive mass X: the expected positive events of one epoch. */
    public double totalMass() {
        return rows.total();
    }

    /**
     * Trains {@code epochs} passes, updating the feature table {@code z} (features x dim) and the context table
     * {@code ctx} (words x dim) in place.
     *
     * @param samples positive events per epoch as a multiple of X
     */
    public void train(float[] z, float[] ctx, int epochs, double samples, int threads, Consumer<EpochStats> progress) {
        long visitsPerEpoch = Math.max(1, (long) Math.ceil(samples * totalMass() / pairsPerVisit));
        long totalVisits = visitsPerEpoch * epochs;
        int parts = Math.max(1, threads);
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            double[] posLoss = new double[parts];
            double[] negLoss = new double[parts];
            long[] posCount = new long[parts];
            long epochStart = visitsPerEpoch * e;
            int epoch = e;
            int[] bounds = Parallel.even(parts, parts);
            Parallel.run(threads, bounds, (t, from, to) -> {
                for (int part = from; part < to; part++) {
                    long lo = visitsPerEpoch * part / parts;
                    long hi = visitsPerEpoch * (part + 1) / parts;
                    double[] out = runVisits(z, ctx, lo, hi, epochStart, totalVisits,
                            new SplittableRandom(SeedMixer.mix(seed * 0x9E3779B97F4A7C15L + epoch * 1_000_003L + part)));
                    posLoss[part] = out[0];
                    negLoss[part] = out[1];
                    posCount[part] = (long) out[2];
                }
            });
            double pl = 0;
            double nl = 0;
            long pc = 0;
            for (int p = 0; p < parts; p++) {
                pl += posLoss[p];
                nl += negLoss[p];
                pc += posCount[p];
            }
            progress.accept(new EpochStats(e + 1, pc > 0 ? pl / pc : 0, pc > 0 ? nl / (pc * (double) negatives) : 0, pc,
                    (System.nanoTime() - t0) / 1e9));
        }
    }

    /** Visits [lo, hi) of an epoch; returns {positive loss, negative loss, positive events}. */
    private double[] runVisits(float[] z, float[] ctx, long lo, long hi, long epochStart, long totalVisits, SplittableRandom rnd) {
        int[] offsets = f.offsets();
        int[] ids = f.ids();
        float[] h = new float[dim];
        float[] grad = new float[dim];
        float[] pairGrad = new float[dim];
        double pl = 0;
        double nl = 0;
        long pc = 0;
        float lr = (float) eta;
        for (long q = lo; q < hi; q++) {
            if (((q - lo) & 1023) == 0) { // linear decay, word2vec's floor eta * 1e-4
                lr = (float) (eta * Math.max(1e-4, 1 - (double) (epochStart + q) / totalVisits));
            }
            int i = rows.draw(rnd);
            long rs = store.rowStart(i);
            long re = store.rowEnd(i);
            if (rs == re) {
                continue;
            }
            java.util.Arrays.fill(h, 0f);
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                VectorOps.axpy(1f, z, ids[p] * dim, h, 0, dim);
            }
            java.util.Arrays.fill(grad, 0f);
            for (int s = 0; s < pairsPerVisit; s++) {
                // the entry whose share of the row first exceeds the draw (the last one if rounding puts it beyond)
                int j = store.column(BinarySearch.upperBound(rowCumulative, (int) rs, (int) re - 1, (float) rnd.nextDouble()));
                if (j == i) {
                    continue;
                }
                boolean report = (q & 15) == 0; // the loss is reported on a sixteenth of the visits (a log per event costs)
                if (report) {
                    pc++;
                }
                java.util.Arrays.fill(pairGrad, 0f);
                pl += step.apply(h, 0, pairGrad, 0, ctx, j * dim, dim, 1f, lr, report);
                for (int m = 0; m < negatives; m++) {
                    int jn = noise.draw(rnd);
                    if (jn == j) {
                        continue;
                    }
                    nl += step.apply(h, 0, pairGrad, 0, ctx, jn * dim, dim, 0f, lr, report);
                }
                // v_i as the features will hold it after the visit so far: the next context sees the step (fastText)
                VectorOps.axpy(1f, pairGrad, 0, h, 0, dim);
                VectorOps.axpy(1f, pairGrad, 0, grad, 0, dim);
            }
            float share = 1f / (offsets[i + 1] - offsets[i]); // even spread: v_i moves by exactly grad (fastText's rule)
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                VectorOps.axpy(share, grad, 0, z, ids[p] * dim, dim);
            }
        }
        return new double[] {pl, nl, pc};
    }

    /**
     * The exact objective L above (negatives in expectation) and, when {@code gradZ} is non-null, its gradient
     * with respect to the feature table (through the composition) and the context table. O(n^2 dim): for tests.
     */
    public static double loss(SubwordFeatures f, CountStore store, float[] z, float[] ctx, int dim, int negatives, double noisePower,
            float[] gradZ, float[] gradCtx) {
        int n = store.vocabSize();
        float[] v = f.compose(z, dim, 1);
        double[] noise = NoiseWeights.of(store, noisePower);
        double norm = 0;
        for (int j = 0; j < n; j++) {
            norm += noise[j];
        }
        double scale = store.scale();
        float[] gv = gradZ == null ? null : new float[n * dim];
        if (gradCtx != null) {
            java.util.Arrays.fill(gradCtx, 0f);
        }
        double l = 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(x, 0);
            double rowMass = 0;
            for (long k = store.rowStart(i); k < store.rowEnd(i); k++) {
                int j = store.column(k);
                if (j != i) {
                    x[j] = store.units(k) / scale;
                    rowMass += x[j];
                }
            }
            for (int j = 0; j < n; j++) {
                double sc = VectorOps.dotScalar(v, i * dim, ctx, j * dim, dim);
                double neg = negatives * rowMass * noise[j] / norm;
                // softplus(-s) = log(1 + e^-s); d/ds: -sigma(-s); softplus(s): sigma(s)
                l += x[j] * Logistic.softplus(-sc) + neg * Logistic.softplus(sc);
                if (gv != null) {
                    float g = (float) (-x[j] * Logistic.sigmoid(-sc) + neg * Logistic.sigmoid(sc));
                    VectorOps.axpy(g, ctx, j * dim, gv, i * dim, dim);
                    if (gradCtx != null) {
                        VectorOps.axpy(g, v, i * dim, gradCtx, j * dim, dim);
                    }
                }
            }
        }
        if (gradZ != null) {
            f.composeTranspose(gv, dim, gradZ);
        }
        return l;
    }
}
