package yuelao.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
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
    /** Shuffles i -> i XOR h for h = L/2, L/4, ..., 1: the fixed pairing of {@link #sumLanes}. */
    private static final VectorShuffle<Float>[] HALVES = halves(F);
    private static final VectorShuffle<Double>[] HALVES_D = halves(D);

    @SuppressWarnings("unchecked")
    private static <E> VectorShuffle<E>[] halves(VectorSpecies<E> species) {
        int n = Integer.numberOfTrailingZeros(species.length());
        VectorShuffle<E>[] s = new VectorShuffle[n];
        for (int step = 0; step < n; step++) {
            int h = species.length() >> (step + 1);
            s[step] = VectorShuffle.fromOp(species, i -> i ^ h);
        }
        return s;
    }

    /**
     * The sum of a vector's lanes by a fixed pairwise tree. Not {@code reduceLanes(ADD)}: for floats its order of
     * additions is unspecified and differs between the interpreter and JIT-compiled code, so results would depend on
     * when a method got compiled, and runs that must agree bit for bit (a resumed run, any thread count) would not.
     */
    static float sumLanes(FloatVector v) {
        for (VectorShuffle<Float> s : HALVES) {
            v = v.add(v.rearrange(s));
        }
        return v.lane(0);
    }

    /** {@link #sumLanes(FloatVector)} for doubles: the same fixed tree. */
    static double sumLanes(DoubleVector v) {
        for (VectorShuffle<Double> s : HALVES_D) {
            v = v.add(v.rearrange(s));
        }
        return v.lane(0);
    }

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
        float s = sumLanes(acc);
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
            s = sumLanes(acc);
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

    /** The preferred number of float lanes (1 when {@link #SCALAR}): row strides padded to it have no dot-product tail. */
    public static int floatLanes() {
        return SCALAR ? 1 : F.length();
    }

    /**
     * Four dot products sharing one pass over {@code row}: out[j] = sum_k row[ro + k] * q[qo[j] + k] for j < 4,
     * k < n. Loading each row slice once for four queries halves the memory traffic of a batch search.
     */
    public static void dot4(float[] row, int ro, float[] q, int q0, int q1, int q2, int q3, int n, float[] out) {
        int k = 0;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        if (!SCALAR) {
            int upper = F.loopBound(n);
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            FloatVector a2 = FloatVector.zero(F);
            FloatVector a3 = FloatVector.zero(F);
            for (; k < upper; k += F.length()) {
                FloatVector r = FloatVector.fromArray(F, row, ro + k);
                a0 = r.fma(FloatVector.fromArray(F, q, q0 + k), a0);
                a1 = r.fma(FloatVector.fromArray(F, q, q1 + k), a1);
                a2 = r.fma(FloatVector.fromArray(F, q, q2 + k), a2);
                a3 = r.fma(FloatVector.fromArray(F, q, q3 + k), a3);
            }
            s0 = sumLanes(a0);
            s1 = sumLanes(a1);
            s2 = sumLanes(a2);
            s3 = sumLanes(a3);
        }
        for (; k < n; k++) {
            float r = row[ro + k];
            s0 += r * q[q0 + k];
            s1 += r * q[q1 + k];
            s2 += r * q[q2 + k];
            s3 += r * q[q3 + k];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
    }

    /**
     * Four rows against one query: out[j] = sum_k rj[oj + k] * q[qo + k] for the four (rj, oj), k < n. Four
     * independent accumulators keep the FMA units busy where one dot product would wait on its own chain.
     */
    public static void dot4rows(float[] r0, int o0, float[] r1, int o1, float[] r2, int o2, float[] r3, int o3,
            float[] q, int qo, int n, float[] out) {
        int k = 0;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        if (!SCALAR) {
            int upper = F.loopBound(n);
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            FloatVector a2 = FloatVector.zero(F);
            FloatVector a3 = FloatVector.zero(F);
            for (; k < upper; k += F.length()) {
                FloatVector v = FloatVector.fromArray(F, q, qo + k);
                a0 = FloatVector.fromArray(F, r0, o0 + k).fma(v, a0);
                a1 = FloatVector.fromArray(F, r1, o1 + k).fma(v, a1);
                a2 = FloatVector.fromArray(F, r2, o2 + k).fma(v, a2);
                a3 = FloatVector.fromArray(F, r3, o3 + k).fma(v, a3);
            }
            s0 = sumLanes(a0);
            s1 = sumLanes(a1);
            s2 = sumLanes(a2);
            s3 = sumLanes(a3);
        }
        for (; k < n; k++) {
            float v = q[qo + k];
            s0 += r0[o0 + k] * v;
            s1 += r1[o1 + k] * v;
            s2 += r2[o2 + k] * v;
            s3 += r3[o3 + k] * v;
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
    }

    /**
     * Two rows against four queries: out[4 i + j] = sum_k ri[oi + k] * q[qj + k] for i < 2, j < 4, k < n. Eight
     * accumulators share six loads per step (against five loads per four products in {@link #dot4}), the
     * register-blocked inner kernel of a batch search.
     */
    public static void dot2x4(float[] r0, int o0, float[] r1, int o1, float[] q, int q0, int q1, int q2, int q3, int n,
            float[] out) {
        int k = 0;
        float s00 = 0;
        float s01 = 0;
        float s02 = 0;
        float s03 = 0;
        float s10 = 0;
        float s11 = 0;
        float s12 = 0;
        float s13 = 0;
        if (!SCALAR) {
            int upper = F.loopBound(n);
            FloatVector a00 = FloatVector.zero(F);
            FloatVector a01 = FloatVector.zero(F);
            FloatVector a02 = FloatVector.zero(F);
            FloatVector a03 = FloatVector.zero(F);
            FloatVector a10 = FloatVector.zero(F);
            FloatVector a11 = FloatVector.zero(F);
            FloatVector a12 = FloatVector.zero(F);
            FloatVector a13 = FloatVector.zero(F);
            for (; k < upper; k += F.length()) {
                FloatVector x = FloatVector.fromArray(F, r0, o0 + k);
                FloatVector y = FloatVector.fromArray(F, r1, o1 + k);
                FloatVector v = FloatVector.fromArray(F, q, q0 + k);
                a00 = x.fma(v, a00);
                a10 = y.fma(v, a10);
                v = FloatVector.fromArray(F, q, q1 + k);
                a01 = x.fma(v, a01);
                a11 = y.fma(v, a11);
                v = FloatVector.fromArray(F, q, q2 + k);
                a02 = x.fma(v, a02);
                a12 = y.fma(v, a12);
                v = FloatVector.fromArray(F, q, q3 + k);
                a03 = x.fma(v, a03);
                a13 = y.fma(v, a13);
            }
            s00 = sumLanes(a00);
            s01 = sumLanes(a01);
            s02 = sumLanes(a02);
            s03 = sumLanes(a03);
            s10 = sumLanes(a10);
            s11 = sumLanes(a11);
            s12 = sumLanes(a12);
            s13 = sumLanes(a13);
        }
        for (; k < n; k++) {
            float x = r0[o0 + k];
            float y = r1[o1 + k];
            s00 += x * q[q0 + k];
            s01 += x * q[q1 + k];
            s02 += x * q[q2 + k];
            s03 += x * q[q3 + k];
            s10 += y * q[q0 + k];
            s11 += y * q[q1 + k];
            s12 += y * q[q2 + k];
            s13 += y * q[q3 + k];
        }
        out[0] = s00;
        out[1] = s01;
        out[2] = s02;
        out[3] = s03;
        out[4] = s10;
        out[5] = s11;
        out[6] = s12;
        out[7] = s13;
    }
}
