package yuelao.engine.query;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The "similarity" route of docs/method.md section 4 for a context set of the K most frequent words.
 *
 * <p>The profile of word a is p_a(k) = &lt;v_a, v_k&gt; over k &lt; K. Its mean is &lt;v_a, vbar&gt;, so the
 * centred profile is &lt;v_a, v_k - vbar&gt; and K times the covariance of two profiles is v_a S v_b^T with
 * S = sum_k (v_k - vbar)^T (v_k - vbar) (d x d). With S = L L^T (Cholesky), Pearson(p_a, p_b) =
 * cos(v_a L, v_b L). This class holds L and the unit-normalised rows v_i L of every word, so a similarity
 * search is a cosine search over {@link #projected()}.
 *
 * <p>If S is not positive definite (K &lt;= d, or degenerate vectors), eps I is added with eps starting at
 * 1e-10 * trace(S) / d and growing tenfold until Cholesky succeeds; {@link #epsilon()} reports it (0 when
 * none was needed), and the correlation is then approximate.
 */
final class SimilarityBasis {
    private final int contextWords;
    private final double[] lower;
    private final double epsilon;
    private final RowTable projected;

    private SimilarityBasis(int contextWords, double[] lower, double epsilon, RowTable projected) {
        this.contextWords = contextWords;
        this.lower = lower;
        this.epsilon = epsilon;
        this.projected = projected;
    }

    static SimilarityBasis build(RowTable raw, int contextWords) {
        int d = raw.dim();
        int kk = Math.min(contextWords, raw.rows());
        double[] mean = new double[d];
        for (int i = 0; i < kk; i++) {
            for (int a = 0; a < d; a++) {
                mean[a] += raw.get(i, a);
            }
        }
        for (int a = 0; a < d; a++) {
            mean[a] /= Math.max(1, kk);
        }
        // S = sum_k (v_k - vbar)^T (v_k - vbar), accumulated centred in double (upper triangle, then mirrored).
        double[] s = new double[d * d];
        double[] c = new double[d];
        for (int i = 0; i < kk; i++) {
            for (int a = 0; a < d; a++) {
                c[a] = raw.get(i, a) - mean[a];
            }
            for (int a = 0; a < d; a++) {
                double ca = c[a];
                int row = a * d;
                for (int b = a; b < d; b++) {
                    s[row + b] += ca * c[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                s[a * d + b] = s[b * d + a];
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            trace += s[a * d + a];
        }
        double eps = 0;
        double step = trace > 0 ? 1e-10 * trace / d : 1e-10;
        DMatrixRMaj l = null;
        for (int attempt = 0; attempt < 40 && l == null; attempt++) {
            DMatrixRMaj m = new DMatrixRMaj(d, d, true, s);
            if (eps > 0) {
                for (int a = 0; a < d; a++) {
                    m.add(a, a, eps);
                }
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
            if (chol.decompose(m) && finite(chol.getT(null))) {
                l = chol.getT(null);
            } else {
                eps = eps == 0 ? step : eps * 10;
            }
        }
        if (l == null) {
            throw new IllegalStateException("the context covariance is not positive definite even with a ridge");
        }
        double[] lo = l.getData();
        // projected row i = unit(v_i L): (v L)_j = sum_{a >= j} v_a L[a][j] (L is lower triangular).
        RowTable out = RowTable.allocate(raw.rows(), d, raw.rowsPerChunk() * raw.stride());
        double[] p = new double[d];
        for (int i = 0; i < raw.rows(); i++) {
            java.util.Arrays.fill(p, 0);
            for (int a = 0; a < d; a++) {
                double va = raw.get(i, a);
                if (va != 0) {
                    int row = a * d;
                    for (int j = 0; j <= a; j++) {
                        p[j] += va * lo[row + j];
                    }
                }
            }
            double ss = 0;
            for (int j = 0; j < d; j++) {
                ss += p[j] * p[j];
            }
            if (ss > 0) {
                double inv = 1 / Math.sqrt(ss);
                for (int j = 0; j < d; j++) {
                    out.set(i, j, (float) (p[j] * inv));
                }
            }
        }
        return new SimilarityBasis(kk, lo, eps, out);
    }

    private static boolean finite(DMatrixRMaj m) {
        for (double x : m.getData()) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    int contextWords() {
        return contextWords;
    }

    double epsilon() {
        return epsilon;
    }

    /** A copy of L, row-major d x d, lower triangular. */
    double[] lower() {
        return lower.clone();
    }

    /** Unit-normalised v_i L for every word i. */
    RowTable projected() {
        return projected;
    }
}
