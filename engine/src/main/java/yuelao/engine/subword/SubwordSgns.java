package yuelao.engine.subword;

import yuelao.engine.train.FeistelPermutation;
import yuelao.engine.train.LogisticTrainer;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.VectorOps;
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
 * <p>Threads update the shared tables without locks (Hogwild, as fastText); with one thread the result is
 * deterministic for a seed. No allocation per event.
 */
public final class SubwordSgns {
    private static final int SIGMOID_TABLE = 1024;
    private static final float SIGMOID_BOUND = 8f;

    private final SubwordFeatures f;
    private final CountStore store;
    private final int dim;
    private final int negatives;
    private final int pairsPerVisit;
    private final double eta;
    private final long seed;
    private final float[] rowCumulative; // per CSR entry: cumulative x within its row / x_i* (the row's CDF)
    private final float[] aliasProbability; // Walker's alias table over rows, weights x_i*: O(1) row draws
    private final int[] alias;
    private final float[] noiseProbability; // the alias table of the negatives, weights n^noisePower
    private final int[] noiseAlias;
    private final float[] sigmoid = new float[SIGMOID_TABLE + 1];
    private final double totalMass;

    /** Loss of one epoch: mean log-loss per positive event and per negative event (on a sixteenth of the visits). */
    public record EpochStats(int epoch, double positiveLoss, double negativeLoss, long positives, double seconds) {}

    /**
     * @param noisePower exponent of the negative distribution P_n(j) ~ n_j^noisePower (word2vec 0.75, fastText 0.5)
     * @param pairsPerVisit contexts drawn per row visit (a visit reads and writes all of the word's feature rows once,
     *     so more contexts per visit make an epoch cheaper; docs/experiments/subwords.md measures what it costs in quality)
     */
    public SubwordSgns(SubwordFeatures f, CountStore store, int dim, double eta, int negatives, double noisePower, int pairsPerVisit, long seed) {
        if (negatives < 1) {
            throw new IllegalArgumentException("--negatives must be at least 1 for the subword sgns refinement, got " + negatives);
        }
        if (pairsPerVisit < 1) {
            throw new IllegalArgumentException("--subword-batch (contexts per row visit) must be at least 1, got " + pairsPerVisit);
        }
        this.pairsPerVisit = pairsPerVisit;
        this.f = f;
        this.store = store;
        this.dim = dim;
        this.eta = eta;
        this.negatives = negatives;
        this.seed = seed;
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
        double total = 0;
        for (double m : rowMass) {
            total += m;
        }
        totalMass = total;
        aliasProbability = new float[n];
        alias = new int[n];
        buildAlias(rowMass, total, aliasProbability, alias);
        double[] noise = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            noise[i] = Math.pow(Math.max(1, store.unigramCount(i)), noisePower);
            norm += noise[i];
        }
        noiseProbability = new float[n];
        noiseAlias = new int[n];
        buildAlias(noise, norm, noiseProbability, noiseAlias);
        for (int s = 0; s <= SIGMOID_TABLE; s++) {
            double x = (s * 2.0 / SIGMOID_TABLE - 1) * SIGMOID_BOUND;
            sigmoid[s] = (float) (1 / (1 + Math.exp(-x)));
        }
    }

    /** Total positive mass X: the expected positive events of one epoch. */
    public double totalMass() {
        return totalMass;
    }

    private float sigmoid(float x) {
        if (x >= SIGMOID_BOUND) {
            return 1f;
        }
        if (x <= -SIGMOID_BOUND) {
            return 0f;
        }
        return sigmoid[(int) ((x + SIGMOID_BOUND) * (SIGMOID_TABLE / SIGMOID_BOUND / 2))];
    }

    /**
     * Trains {@code epochs} passes, updating the feature table {@code z} (features x dim) and the context table
     * {@code ctx} (words x dim) in place.
     *
     * @param samples positive events per epoch as a multiple of X
     */
    public void train(float[] z, float[] ctx, int epochs, double samples, int threads, Consumer<EpochStats> progress) {
        long visitsPerEpoch = Math.max(1, (long) Math.ceil(samples * totalMass / pairsPerVisit));
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
                            new SplittableRandom(FeistelPermutation.mix(seed * 0x9E3779B97F4A7C15L + epoch * 1_000_003L + part)));
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
            int i = draw(aliasProbability, alias, rnd);
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
                int j = store.column(sampleEntry(rs, re, (float) rnd.nextDouble()));
                if (j == i) {
                    continue;
                }
                boolean report = (q & 15) == 0; // the loss is reported on a sixteenth of the visits (a log per event costs)
                if (report) {
                    pc++;
                }
                java.util.Arrays.fill(pairGrad, 0f);
                float lp = step(h, pairGrad, ctx, j, 1f, lr, report);
                pl += lp;
                for (int m = 0; m < negatives; m++) {
                    int jn = draw(noiseProbability, noiseAlias, rnd);
                    if (jn == j) {
                        continue;
                    }
                    nl += step(h, pairGrad, ctx, jn, 0f, lr, report);
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

    /** One logistic event on (v_i = h, c_t) with label y: c_t steps now, v_i's step is accumulated in grad. */
    private float step(float[] h, float[] grad, float[] ctx, int t, float y, float lr, boolean report) {
        int o = t * dim;
        float s = VectorOps.dot(h, 0, ctx, o, dim);
        float p = sigmoid(s);
        float g = lr * (y - p);
        VectorOps.axpy(g, ctx, o, grad, 0, dim);
        VectorOps.axpy(g, h, 0, ctx, o, dim);
        if (!report) {
            return 0f;
        }
        float pc = y > 0 ? p : 1 - p; // log-loss of the event before the step
        return (float) -Math.log(Math.max(1e-7f, pc));
    }

    /**
     * The exact objective L above (negatives in expectation) and, when {@code gradZ} is non-null, its gradient
     * with respect to the feature table (through the composition) and the context table. O(n^2 dim): for tests.
     */
    public static double loss(SubwordFeatures f, CountStore store, float[] z, float[] ctx, int dim, int negatives, double noisePower,
            float[] gradZ, float[] gradCtx) {
        int n = store.vocabSize();
        float[] v = f.compose(z, dim, 1);
        double[] noise = new double[n];
        double norm = 0;
        for (int j = 0; j < n; j++) {
            noise[j] = Math.pow(Math.max(1, store.unigramCount(j)), noisePower);
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
                l += x[j] * LogisticTrainer.softplus(-sc) + neg * LogisticTrainer.softplus(sc);
                if (gv != null) {
                    float g = (float) (-x[j] * sigma(-sc) + neg * sigma(sc));
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

    private static double sigma(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    /** One draw from an alias table. */
    private static int draw(float[] probability, int[] alias, SplittableRandom rnd) {
        int i = rnd.nextInt(alias.length);
        return rnd.nextFloat() < probability[i] ? i : alias[i];
    }

    /** Walker's alias method (Vose's stable construction): P(i) = weight_i / total. */
    static void buildAlias(double[] weight, double total, float[] probability, int[] alias) {
        int n = weight.length;
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = total > 0 ? weight[i] * n / total : 1;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            probability[s] = (float) scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            probability[l] = 1f;
            alias[l] = l;
        }
        while (ns > 0) { // only rounding leaves these
            int s = small[--ns];
            probability[s] = 1f;
            alias[s] = s;
        }
    }

    private long sampleEntry(long rs, long re, float u) {
        long lo = rs;
        long hi = re - 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (rowCumulative[(int) mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
