package yuelao.engine.subword;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStoreDirectory;

/** The closed-form fit of the feature table ({@link SubwordTrainer#fit}). */
class SubwordFitTest {
    @TempDir
    Path tmp;

    /** The fit is deterministic: the same feature table for any thread count; and it solves the normal equations. */
    @Test
    void fitIsTheSameForAnyThreadCountAndSolvesTheNormalEquations() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 31, 500, 80, 4, WindowWeighting.UNIFORM, 2);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 4, 5003, SubwordFeatures.Scheme.LATIN), true, 1);
            Random rnd = new Random(1);
            int dim = 7;
            float[] u = new float[words.length * dim];
            for (int k = 0; k < u.length; k++) {
                u[k] = (float) rnd.nextGaussian();
            }
            double ridge = 3;
            int iterations = 15;
            float[] one = SubwordTrainer.fit(f, u, null, dim, ridge, iterations, 1, it -> {});
            for (int threads : new int[] {2, 3}) {
                assertArrayEquals(one, SubwordTrainer.fit(f, u, null, dim, ridge, iterations, threads, it -> {}), "threads " + threads);
            }
            // the fit solves the normal equations: with ridge 0 and own ids the compositions reproduce u
            float[] exact = f.compose(SubwordTrainer.fit(f, u, null, dim, 0, iterations, 2, it -> {}), dim, 2);
            assertArrayEquals(u, exact, 1e-3f);
        }
    }
}
