package yuelao.engine.train;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.train.TrainFixtures.assertAllFinite;
import static yuelao.engine.train.TrainFixtures.closedForm;
import static yuelao.engine.train.TrainFixtures.readVectors;
import static yuelao.engine.train.TrainFixtures.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreDirectory;

/** The closed forms (eig, svd) and the eig start, against a dense decomposition and their own algebra. */
class EigenTrainingTest {
    @TempDir
    Path tmp;

    /** eig (top positive eigenpairs) and svd (top by magnitude) equal a dense EJML decomposition of the same PPMI matrix. */
    @Test
    void closedFormsMatchDenseDecomposition() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 21, 600, 60, 4, WindowWeighting.UNIFORM, 2);
        for (TrainSettings.Method m : new TrainSettings.Method[] {TrainSettings.Method.EIG, TrainSettings.Method.SVD}) {
            for (double p : new double[] {0.5, 0.25}) {
                int dim = 6;
                Path out = tmp.resolve("vec-" + m + p);
                train(store, out, closedForm(m, p).dim(dim).build());
                float[] got = readVectors(out);
                try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
                    PmiView ppmi = PmiView.of(dir, new PmiOptions(PmiMeasure.PPMI, 1, 0.75, 0, PmiOptions.Marginals.UNIGRAM));
                    CountStore c = dir.counts();
                    int n = c.vocabSize();
                    DMatrixRMaj a = new DMatrixRMaj(n, n);
                    for (int i = 0; i < n; i++) {
                        for (long k = c.rowStart(i); k < c.rowEnd(i); k++) {
                            int j = c.column(k);
                            if (i != j) {
                                a.set(i, j, ppmi.value(i, j, c.units(k) / (double) c.scale()));
                            }
                        }
                    }
                    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
                    assertTrue(eig.decompose(a.copy()));
                    Integer[] order = new Integer[n];
                    for (int q = 0; q < n; q++) {
                        order[q] = q;
                    }
                    boolean magnitude = m == TrainSettings.Method.SVD;
                    Arrays.sort(order, (x, y) -> Double.compare(key(eig.getEigenvalue(y).real, magnitude), key(eig.getEigenvalue(x).real, magnitude)));
                    // Gram matrices are invariant to the sign and rotation freedom of the eigenvectors: compare those.
                    double[][] want = new double[n][n];
                    for (int q = 0; q < dim; q++) {
                        double lambda = eig.getEigenvalue(order[q]).real;
                        DMatrixRMaj vec = eig.getEigenVector(order[q]);
                        double norm = 0;
                        for (int i = 0; i < n; i++) {
                            norm += vec.get(i) * vec.get(i);
                        }
                        double wq = Math.pow(Math.abs(lambda), 2 * p) / norm;
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j < n; j++) {
                                want[i][j] += wq * vec.get(i) * vec.get(j);
                            }
                        }
                    }
                    double maxAbs = 0;
                    double maxErr = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double g = 0;
                            for (int k = 0; k < dim; k++) {
                                g += (double) got[i * dim + k] * got[j * dim + k];
                            }
                            maxAbs = Math.max(maxAbs, Math.abs(want[i][j]));
                            maxErr = Math.max(maxErr, Math.abs(g - want[i][j]));
                        }
                    }
                    assertTrue(maxErr < 1e-4 * maxAbs, m + " p " + p + ": Gram error " + maxErr + " of " + maxAbs);
                }
            }
        }
    }

    private static double key(double lambda, boolean magnitude) {
        return magnitude ? Math.abs(lambda) : lambda;
    }

    /** The eig start with contexts: W C^T = Q diag(lambda) Q^T for any p, that is W (p) times C (p) = W(.5) W(.5)^T. */
    @Test
    void eigContextStartFactorsTheSameMatrix() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 17, 400, 60, 4, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            int dim = 6;
            float[][] half = EigenTraining.eigStart(dir, eigStart(dim, 0.5), true);
            float[][] quarter = EigenTraining.eigStart(dir, eigStart(dim, 0.25), true);
            assertArrayEquals(half[0], half[1], 1e-6f, "p = .5: C = W");
            int n = dir.counts().vocabSize();
            for (int i = 0; i < n; i += 7) {
                for (int j = 0; j < n; j += 5) {
                    double a = 0;
                    double b = 0;
                    for (int k = 0; k < dim; k++) {
                        a += half[0][i * dim + k] * half[1][j * dim + k];
                        b += quarter[0][i * dim + k] * quarter[1][j * dim + k];
                    }
                    assertEquals(a, b, 1e-4 + 1e-3 * Math.abs(a), "(" + i + ", " + j + ")");
                }
            }
        }
    }

    /** The settings of an eig start: power p, 20 iterations with oversampling 10, seed 3, two threads. */
    private static TrainSettings eigStart(int dim, double power) {
        return TrainSettings.builder().method(TrainSettings.Method.SGNS).dim(dim).seed(3).threads(2)
                .closedForm(ClosedFormSettings.builder().power(power).iterations(20).oversample(10).build()).build();
    }

    /** Extreme counts (one pair seen a million times beside singletons) never put NaN or Inf in a closed form's output. */
    @Test
    void noNonFiniteValuesWithExtremeCounts() throws IOException {
        Path store = TrainFixtures.extremeStore(tmp);
        for (TrainSettings o : new TrainSettings[] {closedForm(TrainSettings.Method.EIG, 0.5).dim(8).build(),
            closedForm(TrainSettings.Method.SVD, 0).dim(8).build()}) {
            Path out = tmp.resolve("x-" + o.method());
            train(store, out, o);
            assertAllFinite(out, o.method().id());
        }
    }
}
