package yuelao.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import yuelao.engine.linalg.BlockOps;
import yuelao.engine.linalg.SparseSymmetric;

/**
 * Truncated eigendecomposition of a sparse symmetric matrix M by randomized subspace iteration with a
 * Rayleigh-Ritz step (Halko, Martinsson and Tropp 2011, with the symmetric finish): Q = orth(random n x b);
 * repeat Q = orth(M Q); then T = Q^T M Q = W diag(theta) W^T and the Ritz vectors U = Q W.
 *
 * <p>docs/method.md section 3 (closed form): the symmetric route keeps the d largest <b>positive</b> eigenvalues,
 * V = U_d diag(theta_d)^p, so that {@code <v_i, v_j> ~ M_ij} with one shared vector set (negative
 * directions cannot be represented by shared real vectors). The SVD route keeps the d largest |theta| (for a
 * symmetric M the singular values are |theta| and the singular vectors are the eigenvectors), V = U_d
 * diag(|theta_d|)^p. The block has b = d + oversampling columns so that large negative eigenvalues do not
 * crowd out positive ones.
 */
public final class EigenFactorization {
    /** The result: Ritz values (descending) and the n x d vectors. */
    public record Result(double[] eigenvalues, float[] vectors, int dim, double[] residuals) {}

    /** Which directions to keep. */
    public enum Keep {
        /** d largest positive eigenvalues (symmetric route, "eig"). */
        POSITIVE,
        /** d largest |eigenvalue| (SVD route, "svd"). */
        MAGNITUDE
    }

    private EigenFactorization() {}

    /**
     * @param power eigenvalue weighting p (0 = unit-scaled directions, 0.5 = sqrt, 1 = full)
     * @param progress receives the iteration number after each iteration
     */
    public static Result compute(SparseSymmetric m, int dim, int oversample, int iterations, double power, Keep keep, long seed,
            int threads, IntConsumer progress) {
        int n = m.size();
        int b = Math.min(n, dim + oversample);
        int[] chunks = m.chunks();
        double[] q = new double[n * b];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < q.length; k++) {
            q[k] = rnd.nextDouble() - 0.5;
        }
        if (!BlockOps.orthonormalize(q, n, b, chunks, threads)) {
            throw new IllegalStateException("random start block is rank-deficient (vocabulary too small for dimension " + dim + "?)");
        }
        double[] z = new double[n * b];
        for (int it = 0; it < iterations; it++) {
            m.multiply(q, z, b, threads);
            double[] t = q;
            q = z;
            z = t;
            if (!BlockOps.orthonormalize(q, n, b, chunks, threads)) {
                throw new IllegalStateException("the matrix has rank below " + b + ": lower --dim");
            }
            progress.accept(it + 1);
        }
        // Rayleigh-Ritz: T = Q^T (M Q).
        m.multiply(q, z, b, threads);
        double[] t = BlockOps.gram(q, z, n, b, b, chunks, threads);
        for (int i = 0; i < b; i++) { // symmetrise rounding noise
            for (int j = i + 1; j < b; j++) {
                double s = 0.5 * (t[i * b + j] + t[j * b + i]);
                t[i * b + j] = s;
                t[j * b + i] = s;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(b, true, true);
        if (!eig.decompose(new DMatrixRMaj(b, b, true, t))) {
            throw new IllegalStateException("the small eigenproblem failed to converge");
        }
        Integer[] order = new Integer[b];
        double[] theta = new double[b];
        for (int k = 0; k < b; k++) {
            order[k] = k;
            theta[k] = eig.getEigenvalue(k).getReal();
        }
        if (keep == Keep.POSITIVE) {
            Arrays.sort(order, (x, y) -> Double.compare(theta[y], theta[x]));
        } else {
            Arrays.sort(order, (x, y) -> Double.compare(Math.abs(theta[y]), Math.abs(theta[x])));
        }
        double[] w = new double[b * dim];
        double[] values = new double[dim];
        for (int c = 0; c < dim; c++) {
            int k = order[c];
            double lambda = theta[k];
            values[c] = lambda;
            // A non-positive eigenvalue among the top d (symmetric route): its direction is dropped (weight 0).
            double weight = keep == Keep.POSITIVE ? (lambda > 0 ? Math.pow(lambda, power) : 0) : Math.pow(Math.abs(lambda), power);
            DMatrixRMaj vec = eig.getEigenVector(k);
            for (int r = 0; r < b; r++) {
                w[r * dim + c] = vec.get(r, 0) * weight;
            }
        }
        float[] out = floats(BlockOps.times(q, w, n, b, dim, chunks, threads));
        // Residual ||M u - theta u|| / |theta| of each kept Ritz pair: the convergence report. M u goes into z, free since
        // the Rayleigh-Ritz step (n x b >= n x dim): the peak is Q, Z, the result and one n x dim block of doubles.
        double[] residuals = residuals(m, q, z, eig, order, dim, n, b, chunks, threads);
        return new Result(values, out, dim, residuals);
    }

    /** The doubles rounded to floats (the double block becomes garbage on return). */
    private static float[] floats(double[] u) {
        float[] out = new float[u.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) u[k];
        }
        return out;
    }

    /** @param mu scratch of at least n x dim doubles (overwritten) */
    private static double[] residuals(SparseSymmetric m, double[] q, double[] mu, EigenDecomposition_F64<DMatrixRMaj> eig, Integer[] order,
            int dim, int n, int b, int[] chunks, int threads) {
        double[] w = new double[b * dim];
        for (int c = 0; c < dim; c++) {
            DMatrixRMaj vec = eig.getEigenVector(order[c]);
            for (int r = 0; r < b; r++) {
                w[r * dim + c] = vec.get(r, 0);
            }
        }
        double[] u = BlockOps.times(q, w, n, b, dim, chunks, threads);
        m.multiply(u, mu, dim, threads);
        double[] res = new double[dim];
        double[] norm = new double[dim];
        for (int c = 0; c < dim; c++) {
            double theta = eig.getEigenvalue(order[c]).getReal();
            double s = 0;
            for (int r = 0; r < n; r++) {
                double d = mu[r * dim + c] - theta * u[r * dim + c];
                s += d * d;
            }
            res[c] = Math.sqrt(s) / Math.max(1e-300, Math.abs(theta));
            norm[c] = theta;
        }
        return res;
    }
}
