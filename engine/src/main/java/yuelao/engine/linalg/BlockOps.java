package yuelao.engine.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Tall-skinny dense blocks (n x b, row-major double[]) for the closed-form routes: Gram matrices,
 * orthonormalisation by CholeskyQR2, products with small b x c matrices. The tall dimension is split into
 * fixed chunks whose partial sums are added in chunk order, so results are the same for any thread count.
 * EJML does the small b x b parts.
 */
public final class BlockOps {
    private BlockOps() {}

    /** A^T B (b x c) for tall A (n x b) and B (n x c). */
    public static double[] gram(double[] a, double[] bm, int n, int b, int c, int[] chunks, int threads) {
        int parts = chunks.length - 1;
        double[][] partial = new double[parts][b * c];
        Parallel.run(threads, chunks, (t, from, to) -> {
            double[] g = partial[t];
            for (int r = from; r < to; r++) {
                int ao = r * b;
                int bo = r * c;
                for (int p = 0; p < b; p++) {
                    double ap = a[ao + p];
                    if (ap != 0) {
                        VectorOps.axpy(ap, bm, bo, g, p * c, c);
                    }
                }
            }
        });
        double[] out = new double[b * c];
        for (double[] g : partial) {
            for (int k = 0; k < out.length; k++) {
                out[k] += g[k];
            }
        }
        return out;
    }

    /** Y = A W for tall A (n x b) and small W (b x c). */
    public static double[] times(double[] a, double[] w, int n, int b, int c, int[] chunks, int threads) {
        double[] y = new double[n * c];
        Parallel.run(threads, chunks, (t, from, to) -> {
            for (int r = from; r < to; r++) {
                for (int p = 0; p < b; p++) {
                    double ap = a[r * b + p];
                    if (ap != 0) {
                        VectorOps.axpy(ap, w, p * c, y, r * c, c);
                    }
                }
            }
        });
        return y;
    }

    /**
     * Orthonormalises the columns of A (n x b) in place by CholeskyQR2: twice A <- A R^-1 with R^T R = A^T A.
     * Returns false if A^T A is not positive definite (rank-deficient A): the caller re-randomises.
     */
    public static boolean orthonormalize(double[] a, int n, int b, int[] chunks, int threads) {
        for (int pass = 0; pass < 2; pass++) {
            double[] g = gram(a, a, n, b, b, chunks, threads);
            DMatrixRMaj gm = new DMatrixRMaj(b, b, true, g);
            // A tiny ridge keeps the factorisation alive for nearly dependent columns; the second pass repairs it.
            double trace = CommonOps_DDRM.trace(gm);
            for (int k = 0; k < b; k++) {
                gm.add(k, k, 1e-14 * trace / b);
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(b, false);
            if (!chol.decompose(gm)) {
                return false;
            }
            DMatrixRMaj r = chol.getT(null); // upper triangular, R^T R = G
            DMatrixRMaj rInv = new DMatrixRMaj(b, b);
            if (!CommonOps_DDRM.invert(r, rInv)) {
                return false;
            }
            double[] q = times(a, rInv.data, n, b, b, chunks, threads);
            System.arraycopy(q, 0, a, 0, q.length);
        }
        return true;
    }
}
