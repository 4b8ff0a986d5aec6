package yuelao.engine.subword;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.subword.SubwordFixtures.dimAndSeed;
import static yuelao.engine.subword.SubwordFixtures.eig;
import static yuelao.engine.subword.SubwordFixtures.pmiRefined;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.vectors.SubwordFile;
import yuelao.storage.vectors.VectorsFile;

/** The pmi refinement of the subword model: its loss's gradient through the composition, its descent, its determinism. */
class SubwordRefinerTest {
    @TempDir
    Path tmp;

    /** Targets log(1 + x) - 1 and weights min(1, (x/10)^.75): a smooth synthetic objective. */
    private static final SubwordRefiner.PairValues VALUES = new SubwordRefiner.PairValues() {
        @Override
        public float target(int i, int j, double x) {
            return (float) Math.log1p(x) - 1;
        }

        @Override
        public float weight(int i, int j, double x) {
            return (float) Math.min(1, Math.pow(x / 10, 0.75));
        }
    };

    /** The pmi refinement at AdaGrad rate .05, without negatives, four records per step. */
    private static SubwordSettings refinement() {
        return SubwordSettings.builder().loss(SubwordSettings.Loss.PMI).refinementEpochs(5).pmiLr(0.05).pmiNegatives(0).pmiBatch(4).build();
    }

    /** The exact gradient through the composition against central finite differences of the loss; the refinement lowers the loss. */
    @Test
    void gradientThroughCompositionMatchesFiniteDifferencesAndTheRefinementLowersTheLoss() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 11, 300, 40, 3, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 3, 997, SubwordFeatures.Scheme.LATIN), true, 1);
            int dim = 5;
            Random rnd = new Random(3);
            float[] z = new float[f.features() * dim];
            for (int k = 0; k < z.length; k++) {
                z[k] = (float) rnd.nextGaussian() * 0.1f;
            }
            float[] grad = new float[z.length];
            SubwordRefiner.loss(f, dir.counts(), VALUES, z, dim, grad);
            int checked = 0;
            for (int trial = 0; trial < 40; trial++) {
                int k = rnd.nextInt(z.length);
                float saved = z[k];
                float h = 1e-2f;
                z[k] = saved + h;
                double lp = SubwordRefiner.loss(f, dir.counts(), VALUES, z, dim, null);
                z[k] = saved - h;
                double lm = SubwordRefiner.loss(f, dir.counts(), VALUES, z, dim, null);
                z[k] = saved;
                double fd = (lp - lm) / (2 * h);
                assertEquals(fd, grad[k], 2e-2 * Math.max(1, Math.abs(fd)), "coordinate " + k);
                if (grad[k] != 0) {
                    checked++;
                }
            }
            assertTrue(checked > 10, "too few coordinates with a gradient: " + checked);
            SubwordRefiner r = new SubwordRefiner(f, dir.counts(), VALUES, dimAndSeed(dim, 9), refinement());
            double before = SubwordRefiner.loss(f, dir.counts(), VALUES, z, dim, null);
            for (int e = 1; e <= 5; e++) {
                r.epoch(z, e, 1);
            }
            assertTrue(SubwordRefiner.loss(f, dir.counts(), VALUES, z, dim, null) < before);
        }
    }

    /** With one thread the refinement is deterministic: two trainings write byte-identical files. */
    @Test
    void oneThreadGivesByteIdenticalFiles() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 31, 500, 80, 4, WindowWeighting.UNIFORM, 2);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        SubwordFixtures.train(store, a, eig(6, 1), pmiRefined(2));
        SubwordFixtures.train(store, b, eig(6, 1), pmiRefined(2));
        assertArrayEquals(Files.readAllBytes(a.resolve(VectorsFile.FILE_NAME)), Files.readAllBytes(b.resolve(VectorsFile.FILE_NAME)));
        assertArrayEquals(Files.readAllBytes(a.resolve(SubwordFile.FILE_NAME)), Files.readAllBytes(b.resolve(SubwordFile.FILE_NAME)));
    }
}
