package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The AdaGrad step against a double reference of its formula (G += g^2; s = eta g / sqrt(G + 1e-8); x -= s; the
 * buffer then holds s) on lengths 0 to 70 at random offsets, and its two variants against each other bit for bit:
 * they do the same float operations per coordinate (no fused multiply-add), so every SIMD lane and the tail must
 * agree exactly, non-finite steps included. The pair step is the row step on the gradients it implies, to the bit.
 */
class AdaGradTest {
    @Test
    void stepIsItsFormulaAndBothVariantsAgreeBitForBit() {
        Random rnd = new Random(21);
        float eta = 0.1f;
        for (int n = 0; n <= 70; n++) {
            int go = rnd.nextInt(4);
            int ao = rnd.nextInt(4);
            int xo = rnd.nextInt(4);
            float[] g = VectorOpsTest.random(rnd, n + 4);
            float[] acc = new float[n + 4];
            for (int k = 0; k < acc.length; k++) {
                acc[k] = 1 + (float) Math.abs(rnd.nextGaussian()) * 3;
            }
            float[] x = VectorOpsTest.random(rnd, n + 4);
            float[][] vg = {g.clone(), g.clone(), g.clone()};
            float[][] va = {acc.clone(), acc.clone(), acc.clone()};
            float[][] vx = {x.clone(), x.clone(), x.clone()};
            AdaGrad.stepVector(eta, vg[0], go, va[0], ao, vx[0], xo, n);
            AdaGrad.stepScalar(eta, vg[1], go, va[1], ao, vx[1], xo, n);
            AdaGrad.step(eta, vg[2], go, va[2], ao, vx[2], xo, n);
            for (int v = 1; v < 3; v++) {
                assertArrayEquals(vg[0], vg[v], "steps, n " + n + " variant " + v);
                assertArrayEquals(va[0], va[v], "accumulators, n " + n + " variant " + v);
                assertArrayEquals(vx[0], vx[v], "parameters, n " + n + " variant " + v);
            }
            for (int k = 0; k < n; k++) {
                double gk = g[go + k];
                double h = acc[ao + k] + gk * gk;
                double s = eta * gk / Math.sqrt(h + 1e-8);
                assertEquals(h, va[0][ao + k], 2 * Math.ulp((float) h), "G, n " + n + " k " + k);
                assertEquals(s, vg[0][go + k], 4 * Math.ulp((float) s), "step, n " + n + " k " + k);
                assertEquals(x[xo + k] - s, vx[0][xo + k], 4 * Math.ulp((float) s) + Math.ulp(x[xo + k]), "x, n " + n + " k " + k);
            }
            assertOutsideUnchanged(g, vg[0], go, n);
            assertOutsideUnchanged(acc, va[0], ao, n);
            assertOutsideUnchanged(x, vx[0], xo, n);
        }
    }

    /**
     * A NaN or infinite gradient makes the step non-finite: the parameter keeps its value, the step reads 0, the
     * accumulator has still grown (to NaN or infinity); a huge finite gradient gives a finite step of about eta.
     * Placed in lanes and in the tail alike.
     */
    @Test
    void aNonFiniteStepLeavesItsCoordinateAlone() {
        int n = 37;
        float[] g = new float[n];
        for (int k = 0; k < n; k++) {
            g[k] = (k % 5 == 0) ? Float.NaN : (k % 5 == 1) ? Float.POSITIVE_INFINITY : (k % 5 == 2) ? 1e30f : 0.5f;
        }
        float[] x = new float[n];
        java.util.Arrays.fill(x, 2f);
        for (int variant = 0; variant < 2; variant++) {
            float[] gg = g.clone();
            float[] acc = new float[n];
            java.util.Arrays.fill(acc, 1f);
            float[] xx = x.clone();
            if (variant == 0) {
                AdaGrad.stepVector(0.1f, gg, 0, acc, 0, xx, 0, n);
            } else {
                AdaGrad.stepScalar(0.1f, gg, 0, acc, 0, xx, 0, n);
            }
            for (int k = 0; k < n; k++) {
                String what = "variant " + variant + " k " + k + " g " + g[k];
                if (k % 5 == 0 || k % 5 == 1) {
                    assertEquals(2f, xx[k], 0f, what);
                    assertEquals(0f, gg[k], 0f, what);
                    assertFalse(Float.isFinite(acc[k]), what);
                } else if (k % 5 == 2) {
                    assertEquals(Float.POSITIVE_INFINITY, acc[k], what); // g^2 overflows: s = eta g / inf = 0
                    assertEquals(0f, gg[k], 0f, what);
                    assertEquals(2f, xx[k], 0f, what);
                } else {
                    assertEquals(2 - 0.1 * 0.5 / Math.sqrt(1.25), xx[k], 1e-6, what);
                }
            }
        }
    }

    private static void assertOutsideUnchanged(float[] before, float[] after, int from, int n) {
        for (int k = 0; k < before.length; k++) {
            if (k < from || k >= from + n) {
                assertEquals(before[k], after[k], 0f, "index " + k + " outside [" + from + ", " + (from + n) + ")");
            }
        }
    }

    /**
     * pairStep on rows i and j of one table equals, bit for bit, the row step on each with the gradients g_i = c v_j and
     * g_j = c v_i computed beforehand (the same rule); both variants, every length to 70 (the rows adjacent or apart).
     */
    @Test
    void pairStepIsTheRowStepOnTheImpliedGradients() {
        Random rnd = new Random(22);
        float eta = 0.05f;
        for (int n = 0; n <= 70; n++) {
            int rows = 3;
            float[] v = VectorOpsTest.random(rnd, rows * n + 5);
            float[] acc = new float[v.length];
            for (int k = 0; k < acc.length; k++) {
                acc[k] = 1 + (float) Math.abs(rnd.nextGaussian());
            }
            int io = n == 0 ? 0 : rnd.nextInt(2) * n;
            int jo = 2 * n + rnd.nextInt(5);
            float c = (float) rnd.nextGaussian();
            float[] gi = new float[n];
            float[] gj = new float[n];
            for (int k = 0; k < n; k++) {
                gi[k] = c * v[jo + k];
                gj[k] = c * v[io + k];
            }
            float[] vRef = v.clone();
            float[] aRef = acc.clone();
            AdaGrad.stepScalar(eta, gi, 0, aRef, io, vRef, io, n);
            AdaGrad.stepScalar(eta, gj, 0, aRef, jo, vRef, jo, n);
            for (int variant = 0; variant < 3; variant++) {
                float[] vv = v.clone();
                float[] aa = acc.clone();
                switch (variant) {
                    case 0 -> AdaGrad.pairStepVector(eta, c, vv, io, jo, aa, n);
                    case 1 -> AdaGrad.pairStepScalar(eta, c, vv, io, jo, aa, n);
                    default -> AdaGrad.pairStep(eta, c, vv, io, jo, aa, n);
                }
                assertArrayEquals(vRef, vv, "vectors, n " + n + " variant " + variant);
                assertArrayEquals(aRef, aa, "accumulators, n " + n + " variant " + variant);
            }
        }
    }
}
