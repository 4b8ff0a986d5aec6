package yuelao.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products and axpy on array slices with the Vector API (jdk.incubator.vector), with a scalar tail.
 * {@link #SCALAR} switches every kernel to the plain loops (-Dyuelao.scalar=true), the fallback if the
 * incubating API misbehaves on a platform; both give results equal up to float rounding.
 */
public final class VectorOps {
    private VectorOps() {}

    public static final boolean SCALAR = Boolean.getBoolean("yuelao.scalar");
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /** sum_k a[ao + k] * b[bo + k], k < n. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        if (SCALAR) {
            return dotScalar(a, ao, b, bo, n);
        }
        int k = 0;
        int upper = F.loopBound(n);
        FloatVector acc = FloatVector.zero(F);
        for (; k < upper; k += F.length()) {
            acc = FloatVector.fromArray(F, a, ao + k).fma(FloatVector.fromArray(F, b, bo + k), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; k < n; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    public static float dotScalar(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int k = 0; k < n; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    /** y[yo + k] += alpha * x[xo + k], k < n. */
    public static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        int k = 0;
        if (!SCALAR) {
            int upper = F.loopBound(n);
            FloatVector va = FloatVector.broadcast(F, alpha);
            for (; k < upper; k += F.length()) {
                FloatVector.fromArray(F, x, xo + k).fma(va, FloatVector.fromArray(F, y, yo + k)).intoArray(y, yo + k);
            }
        }
        for (; k < n; k++) {
            y[yo + k] += alpha * x[xo + k];
        }
    }

    /** sum_k a[ao + k] * b[bo + k] in double. */
    public static double dot(double[] a, int ao, double[] b, int bo, int n) {
        int k = 0;
        double s = 0;
        if (!SCALAR) {
            int upper = D.loopBound(n);
            DoubleVector acc = DoubleVector.zero(D);
            for (; k < upper; k += D.length()) {
                acc = DoubleVector.fromArray(D, a, ao + k).fma(DoubleVector.fromArray(D, b, bo + k), acc);
            }
            s = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; k < n; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    /** y[yo + k] += alpha * x[xo + k] in double. */
    public static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        int k = 0;
        if (!SCALAR) {
            int upper = D.loopBound(n);
            DoubleVector va = DoubleVector.broadcast(D, alpha);
            for (; k < upper; k += D.length()) {
                DoubleVector.fromArray(D, x, xo + k).fma(va, DoubleVector.fromArray(D, y, yo + k)).intoArray(y, yo + k);
            }
        }
        for (; k < n; k++) {
            y[yo + k] += alpha * x[xo + k];
        }
    }
}
