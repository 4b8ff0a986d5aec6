package yuelao.engine.query;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A 2-D picture of a few vectors (a word and its neighbours): principal component analysis of their unit vectors.
 * The unit vectors are centred on their mean; the coordinates of point i on axis a are u_a(i) sqrt(lambda_a), where
 * lambda_a and u_a are the two largest eigenpairs of the centred Gram matrix G = X_c X_c^T (n x n, so the cost is
 * n^2 d + n^3 for n points, independent of the vocabulary). That equals projecting onto the top two principal
 * directions. Each axis is oriented so that its largest coordinate in absolute value is positive (a deterministic
 * picture). {@code explained} holds lambda_a / trace(G).
 */
public final class NeighbourhoodMap {
    private NeighbourhoodMap() {}

    /** The 2-D coordinates of each input row, in input order, and the share of the variance on each axis. */
    public record Projection(double[] x, double[] y, double[] explained) {}

    public static Projection project(List<float[]> rows) {
        int n = rows.size();
        if (n == 0) {
            return new Projection(new double[0], new double[0], new double[] {0, 0});
        }
        int d = rows.get(0).length;
        double[][] u = new double[n][d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] r = rows.get(i);
            double ss = 0;
            for (float v : r) {
                ss += (double) v * v;
            }
            double inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
            for (int k = 0; k < d; k++) {
                u[i][k] = r[k] * inv;
                mean[k] += u[i][k] / n;
            }
        }
        for (double[] ui : u) {
            for (int k = 0; k < d; k++) {
                ui[k] -= mean[k];
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += u[i][k] * u[j][k];
                }
                g.set(i, j, s);
                g.set(j, i, s);
            }
            trace += g.get(i, i);
        }
        double[][] axes = new double[2][n];
        double[] explained = new double[2];
        if (n >= 2 && trace > 0) {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(g)) {
                throw new IllegalStateException("eigendecomposition failed for a " + n + " x " + n + " Gram matrix");
            }
            int[] order = topTwo(eig, n);
            for (int a = 0; a < 2; a++) {
                if (order[a] < 0) {
                    continue;
                }
                double lambda = Math.max(0, eig.getEigenvalue(order[a]).getReal());
                DMatrixRMaj vec = eig.getEigenVector(order[a]);
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += vec.get(i) * vec.get(i);
                }
                double scale = norm > 0 ? Math.sqrt(lambda / norm) : 0;
                int extreme = 0;
                for (int i = 0; i < n; i++) {
                    axes[a][i] = vec.get(i) * scale;
                    if (Math.abs(axes[a][i]) > Math.abs(axes[a][extreme])) {
                        extreme = i;
                    }
                }
                if (axes[a][extreme] < 0) {
                    for (int i = 0; i < n; i++) {
                        axes[a][i] = -axes[a][i];
                    }
                }
                explained[a] = lambda / trace;
            }
        }
        return new Projection(axes[0], axes[1], explained);
    }

    /** The indexes of the two largest real eigenvalues (-1 when there is no second). */
    private static int[] topTwo(EigenDecomposition_F64<DMatrixRMaj> eig, int n) {
        int first = -1;
        int second = -1;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            double v = eig.getEigenvalue(i).getReal();
            if (first < 0 || v > eig.getEigenvalue(first).getReal()) {
                second = first;
                first = i;
            } else if (second < 0 || v > eig.getEigenvalue(second).getReal()) {
                second = i;
            }
        }
        return new int[] {first, n >= 2 ? second : -1};
    }
}
