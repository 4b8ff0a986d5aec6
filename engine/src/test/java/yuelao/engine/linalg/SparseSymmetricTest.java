package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreDirectory;

/** The sparse mat-vec against a dense product built from the store's entries, and its independence from the threads. */
class SparseSymmetricTest {
    @TempDir
    Path tmp;

    @Test
    void multiplyIsTheDenseProductAndTheSameForAnyThreadCount() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 5, 400, 70, 3, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            CountStore c = dir.counts();
            int n = c.vocabSize();
            // entries from (row, column, count): some exact zeros, signs both ways
            SparseSymmetric.EntryFunction f = (i, j, x) -> (i + j) % 5 == 0 ? 0f : (float) (Math.log1p(x) * ((i * 7 + j * 7) % 3 - 1));
            try (SparseSymmetric m = new SparseSymmetric(c, f)) {
                assertEquals(n, m.size());
                double[][] dense = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (long k = c.rowStart(i); k < c.rowEnd(i); k++) {
                        dense[i][c.column(k)] = f.value(i, c.column(k), c.value(k));
                        assertEquals(dense[i][c.column(k)], m.value(k), 0.0, "entry " + k);
                    }
                }
                Random rnd = new Random(9);
                for (int b : new int[] {1, 3, 4, 7, 9}) { // block widths below, at and beyond a double lane group
                    double[] x = new double[n * b];
                    for (int k = 0; k < x.length; k++) {
                        x[k] = rnd.nextGaussian();
                    }
                    double[] one = new double[n * b];
                    java.util.Arrays.fill(one, Double.NaN); // every output is written, none accumulated onto
                    m.multiply(x, one, b, 1);
                    for (int i = 0; i < n; i++) {
                        for (int col = 0; col < b; col++) {
                            double want = 0;
                            double abs = 0;
                            for (int j = 0; j < n; j++) {
                                want += dense[i][j] * x[j * b + col];
                                abs += Math.abs(dense[i][j] * x[j * b + col]);
                            }
                            assertEquals(want, one[i * b + col], 1e-14 * abs + 1e-300, "row " + i + " column " + col + " width " + b);
                        }
                    }
                    for (int threads : new int[] {2, 3, 5}) {
                        double[] y = new double[n * b];
                        m.multiply(x, y, b, threads);
                        assertArrayEquals(one, y, "threads " + threads + " width " + b);
                    }
                }
                int[] chunks = m.chunks();
                assertEquals(0, chunks[0]);
                assertEquals(n, chunks[chunks.length - 1]);
                assertTrue(chunks.length - 1 <= SparseSymmetric.CHUNKS);
            }
        }
    }
}
