package yuelao.engine.subword;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.VectorOps;

/**
 * A d x d linear map that reweights the principal directions of trained word vectors, applied to every row of a
 * table after training.
 *
 * <p>With the word vectors' Gram matrix {@code G = sum_w v_w^T v_w = Q diag(s_k^2) Q^T} (s_k the singular values of
 * the n x d word matrix, strongest first), the map is {@code T = c Q diag(g) Q^T} with {@code g_k = 0} for the
 * {@code drop} strongest directions and {@code g_k = s_k^(p - 1)} for the others: the word matrix's singular values
 * become {@code c s_k^p}, its singular vectors stay. {@code p < 1} evens out the spectrum (Caron's eigenvalue
 * weighting, the {@code --power} of the closed forms, here after training); dropping the top directions is
 * "all-but-the-top" (Mu and Viswanath, 2018) <b>without its centring</b>, so that the map stays linear. {@code c}
 * keeps the root mean square norm of the word vectors. Optionally the directions and singular values are those of
 * the unit-length rows (every word weighs the same, however large its norm); the subword step uses that.
 *
 * <p>Why linear: the composition of subword vectors is a sum, so {@code (sum_g z_g) T = sum_g (z_g T)}; applying T to
 * every feature row keeps {@code subwords.bin} composing exactly to {@code vectors.bin}, and unseen words get the same
 * map. The price: inner products of the mapped vectors no longer estimate PMI (they did not exactly after the sgns
 * refinement either, whose inner products are with a separate context table); cosine rankings are what it is for.
 */
public final class SpectralReweighting {
    private SpectralReweighting() {}

    /**
     * The map T (d x d, row-major) for the word vectors {@code vectors} (n x d, row-major).
     *
     * @param power p: singular value s becomes c s^p (1 = unchanged)
     * @param drop number of strongest directions mapped to zero (0 <= drop < d)
     * @param unitRows take the principal directions and singular values of the unit-length rows (every word counts
     *     the same, as in the subword fit) rather than of the raw ones; c still keeps the raw rows' mean square norm
     */
    public static double[] map(float[] vectors, int dim, double power, int drop, boolean unitRows, int threads) {
        if (drop < 0 || drop >= dim || !(power >= 0)) {
            throw new IllegalArgumentException("spectral reweighting: need 0 <= drop < dim and power >= 0");
        }
        int n = vectors.length / dim;
        double[] raw = gram(vectors, n, dim, false, threads);
        double[] basis = unitRows ? gram(vectors, n, dim, true, threads) : raw;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!eig.decompose(new DMatrixRMaj(dim, dim, true, basis))) {
            throw new IllegalStateException("spectral reweighting: the eigendecomposition of the Gram matrix failed");
        }
        // order the eigenpairs by eigenvalue s_k^2, strongest first
        Integer[] order = new Integer[dim];
        double[] lambda = new double[dim];
        for (int k = 0; k < dim; k++) {
            order[k] = k;
            lambda[k] = Math.max(0, eig.getEigenvalue(k).getReal());
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
        double[] t = new double[dim * dim];
        for (int r = drop; r < dim; r++) {
            int k = order[r];
            if (lambda[k] == 0) {
                continue;
            }
            DMatrixRMaj q = eig.getEigenVector(k);
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                norm += q.get(i) * q.get(i);
            }
            double w = Math.pow(Math.sqrt(lambda[k]), power - 1) / norm; // q q^T / |q|^2 whatever EJML's scaling
            for (int i = 0; i < dim; i++) {
                double wi = w * q.get(i);
                for (int j = 0; j < dim; j++) {
                    t[i * dim + j] += wi * q.get(j);
                }
            }
        }
        // c: trace(T^T G T) = trace(G), the raw rows' mean square norm kept
        double before = 0;
        double after = 0;
        for (int i = 0; i < dim; i++) {
            before += raw[i * dim + i];
            for (int j = 0; j < dim; j++) {
                double gt = 0; // (G T)_ij
                for (int k = 0; k < dim; k++) {
                    gt += raw[i * dim + k] * t[k * dim + j];
                }
                after += t[i * dim + j] * gt; // (T^T G T)_jj summed over j
            }
        }
        double c = after > 0 ? Math.sqrt(before / after) : 0;
        for (int k = 0; k < t.length; k++) {
            t[k] *= c;
        }
        return t;
    }

    /** Replaces every row x of {@code rows} (m x d) by x T, in place. */
    public static void apply(float[] rows, int dim, double[] map, int threads) {
        float[] t = new float[map.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = (float) map[k];
        }
        int m = rows.length / dim;
        Parallel.run(threads, Parallel.even(m, Math.max(1, threads * 8)), (part, from, to) -> {
            float[] out = new float[dim];
            for (int r = from; r < to; r++) {
                java.util.Arrays.fill(out, 0f);
                int ro = r * dim;
                for (int i = 0; i < dim; i++) {
                    float x = rows[ro + i];
                    if (x != 0) {
                        VectorOps.axpy(x, t, i * dim, out, 0, dim);
                    }
                }
                System.arraycopy(out, 0, rows, ro, dim);
            }
        });
    }

    /**
     * G = V^T V (of the unit-length rows if {@code unit}) in double precision; fixed chunks added in order, so the
     * result does not depend on the thread count.
     */
    private static double[] gram(float[] v, int n, int dim, boolean unit, int threads) {
        int[] bounds = Parallel.even(n, 64);
        double[][] partial = new double[bounds.length - 1][];
        Parallel.run(threads, bounds, (part, from, to) -> {
            double[] g = new double[dim * dim];
            double[] row = new double[dim];
            for (int r = from; r < to; r++) {
                double ss = 0;
                for (int i = 0; i < dim; i++) {
                    row[i] = v[r * dim + i];
                    ss += row[i] * row[i];
                }
                if (unit && ss > 0) {
                    double inv = 1 / Math.sqrt(ss);
                    for (int i = 0; i < dim; i++) {
                        row[i] *= inv;
                    }
                }
                for (int i = 0; i < dim; i++) {
                    if (row[i] != 0) {
                        VectorOps.axpy(row[i], row, 0, g, i * dim, dim);
                    }
                }
            }
            partial[part] = g;
        });
        double[] g = new double[dim * dim];
        for (double[] p : partial) {
            for (int k = 0; k < g.length; k++) {
                g[k] += p[k];
            }
        }
        return g;
    }
}
