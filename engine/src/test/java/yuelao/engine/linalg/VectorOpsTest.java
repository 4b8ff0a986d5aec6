package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dot and axpy kernels against brute-force double references on random slices of every length from 0 to
 * 70 (below, at and beyond whole lane groups: every SIMD tail), at random offsets; and the Vector API variants against
 * the scalar ones. A dot product may differ between the variants by its summation order and fused multiply-adds:
 * both must be within {@link #dotTolerance} of the exact value (a float dot product's rounding bound,
 * n * 2^-24 * sum |a_k b_k|, doubled). An axpy differs by at most the one rounding a fused multiply-add saves (one
 * ulp of the result).
 */
class VectorOpsTest {
    private static final int MAX_LENGTH = 70;

    /** The JVM of the tests has the module (the build passes --add-modules): the unsuffixed kernels run the Vector API. */
    @Test
    void theVectorApiIsChosenWhenItsModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "the test JVM runs with the module");
        assertTrue(VectorOps.vectorApi());
        assertTrue(VectorOps.floatLanes() >= 2, "lanes " + VectorOps.floatLanes());
        assertEquals(0, VectorOps.floatLanes() & (VectorOps.floatLanes() - 1), "a power of two");
    }

    @Test
    void floatDotEqualsTheExactSumWithinItsRoundingBound() {
        Random rnd = new Random(1);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            float[] a = random(rnd, n + 9);
            float[] b = random(rnd, n + 9);
            int ao = rnd.nextInt(5);
            int bo = rnd.nextInt(5);
            double exact = 0;
            double abs = 0;
            for (int k = 0; k < n; k++) {
                exact += (double) a[ao + k] * b[bo + k];
                abs += Math.abs((double) a[ao + k] * b[bo + k]);
            }
            double tol = dotTolerance(n, abs);
            assertEquals(exact, VectorOps.dotVector(a, ao, b, bo, n), tol, "vector, n " + n);
            assertEquals(exact, VectorOps.dotScalar(a, ao, b, bo, n), tol, "scalar, n " + n);
            assertEquals(VectorOps.dotVector(a, ao, b, bo, n), VectorOps.dot(a, ao, b, bo, n), 0f, "dispatch = vector, n " + n);
        }
    }

    @Test
    void doubleDotEqualsTheExactSumWithinItsRoundingBound() {
        Random rnd = new Random(2);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            double[] a = randomDoubles(rnd, n + 9);
            double[] b = randomDoubles(rnd, n + 9);
            int ao = rnd.nextInt(5);
            int bo = rnd.nextInt(5);
            java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
            double abs = 0;
            for (int k = 0; k < n; k++) {
                exact = exact.add(new java.math.BigDecimal(a[ao + k]).multiply(new java.math.BigDecimal(b[bo + k])));
                abs += Math.abs(a[ao + k] * b[bo + k]);
            }
            double tol = 2 * (n + 1) * 0x1p-53 * abs + Double.MIN_NORMAL;
            assertEquals(exact.doubleValue(), VectorOps.dotVector(a, ao, b, bo, n), tol, "vector, n " + n);
            assertEquals(exact.doubleValue(), VectorOps.dotScalar(a, ao, b, bo, n), tol, "scalar, n " + n);
            assertEquals(VectorOps.dotVector(a, ao, b, bo, n), VectorOps.dot(a, ao, b, bo, n), 0.0, "dispatch = vector, n " + n);
        }
    }

    @Test
    void floatAxpyAddsAlphaXWithinOneRoundingOfTheExactValue() {
        Random rnd = new Random(3);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            float[] x = random(rnd, n + 9);
            float[] y = random(rnd, n + 9);
            float alpha = (float) rnd.nextGaussian();
            int xo = rnd.nextInt(5);
            int yo = rnd.nextInt(5);
            float[] vec = y.clone();
            float[] sca = y.clone();
            float[] dis = y.clone();
            VectorOps.axpyVector(alpha, x, xo, vec, yo, n);
            VectorOps.axpyScalar(alpha, x, xo, sca, yo, n);
            VectorOps.axpy(alpha, x, xo, dis, yo, n);
            assertArrayEquals(vec, dis, "dispatch = vector, n " + n);
            for (int k = 0; k < y.length; k++) {
                boolean inside = k >= yo && k < yo + n;
                double exact = inside ? y[k] + (double) alpha * x[xo + k - yo] : y[k];
                double tol = inside ? 2 * Math.ulp((float) exact) + 2 * Math.ulp(alpha * x[xo + k - yo]) : 0;
                assertEquals(exact, vec[k], tol, "vector, n " + n + " k " + k);
                assertEquals(exact, sca[k], tol, "scalar, n " + n + " k " + k);
            }
        }
    }

    @Test
    void doubleAxpyAddsAlphaXWithinOneRoundingOfTheExactValue() {
        Random rnd = new Random(4);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            double[] x = randomDoubles(rnd, n + 9);
            double[] y = randomDoubles(rnd, n + 9);
            double alpha = rnd.nextGaussian();
            int xo = rnd.nextInt(5);
            int yo = rnd.nextInt(5);
            double[] vec = y.clone();
            double[] sca = y.clone();
            double[] dis = y.clone();
            VectorOps.axpyVector(alpha, x, xo, vec, yo, n);
            VectorOps.axpyScalar(alpha, x, xo, sca, yo, n);
            VectorOps.axpy(alpha, x, xo, dis, yo, n);
            assertArrayEquals(vec, dis, "dispatch = vector, n " + n);
            for (int k = 0; k < y.length; k++) {
                boolean inside = k >= yo && k < yo + n;
                double product = inside ? alpha * x[xo + k - yo] : 0;
                double exact = inside ? Math.fma(alpha, x[xo + k - yo], y[k]) : y[k]; // one rounding of the exact value
                double tol = inside ? 2 * Math.ulp(exact) + Math.ulp(product) : 0;
                assertEquals(exact, vec[k], tol, "vector, n " + n + " k " + k);
                assertEquals(exact, sca[k], tol, "scalar, n " + n + " k " + k);
            }
        }
    }

    /** dot4, dot4rows and dot2x4: each output is the dot product of its pair, as {@link #floatDotEqualsTheExactSumWithinItsRoundingBound} bounds it. */
    @Test
    void blockedDotProductsEqualTheirPairsDotProducts() {
        Random rnd = new Random(6);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            float[] q = random(rnd, 4 * n + 20);
            int[] qo = {rnd.nextInt(5), n + 5, 2 * n + 7 + rnd.nextInt(3), 3 * n + 10};
            float[][] rows = {random(rnd, n + 4), random(rnd, n + 4), random(rnd, n + 4), random(rnd, n + 4)};
            int[] ro = {rnd.nextInt(4), 0, rnd.nextInt(4), 3};
            float[] out = new float[8];
            for (int variant = 0; variant < 3; variant++) {
                fill(out);
                switch (variant) {
                    case 0 -> VectorOps.dot4Vector(rows[0], ro[0], q, qo[0], qo[1], qo[2], qo[3], n, out);
                    case 1 -> VectorOps.dot4Scalar(rows[0], ro[0], q, qo[0], qo[1], qo[2], qo[3], n, out);
                    default -> VectorOps.dot4(rows[0], ro[0], q, qo[0], qo[1], qo[2], qo[3], n, out);
                }
                for (int j = 0; j < 4; j++) {
                    assertDot(rows[0], ro[0], q, qo[j], n, out[j], "dot4 variant " + variant + " query " + j);
                }
                fill(out);
                switch (variant) {
                    case 0 -> VectorOps.dot4rowsVector(rows[0], ro[0], rows[1], ro[1], rows[2], ro[2], rows[3], ro[3], q, qo[2], n, out);
                    case 1 -> VectorOps.dot4rowsScalar(rows[0], ro[0], rows[1], ro[1], rows[2], ro[2], rows[3], ro[3], q, qo[2], n, out);
                    default -> VectorOps.dot4rows(rows[0], ro[0], rows[1], ro[1], rows[2], ro[2], rows[3], ro[3], q, qo[2], n, out);
                }
                for (int j = 0; j < 4; j++) {
                    assertDot(rows[j], ro[j], q, qo[2], n, out[j], "dot4rows variant " + variant + " row " + j);
                }
                fill(out);
                switch (variant) {
                    case 0 -> VectorOps.dot2x4Vector(rows[1], ro[1], rows[2], ro[2], q, qo[0], qo[1], qo[2], qo[3], n, out);
                    case 1 -> VectorOps.dot2x4Scalar(rows[1], ro[1], rows[2], ro[2], q, qo[0], qo[1], qo[2], qo[3], n, out);
                    default -> VectorOps.dot2x4(rows[1], ro[1], rows[2], ro[2], q, qo[0], qo[1], qo[2], qo[3], n, out);
                }
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 4; j++) {
                        assertDot(rows[1 + i], ro[1 + i], q, qo[j], n, out[4 * i + j], "dot2x4 variant " + variant + " row " + i + " query " + j);
                    }
                }
            }
            // the unsuffixed kernels run the Vector API variants: bit for bit the same outputs
            float[] a = new float[8];
            float[] b = new float[8];
            VectorOps.dot2x4(rows[1], ro[1], rows[2], ro[2], q, qo[0], qo[1], qo[2], qo[3], n, a);
            VectorOps.dot2x4Vector(rows[1], ro[1], rows[2], ro[2], q, qo[0], qo[1], qo[2], qo[3], n, b);
            assertArrayEquals(b, a);
        }
    }

    /** Each blocked kernel's output j equals the plain dot product of its pair computed by the same variant's order: exact for the scalar variant. */
    @Test
    void scalarBlockedDotProductsAreBitForBitThePlainScalarDot() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 7, 8, 17, 33, 100}) {
            float[] q = random(rnd, 4 * n);
            float[] r0 = random(rnd, n);
            float[] r1 = random(rnd, n);
            float[] out = new float[8];
            VectorOps.dot2x4Scalar(r0, 0, r1, 0, q, 0, n, 2 * n, 3 * n, n, out);
            for (int j = 0; j < 4; j++) {
                assertEquals(VectorOps.dotScalar(r0, 0, q, j * n, n), out[j], 0f);
                assertEquals(VectorOps.dotScalar(r1, 0, q, j * n, n), out[4 + j], 0f);
            }
            VectorOps.dot4Scalar(r0, 0, q, 0, n, 2 * n, 3 * n, n, out);
            for (int j = 0; j < 4; j++) {
                assertEquals(VectorOps.dotScalar(r0, 0, q, j * n, n), out[j], 0f);
            }
        }
    }

    private static void assertDot(float[] a, int ao, float[] b, int bo, int n, float got, String what) {
        double exact = 0;
        double abs = 0;
        for (int k = 0; k < n; k++) {
            exact += (double) a[ao + k] * b[bo + k];
            abs += Math.abs((double) a[ao + k] * b[bo + k]);
        }
        assertEquals(exact, got, dotTolerance(n, abs), what + ", n " + n);
    }

    /** Twice the worst-case rounding of a float dot product of n terms: n 2^-24 sum |a_k b_k| (plus the float's smallest step). */
    static double dotTolerance(int n, double sumOfAbsoluteProducts) {
        return 2 * (n + 1) * 0x1p-24 * sumOfAbsoluteProducts + Float.MIN_NORMAL;
    }

    private static void fill(float[] out) {
        java.util.Arrays.fill(out, Float.NaN); // a kernel that forgets an output leaves NaN
    }

    static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) rnd.nextGaussian();
        }
        return a;
    }

    private static double[] randomDoubles(Random rnd, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = rnd.nextGaussian();
        }
        return a;
    }
}
