package yuelao.engine.subword;

import java.util.function.IntConsumer;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.VectorOps;

/**
 * Feature vectors z_g of the subword model (issue 7), with word vectors composed as v_w = sum_{g in F(w)} z_g: the
 * closed-form start. Two steps make the subword model:
 * <ol>
 *   <li>{@link #fit closed-form start} (this class): given word vectors U (the eig closed form), the feature table solving
 *       the ridge least squares {@code min_Z sum_w omega_w |sum_{g in F(w)} z_g - u_w|^2 + ridge sum_g |z_g|^2},
 *       by conjugate gradients on the normal equations (A^T Omega A + ridge I) Z = A^T Omega U, all d columns in
 *       lockstep, started from "own id = u_w, n-grams = 0". Deterministic: every reduction is summed over a
 *       fixed split into {@link #CHUNKS} chunks, whatever the thread count. The ridge moves what words share
 *       into their common n-grams (a word's own id pays for whatever its n-grams cannot explain).
 *   <li>a refinement on the composed vectors (optional): {@link SubwordSgns} (fastText's objective over the
 *       counts, the default loss) or {@link SubwordRefiner} (the seed's weighted squared error).
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
        // r = b - A z with b = A^T Omega U computed into r itself: b is needed only here (one F x dim array less)
        float[] r = transposeTimes(tr, ou, nf, dim, threads, new float[nf * dim]);
        float[] rg = new float[f.features()];
        java.util.Arrays.fill(rg, (float) ridge);
        if (ownRidge != null) {
            for (int w = 0; w < v; w++) {
                rg[w] = (float) ownRidge[w];
            }
        }
        float[] ybuf = new float[v * dim];
        float[] az = apply(f, tr, z, omega, rg, dim, threads, ybuf, new float[nf * dim]);
        for (int k = 0; k < r.length; k++) {
            r[k] = r[k] - az[k];
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
}
