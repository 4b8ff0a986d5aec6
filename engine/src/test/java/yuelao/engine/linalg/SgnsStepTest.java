package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SGNS step against a brute-force double reference of its formula (z = &lt;h, c&gt; - log k + b, g = lr (y -
 * sigma(z)), acc += g c, c += g h from the values before the step), for both flavours, both labels, lengths 1 to
 * 40 (every SIMD tail), with the input's step accumulated in a buffer (the subword refinement) or applied to the
 * input itself (word-level sgns); and the Vector API variant against the scalar one.
 *
 * <p>Tolerances: the float dot product's rounding bound on z (see {@link VectorOpsTest#dotTolerance}), carried
 * through sigma (slope at most 1/4) into g with the float sigmoid's own rounding, then one float rounding per
 * update; the tabulated sigmoid is compared with the table itself, so its own error (up to .004) is not in the bound.
 * The two variants differ by fused multiply-adds and the dot product's order only, so they are held to the same
 * bound rather than to equal bits.
 */
class SgnsStepTest {
    private static final double NEGATIVES = 5;
    private static final double OFFSET = 0.3;

    @Test
    void exactStepIsItsFormulaInBothVariants() {
        checkAgainstReference(SgnsStep.exact(NEGATIVES, OFFSET), false, 11);
    }

    @Test
    void tabulatedStepIsItsFormulaInBothVariants() {
        checkAgainstReference(SgnsStep.tabulated(), true, 12);
    }

    private static void checkAgainstReference(SgnsStep step, boolean tabulated, long seed) {
        Random rnd = new Random(seed);
        for (int n = 1; n <= 40; n++) {
            for (float y : new float[] {1f, 0f}) {
                for (boolean inPlace : new boolean[] {false, true}) {
                    float[] h = scaled(VectorOpsTest.random(rnd, n + 3), 0.4f);
                    float[] c = scaled(VectorOpsTest.random(rnd, n + 5), 0.4f);
                    float[] buffer = scaled(VectorOpsTest.random(rnd, n + 2), 0.1f);
                    int ho = 3;
                    int co = rnd.nextInt(6);
                    int ao = inPlace ? ho : 2;
                    float lr = 0.05f;
                    double dot = 0;
                    double abs = 0;
                    for (int k = 0; k < n; k++) {
                        dot += (double) h[ho + k] * c[co + k];
                        abs += Math.abs((double) h[ho + k] * c[co + k]);
                    }
                    double z = tabulated ? dot : dot - Math.log(NEGATIVES) + OFFSET;
                    double zTol = VectorOpsTest.dotTolerance(n, abs) + 4 * Math.ulp((float) z);
                    double p = tabulated ? Logistic.tabulatedSigmoid((float) z) : Logistic.sigmoid(z);
                    double g = lr * (y - p);
                    // z's error through sigma (slope <= 1/4), the float sigmoid's own rounding (a few ulps of 1), g's rounding
                    double gTol = (tabulated ? 0 : lr * (zTol / 4 + 4 * 0x1p-24)) + 2 * Math.ulp((float) g);
                    double loss = tabulated ? -Math.log(Math.max(1e-7, y > 0 ? p : 1 - p))
                            : y == 1 ? Logistic.softplus(-z) : Logistic.softplus(z);
                    if (tabulated && Math.abs(z * 64 - Math.rint(z * 64)) < 64 * zTol) {
                        continue; // z within rounding of a table step: the variants may pick neighbouring entries
                    }
                    for (int variant = 0; variant < 2; variant++) {
                        float[] hh = h.clone();
                        float[] cc = c.clone();
                        float[] acc = inPlace ? hh : buffer.clone();
                        double reported = variant == 0 ? step.applyVector(hh, ho, acc, ao, cc, co, n, y, lr, true)
                                : step.applyScalar(hh, ho, acc, ao, cc, co, n, y, lr, true);
                        String what = (variant == 0 ? "vector" : "scalar") + (tabulated ? " tabulated" : " exact") + " n " + n + " y " + y
                                + (inPlace ? " in place" : " buffered");
                        assertEquals(loss, reported, 1e-5 + 1e-4 * loss, "loss " + what);
                        for (int k = 0; k < n; k++) {
                            float a0 = inPlace ? h[ho + k] : buffer[ao + k];
                            double expectAcc = a0 + g * c[co + k];
                            double expectC = c[co + k] + g * h[ho + k];
                            assertEquals(expectAcc, acc[ao + k], gTol * Math.abs(c[co + k]) + 2 * Math.ulp((float) expectAcc), "acc " + k + " " + what);
                            assertEquals(expectC, cc[co + k], gTol * Math.abs(h[ho + k]) + 2 * Math.ulp((float) expectC), "c " + k + " " + what);
                        }
                        assertUntouchedOutside(c, cc, co, n, what + " (context)");
                        if (!inPlace) {
                            assertArrayEquals(h, hh, "the input itself is read only: " + what);
                            assertUntouchedOutside(buffer, acc, ao, n, what + " (buffer)");
                        } else {
                            assertUntouchedOutside(h, hh, ho, n, what + " (input)");
                        }
                    }
                }
            }
        }
    }

    /** The step moves toward the label: the event's loss falls for a small rate; report false gives 0 and still steps. */
    @Test
    void aSmallStepLowersTheEventsLossAndReportingIsOptional() {
        Random rnd = new Random(3);
        for (SgnsStep step : new SgnsStep[] {SgnsStep.exact(NEGATIVES, OFFSET), SgnsStep.tabulated()}) {
            for (float y : new float[] {1f, 0f}) {
                float[] h = scaled(VectorOpsTest.random(rnd, 19), 0.5f);
                float[] c = scaled(VectorOpsTest.random(rnd, 19), 0.5f);
                double before = step.loss(h, 0, c, 0, 19, y);
                float[] c1 = c.clone();
                float[] h1 = h.clone();
                assertEquals(0.0, step.apply(h1, 0, h1, 0, c1, 0, 19, y, 0.01f, false), "no report, no loss");
                assertFalse(java.util.Arrays.equals(c, c1), "the step was taken");
                assertTrue(step.loss(h1, 0, c1, 0, 19, y) < before, "loss " + before + " -> " + step.loss(h1, 0, c1, 0, 19, y));
            }
        }
    }

    /** A rate that makes g infinite or NaN changes nothing and reports 0 (word-level sgns skips such events). */
    @Test
    void aNonFiniteStepChangesNothing() {
        Random rnd = new Random(4);
        float[] h = VectorOpsTest.random(rnd, 21);
        float[] c = VectorOpsTest.random(rnd, 21);
        for (float lr : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            for (int variant = 0; variant < 2; variant++) {
                float[] hh = h.clone();
                float[] cc = c.clone();
                SgnsStep step = SgnsStep.exact(NEGATIVES, OFFSET);
                double r = variant == 0 ? step.applyVector(hh, 0, hh, 0, cc, 0, 21, 1f, lr, true)
                        : step.applyScalar(hh, 0, hh, 0, cc, 0, 21, 1f, lr, true);
                assertEquals(0.0, r);
                assertArrayEquals(h, hh);
                assertArrayEquals(c, cc);
            }
        }
    }

    private static void assertUntouchedOutside(float[] before, float[] after, int from, int n, String what) {
        for (int k = 0; k < before.length; k++) {
            if (k < from || k >= from + n) {
                assertEquals(before[k], after[k], 0f, "outside the slice, index " + k + ": " + what);
            }
        }
    }

    private static float[] scaled(float[] a, float s) {
        for (int k = 0; k < a.length; k++) {
            a[k] *= s;
        }
        return a;
    }
}
