package yuelao.engine.subword;

import yuelao.engine.train.FeistelPermutation;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.VectorOps;
import yuelao.storage.counts.CountStore;

/**
 * Feature vectors z_g of the subword model (issue 7), with word vectors composed as v_w = sum_{g in F(w)} z_g.
 *
 * <p>Two steps:
 * <ol>
 *   <li>{@link #fit closed-form start}: given word vectors U (the eig closed form), the feature table solving
 *       the ridge least squares {@code min_Z sum_w omega_w |sum_{g in F(w)} z_g - u_w|^2 + ridge sum_g |z_g|^2},
 *       by conjugate gradients on the normal equations (A^T Omega A + ridge I) Z = A^T Omega U, all d columns in
 *       lockstep, started from "own id = u_w, n-grams = 0". Deterministic: every reduction is summed over a
 *       fixed split into {@link #CHUNKS} chunks, whatever the thread count. The ridge moves what words share
 *       into their common n-grams (a word's own id pays for whatever its n-grams cannot explain).
 *   <li>{@link #refineEpoch refinement} (optional): the seed's weighted squared error on the composed vectors,
 *       {@code L = sum over observed ordered (i, j) of lambda_ij/2 (<v_i, v_j> - t_ij)^2} plus {@code m} sampled
 *       negatives per record pulled towards 0; dL/dz_g = sum_{w: g in F(w)} dL/dv_w (the gradient is spread
 *       over the features). A pass visits each word's row of the count store in mini-batches: the word's
 *       composed gradient takes an AdaGrad step (per word and coordinate), and the step is spread over the word's
 *       features in proportion to 1/uses(g) (so the word's own composed vector moves by exactly that step, and
 *       an n-gram shared by many words moves by about the average of their steps). The partner vectors v_j are read from a composed table refreshed after each pass. Threads work
 *       on disjoint word ranges without locks (Hogwild on shared n-grams): the refinement is <b>not</b>
 *       thread-count deterministic; with one thread it is deterministic for a seed.
 * </ol>
 */
public final class SubwordTrainer {
    /** Fixed chunk count of the deterministic reductions. */
    static final int CHUNKS = 16;

    private SubwordTrainer() {}

    /** Transposed feature lists: for each feature, the words that use it. */
    private record Transpose(int[] offsets, int[] words) {
        static Transpose of(SubwordFeatures f) {
            int nf = f.features();
            int[] off = new int[nf + 1];
            int[] ids = f.ids();
            for (int id : ids) {
                off[id + 1]++;
            }
            for (int g = 0; g < nf; g++) {
                off[g + 1] += off[g];
            }
            int[] pos = java.util.Arrays.copyOf(off, nf);
            int[] words = new int[ids.length];
            int[] wo = f.offsets();
            for (int w = 0; w < f.words(); w++) {
                for (int p = wo[w]; p < wo[w + 1]; p++) {
                    words[pos[ids[p]]++] = w;
                }
            }
            return new Transpose(off, words);
        }
    }

    /**
     * The closed-form start: feature vectors whose compositions fit {@code u} (words x dim) in the ridge least
     * squares sense.
     *
     * @param omega per-word weight of the fit (null = 1 for every word)
     * @param progress receives the iteration number
     */
    public static float[] fit(SubwordFeatures f, float[] u, double[] omega, int dim, double ridge, int iterations, int threads,
            IntConsumer progress) {
        return fit(f, u, omega, null, dim, ridge, iterations, threads, progress);
    }

