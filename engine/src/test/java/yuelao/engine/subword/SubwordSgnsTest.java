package yuelao.engine.subword;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.subword.SubwordFixtures.dimAndSeed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStoreDirectory;

/** The sgns refinement of the subword model: its exact loss's gradient, and SGD on sampled events against that loss. */
class SubwordSgnsTest {
    @TempDir
    Path tmp;

    /** fastText's noise power .5 and 5 negatives. */
    private static final double NOISE_POWER = 0.5;
    private static final int NEGATIVES = 5;

    /** The sgns refinement at rate .05 with 5 negatives drawn by n^.5, {@code contextsPerVisit} contexts per row visit. */
    private static SubwordSettings sgns(int contextsPerVisit) {
        return SubwordSettings.builder().refinementEpochs(8).sgnsLr(0.05).sgnsNegatives(NEGATIVES).noisePower(NOISE_POWER)
                .contextsPerVisit(contextsPerVisit).build();
    }

    /** The sgns refinement's exact loss: its gradient through the composition (and for the contexts) against finite differences. */
    @Test
    void sgnsGradientThroughCompositionMatchesFiniteDifferences() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 12, 300, 30, 3, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 3, 997, SubwordFeatures.Scheme.LATIN), true, 1);
            int dim = 4;
            Random rnd = new Random(5);
            float[] z = new float[f.features() * dim];
            float[] ctx = new float[words.length * dim];
            for (int k = 0; k < z.length; k++) {
                z[k] = (float) rnd.nextGaussian() * 0.2f;
            }
            for (int k = 0; k < ctx.length; k++) {
                ctx[k] = (float) rnd.nextGaussian() * 0.3f;
            }
            float[] gz = new float[z.length];
            float[] gc = new float[ctx.length];
            SubwordSgns.loss(f, dir.counts(), z, ctx, dim, NEGATIVES, 0.75, gz, gc);
            int checked = 0;
            for (int trial = 0; trial < 60; trial++) {
                boolean onZ = trial % 2 == 0;
                float[] a = onZ ? z : ctx;
                float[] g = onZ ? gz : gc;
                int k = rnd.nextInt(a.length);
                float saved = a[k];
                float h = 1e-2f;
                a[k] = saved + h;
                double lp = SubwordSgns.loss(f, dir.counts(), z, ctx, dim, NEGATIVES, 0.75, null, null);
                a[k] = saved - h;
                double lm = SubwordSgns.loss(f, dir.counts(), z, ctx, dim, NEGATIVES, 0.75, null, null);
                a[k] = saved;
                double fd = (lp - lm) / (2 * h);
                assertEquals(fd, g[k], 2e-2 * Math.max(1, Math.abs(fd)), (onZ ? "feature" : "context") + " coordinate " + k);
                if (Math.abs(g[k]) > 1e-3) {
                    checked++;
                }
            }
            assertTrue(checked > 20, "too few coordinates with a gradient: " + checked);
        }
    }

    /** SGD on the sampled events lowers the exact sgns loss; with one thread the same seed gives the same tables. */
    @Test
    void sgnsRefinementLowersTheExactLossAndIsDeterministicWithOneThread() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 13, 400, 40, 3, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            String[] words = dir.vocabulary().words();
            SubwordFeatures f = SubwordFeatures.build(words, new SubwordFeatures.Spec(2, 3, 997, SubwordFeatures.Scheme.LATIN), true, 1);
            int dim = 6;
            int epochs = 8;
            Random rnd = new Random(8);
            float[] z0 = new float[f.features() * dim];
            for (int k = 0; k < z0.length; k++) {
                z0[k] = (float) rnd.nextGaussian() * 0.05f;
            }
            float[] ctx0 = new float[words.length * dim];
            double before = SubwordSgns.loss(f, dir.counts(), z0, ctx0, dim, NEGATIVES, NOISE_POWER, null, null);
            float[][] runs = new float[2][];
            float[][] ctxs = new float[2][];
            for (int r = 0; r < 2; r++) {
                float[] z = z0.clone();
                float[] ctx = ctx0.clone();
                new SubwordSgns(f, dir.counts(), dimAndSeed(dim, 21), sgns(16)).train(z, ctx, epochs, 1, 1, st -> {});
                runs[r] = z;
                ctxs[r] = ctx;
            }
            assertArrayEquals(runs[0], runs[1]);
            assertArrayEquals(ctxs[0], ctxs[1]);
            double after = SubwordSgns.loss(f, dir.counts(), runs[0], ctxs[0], dim, NEGATIVES, NOISE_POWER, null, null);
            assertTrue(after < 0.9 * before, "loss " + before + " -> " + after);
            // another seed draws other events
            float[] z = z0.clone();
            new SubwordSgns(f, dir.counts(), dimAndSeed(dim, 22), sgns(16)).train(z, ctx0.clone(), epochs, 1, 1, st -> {});
            assertFalse(java.util.Arrays.equals(z, runs[0]));
            // fewer contexts per visit: more visits, same objective
            float[] z3 = z0.clone();
            float[] ctx3 = ctx0.clone();
            new SubwordSgns(f, dir.counts(), dimAndSeed(dim, 21), sgns(3)).train(z3, ctx3, epochs, 1, 1, st -> {});
            double after3 = SubwordSgns.loss(f, dir.counts(), z3, ctx3, dim, NEGATIVES, NOISE_POWER, null, null);
            assertTrue(after3 < 0.9 * before, "3 contexts per visit: loss " + before + " -> " + after3);
            // no contexts per visit is refused before a trainer exists, naming the option
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgns(0));
            assertTrue(e.getMessage().startsWith("--subword-contexts-per-visit"), e.getMessage());
        }
    }
}