    /** @param ownRidge per-word ridge of the word's own-id feature (null = {@code ridge} for every feature) */
    public static float[] fit(SubwordFeatures f, float[] u, double[] omega, double[] ownRidge, int dim, double ridge, int iterations,
            int threads, IntConsumer progress) {
        int v = f.words();
        int nf = f.features();
        Transpose tr = Transpose.of(f);
        float[] z = new float[nf * dim];
        if (f.includeWord()) {
            System.arraycopy(u, 0, z, 0, v * dim);
        } else {
            for (int w = 0; w < v; w++) { // spread u_w evenly over its features (overlaps add up)
                int n = f.offsets()[w + 1] - f.offsets()[w];
                for (int p = f.offsets()[w]; p < f.offsets()[w + 1]; p++) {
                    VectorOps.axpy(1f / n, u, w * dim, z, f.ids()[p] * dim, dim);
                }
            }
            // normalise by the feature's use count so the start composes to about u
            for (int g = 0; g < nf; g++) {
                int c = tr.offsets()[g + 1] - tr.offsets()[g];
                if (c > 1) {
                    for (int k = 0; k < dim; k++) {
                        z[g * dim + k] /= c;
                    }
                }
            }
        }
        // b = A^T Omega U; r = b - (A^T Omega A + ridge) z
        float[] ou = u;
        if (omega != null) {
            ou = u.clone();
            for (int w = 0; w < v; w++) {
                for (int k = 0; k < dim; k++) {
                    ou[w * dim + k] *= (float) omega[w];
                }
            }
        }
        float[] b = transposeTimes(tr, ou, nf, dim, threads, new float[nf * dim]);
        float[] rg = new float[f.features()];
        java.util.Arrays.fill(rg, (float) ridge);
        if (ownRidge != null) {
            for (int w = 0; w < v; w++) {
                rg[w] = (float) ownRidge[w];
            }
        }
        float[] ybuf = new float[v * dim];
        float[] az = apply(f, tr, z, omega, rg, dim, threads, ybuf, new float[nf * dim]);
        float[] r = new float[nf * dim];
        for (int k = 0; k < r.length; k++) {
            r[k] = b[k] - az[k];
        }
        float[] p = r.clone();
        float[] ap = az; // reused: no allocation per iteration
        double[] rr = columnDots(r, r, nf, dim, threads);
        for (int it = 0; it < iterations; it++) {
            apply(f, tr, p, omega, rg, dim, threads, ybuf, ap);
            double[] pap = columnDots(p, ap, nf, dim, threads);
            float[] alpha = new float[dim];
            for (int c = 0; c < dim; c++) {
                alpha[c] = pap[c] > 0 ? (float) (rr[c] / pap[c]) : 0f;
            }
            float[] pp = p;
            float[] rrr = r;
            Parallel.run(threads, Parallel.even(nf, CHUNKS), (t, from, to) -> {
                for (int g = from; g < to; g++) {
                    int o = g * dim;
                    for (int c = 0; c < dim; c++) {
                        z[o + c] += alpha[c] * pp[o + c];
                        rrr[o + c] -= alpha[c] * ap[o + c];
                    }
                }
            });
            double[] rrNew = columnDots(r, r, nf, dim, threads);
            float[] beta = new float[dim];
            for (int c = 0; c < dim; c++) {
                beta[c] = rr[c] > 0 ? (float) (rrNew[c] / rr[c]) : 0f;
            }
            Parallel.run(threads, Parallel.even(nf, CHUNKS), (t, from, to) -> {
                for (int g = from; g < to; g++) {
                    int o = g * dim;
                    for (int c = 0; c < dim; c++) {
                        pp[o + c] = rrr[o + c] + beta[c] * pp[o + c];
                    }
                }
            });
            rr = rrNew;
            progress.accept(it + 1);
        }
        return z;
    }

    /** (A^T Omega A + ridge I) x. */
    private static float[] apply(SubwordFeatures f, Transpose tr, float[] x, double[] omega, float[] ridge, int dim, int threads,
            float[] y, float[] out) {
        f.compose(x, dim, threads, y);
        if (omega != null) {
            for (int w = 0; w < f.words(); w++) {
                float s = (float) omega[w];
                for (int k = 0; k < dim; k++) {
                    y[w * dim + k] *= s;
                }
            }
        }
        transposeTimes(tr, y, f.features(), dim, threads, out);
        for (int g = 0; g < ridge.length; g++) {
            float r = ridge[g];
            for (int k = g * dim; k < (g + 1) * dim; k++) {
                out[k] += r * x[k];
            }
        }
        return out;
    }

    /** A^T y: row g = sum of y's rows of the words using feature g (gathered: deterministic). */
    private static float[] transposeTimes(Transpose tr, float[] y, int nf, int dim, int threads, float[] out) {
        Parallel.run(threads, Parallel.even(nf, CHUNKS), (t, from, to) -> {
            for (int g = from; g < to; g++) {
                java.util.Arrays.fill(out, g * dim, (g + 1) * dim, 0f);
                for (int q = tr.offsets()[g]; q < tr.offsets()[g + 1]; q++) {
                    VectorOps.axpy(1f, y, tr.words()[q] * dim, out, g * dim, dim);
                }
            }
        });
        return out;
    }

    /** Per-column sums of a .* b over rows, reduced in a fixed chunk order. */
    private static double[] columnDots(float[] a, float[] b, int rows, int dim, int threads) {
        double[][] part = new double[CHUNKS][dim];
        int[] bounds = Parallel.even(rows, CHUNKS);
        Parallel.run(threads, bounds, (t, from, to) -> {
            double[] s = part[t];
            for (int g = from; g < to; g++) {
                int o = g * dim;
                for (int c = 0; c < dim; c++) {
                    s[c] += (double) a[o + c] * b[o + c];
                }
            }
        });
        double[] out = new double[dim];
        for (double[] s : part) {
            for (int c = 0; c < dim; c++) {
                out[c] += s[c];
            }
        }
        return out;
    }

    /** Target and weight of an observed pair (t_ij and lambda_ij). */
    public interface PairValues {
        float target(int i, int j, double x);

        float weight(int i, int j, double x);
    }

    /** State of the refinement: AdaGrad accumulators (words x dim) and the negative-sampling table. */
    public static final class Refiner {
        private final SubwordFeatures f;
        private final CountStore store;
        private final PairValues values;
        private final int dim;
        private final float eta;
        private final int negatives;
        private final float negativeWeight;
        private final int batch;
        private final long seed;
        private final float[] acc;
        private final double[] cumulative;
        private final float[] share; // per feature list entry: the fraction of the word's step its feature takes

        public Refiner(SubwordFeatures f, CountStore store, PairValues values, int dim, double eta, int negatives, double negativeWeight,
                int batch, long seed) {
            this.f = f;
            this.store = store;
            this.values = values;
            this.dim = dim;
            this.eta = (float) eta;
            this.negatives = negatives;
            this.negativeWeight = (float) negativeWeight;
            this.batch = Math.max(1, batch);
            this.seed = seed;
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
            cumulative = new double[v + 1];
            for (int i = 0; i < v; i++) {
                cumulative[i + 1] = cumulative[i] + Math.pow(store.unigramCount(i), 0.75);
            }
        }

        private int sample(SplittableRandom rnd) {
            double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 2;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (cumulative[mid] <= x) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
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
                SplittableRandom rnd = new SplittableRandom(FeistelPermutation.mix(seed ^ (epoch * 0x100000001B3L) ^ t));
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
                                int jn = sample(rnd);
                                if (jn == i) {
                                    continue;
                                }
                                float en = VectorOps.dot(c, 0, composed, jn * dim, dim);
                                if (en > 0) { // a sampled pair is treated as unobserved (PPMI 0): only over-estimates cost
                                    VectorOps.axpy(negativeWeight * en, composed, jn * dim, grad, 0, dim);
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
         * AdaGrad step on word i's composed vector, spread over its features in proportion to 1/uses(g) (the
         * Jacobi preconditioner of the composition): the word's own composed vector moves by exactly the step,
         * and a feature shared by many words moves by about the average of their steps, never their sum.
         */
        private void step(int i, float[] c, float[] grad, float[] z) {
            int o = i * dim;
            int from = f.offsets()[i];
            int to = f.offsets()[i + 1];
            for (int k = 0; k < dim; k++) {
                float gk = grad[k];
                float h = acc[o + k] + gk * gk;
                acc[o + k] = h;
                float s = eta * gk / (float) Math.sqrt(h + 1e-8f);
                if (Float.isFinite(s)) {
                    grad[k] = s;
                    c[k] -= s;
                } else {
                    grad[k] = 0;
                }
            }
            for (int p = from; p < to; p++) {
                VectorOps.axpy(-share[p], grad, 0, z, f.ids()[p] * dim, dim);
            }
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
