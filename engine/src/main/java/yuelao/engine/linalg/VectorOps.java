package yuelao.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products and axpy on array slices. Each kernel comes in two variants: {@code ...Vector}, lanes of the
 * preferred species of the Vector API (jdk.incubator.vector) with fused multiply-adds, then a scalar tail; and
 * {@code ...Scalar}, the plain loop. The unsuffixed method runs the Vector API variant whenever the module is present
 * at run time ({@link #vectorApi()}: the JVM was started with {@code --add-modules jdk.incubator.vector}, as
 * {@code ./yuelao} and the build do) and the scalar variant otherwise; the choice is made once per JVM.
 *
 * <p>The variants agree up to float rounding: the vector variants sum lane by lane and fuse each multiply-add into one
 * rounding, so a result may differ in its last bits (tests compare them within a stated tolerance). The final sum of
 * a vector dot product's lanes follows a fixed pairwise tree ({@code Lanes.sumLanes}), not {@code reduceLanes(ADD)}, whose
 * order differs between interpreted and C2-compiled code (docs/experiments/kernels.md): a result never depends on when
 * a method got compiled, so resumed runs and any thread count agree bit for bit.
 * A {@code ...Vector} method called while the module is absent throws {@link NoClassDefFoundError}. All kernels are
 * allocation-free and thread-safe on disjoint outputs.
 */
public final class VectorOps {
    private VectorOps() {}

    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * True when the Vector API module is present in this JVM, so the unsuffixed kernels (here and in the other
     * kernels of this package) run their {@code ...Vector} variants.
     */
    public static boolean vectorApi() {
        return VECTOR_API;
    }

    /** The preferred number of float lanes (1 without the Vector API): row strides padded to it have no dot-product tail. */
    public static int floatLanes() {
        return VECTOR_API ? Lanes.floatLanes() : 1;
    }

    /** sum_k a[ao + k] * b[bo + k], k &lt; n, in float. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        return VECTOR_API ? Lanes.dot(a, ao, b, bo, n) : dotScalar(a, ao, b, bo, n);
    }

    /** {@link #dot(float[], int, float[], int, int)} with the Vector API. */
    public static float dotVector(float[] a, int ao, float[] b, int bo, int n) {
        return Lanes.dot(a, ao, b, bo, n);
    }

    /** {@link #dot(float[], int, float[], int, int)} as a plain loop, summed in index order. */
    public static float dotScalar(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int k = 0; k < n; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    /** y[yo + k] += alpha * x[xo + k], k &lt; n. */
    public static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        if (VECTOR_API) {
            Lanes.axpy(alpha, x, xo, y, yo, n);
        } else {
            axpyScalar(alpha, x, xo, y, yo, n, 0);
        }
    }

    /** {@link #axpy(float, float[], int, float[], int, int)} with the Vector API (fused multiply-adds). */
    public static void axpyVector(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        Lanes.axpy(alpha, x, xo, y, yo, n);
    }

    /** {@link #axpy(float, float[], int, float[], int, int)} as a plain loop. */
    public static void axpyScalar(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        axpyScalar(alpha, x, xo, y, yo, n, 0);
    }

    /** The scalar loop from k = from on: the whole of the scalar variant, the tail of the vector one. */
    private static void axpyScalar(float alpha, float[] x, int xo, float[] y, int yo, int n, int from) {
        for (int k = from; k < n; k++) {
            y[yo + k] += alpha * x[xo + k];
        }
    }

    /** sum_k a[ao + k] * b[bo + k], k &lt; n, in double. */
    public static double dot(double[] a, int ao, double[] b, int bo, int n) {
        return VECTOR_API ? Lanes.dot(a, ao, b, bo, n) : dotScalar(a, ao, b, bo, n, 0, 0);
    }

    /** {@link #dot(double[], int, double[], int, int)} with the Vector API. */
    public static double dotVector(double[] a, int ao, double[] b, int bo, int n) {
        return Lanes.dot(a, ao, b, bo, n);
    }

    /** {@link #dot(double[], int, double[], int, int)} as a plain loop, summed in index order. */
    public static double dotScalar(double[] a, int ao, double[] b, int bo, int n) {
        return dotScalar(a, ao, b, bo, n, 0, 0);
    }

    private static double dotScalar(double[] a, int ao, double[] b, int bo, int n, int from, double s) {
        for (int k = from; k < n; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    /** y[yo + k] += alpha * x[xo + k], k &lt; n, in double. */
    public static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        if (VECTOR_API) {
            Lanes.axpy(alpha, x, xo, y, yo, n);
        } else {
            axpyScalar(alpha, x, xo, y, yo, n, 0);
        }
    }

    /** {@link #axpy(double, double[], int, double[], int, int)} with the Vector API (fused multiply-adds). */
    public static void axpyVector(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        Lanes.axpy(alpha, x, xo, y, yo, n);
    }

    /** {@link #axpy(double, double[], int, double[], int, int)} as a plain loop. */
    public static void axpyScalar(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        axpyScalar(alpha, x, xo, y, yo, n, 0);
    }

    private static void axpyScalar(double alpha, double[] x, int xo, double[] y, int yo, int n, int from) {
        for (int k = from; k < n; k++) {
            y[yo + k] += alpha * x[xo + k];
        }
    }

    /**
     * Four dot products sharing one pass over {@code row}: out[j] = sum_k row[ro + k] * q[qj + k] for j &lt; 4,
     * k &lt; n. Loading each row slice once for four queries halves the memory traffic of a batch search.
     */
    public static void dot4(float[] row, int ro, float[] q, int q0, int q1, int q2, int q3, int n, float[] out) {
        if (VECTOR_API) {
            Lanes.dot4(row, ro, q, q0, q1, q2, q3, n, out);
        } else {
            dot4Scalar(row, ro, q, q0, q1, q2, q3, n, out);
        }
    }

    /** {@link #dot4} with the Vector API. */
    public static void dot4Vector(float[] row, int ro, float[] q, int q0, int q1, int q2, int q3, int n, float[] out) {
        Lanes.dot4(row, ro, q, q0, q1, q2, q3, n, out);
    }

    /** {@link #dot4} as a plain loop. */
    public static void dot4Scalar(float[] row, int ro, float[] q, int q0, int q1, int q2, int q3, int n, float[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        out[3] = 0;
        dot4Tail(row, ro, q, q0, q1, q2, q3, n, 0, out);
    }

    /** Adds the terms k in [from, n) to out[0..3]. */
    static void dot4Tail(float[] row, int ro, float[] q, int q0, int q1, int q2, int q3, int n, int from, float[] out) {
        float s0 = out[0];
        float s1 = out[1];
        float s2 = out[2];
        float s3 = out[3];
        for (int k = from; k < n; k++) {
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
     * Four rows against one query: out[j] = sum_k rj[oj + k] * q[qo + k] for the four (rj, oj), k &lt; n. Four
     * independent accumulators keep the FMA units busy where one dot product would wait on its own chain.
     */
    public static void dot4rows(float[] r0, int o0, float[] r1, int o1, float[] r2, int o2, float[] r3, int o3,
            float[] q, int qo, int n, float[] out) {
        if (VECTOR_API) {
            Lanes.dot4rows(r0, o0, r1, o1, r2, o2, r3, o3, q, qo, n, out);
        } else {
            dot4rowsScalar(r0, o0, r1, o1, r2, o2, r3, o3, q, qo, n, out);
        }
    }

    /** {@link #dot4rows} with the Vector API. */
    public static void dot4rowsVector(float[] r0, int o0, float[] r1, int o1, float[] r2, int o2, float[] r3, int o3,
            float[] q, int qo, int n, float[] out) {
        Lanes.dot4rows(r0, o0, r1, o1, r2, o2, r3, o3, q, qo, n, out);
    }

    /** {@link #dot4rows} as a plain loop. */
    public static void dot4rowsScalar(float[] r0, int o0, float[] r1, int o1, float[] r2, int o2, float[] r3, int o3,
            float[] q, int qo, int n, float[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        out[3] = 0;
        dot4rowsTail(r0, o0, r1, o1, r2, o2, r3, o3, q, qo, n, 0, out);
    }

    static void dot4rowsTail(float[] r0, int o0, float[] r1, int o1, float[] r2, int o2, float[] r3, int o3,
            float[] q, int qo, int n, int from, float[] out) {
        float s0 = out[0];
        float s1 = out[1];
        float s2 = out[2];
        float s3 = out[3];
        for (int k = from; k < n; k++) {
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
     * Two rows against four queries: out[4 i + j] = sum_k ri[oi + k] * q[qj + k] for i &lt; 2, j &lt; 4, k &lt; n.
     * Eight accumulators share six loads per step (against five loads per four products in {@link #dot4}), the
     * register-blocked inner kernel of a batch search.
     */
    public static void dot2x4(float[] r0, int o0, float[] r1, int o1, float[] q, int q0, int q1, int q2, int q3, int n,
            float[] out) {
        if (VECTOR_API) {
            Lanes.dot2x4(r0, o0, r1, o1, q, q0, q1, q2, q3, n, out);
        } else {
            dot2x4Scalar(r0, o0, r1, o1, q, q0, q1, q2, q3, n, out);
        }
    }

    /** {@link #dot2x4} with the Vector API. */
    public static void dot2x4Vector(float[] r0, int o0, float[] r1, int o1, float[] q, int q0, int q1, int q2, int q3, int n,
            float[] out) {
        Lanes.dot2x4(r0, o0, r1, o1, q, q0, q1, q2, q3, n, out);
    }

    /** {@link #dot2x4} as a plain loop. */
    public static void dot2x4Scalar(float[] r0, int o0, float[] r1, int o1, float[] q, int q0, int q1, int q2, int q3, int n,
            float[] out) {
        java.util.Arrays.fill(out, 0, 8, 0f);
        dot2x4Tail(r0, o0, r1, o1, q, q0, q1, q2, q3, n, 0, out);
    }

    static void dot2x4Tail(float[] r0, int o0, float[] r1, int o1, float[] q, int q0, int q1, int q2, int q3, int n, int from,
            float[] out) {
        float s00 = out[0];
        float s01 = out[1];
        float s02 = out[2];
        float s03 = out[3];
        float s10 = out[4];
        float s11 = out[5];
        float s12 = out[6];
        float s13 = out[7];
        for (int k = from; k < n; k++) {
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

    /**
     * The Vector API variants. A class of its own, loaded on first use only: a JVM without the module never loads it,
     * so the scalar variants keep working there.
     */
    private static final class Lanes {
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
         * additions is unspecified and differs between the interpreter and JIT-compiled code, so results would depend
         * on when a method got compiled, and runs that must agree bit for bit (a resumed run, any thread count) would not.
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

        static int floatLanes() {
            return F.length();
        }

        static float dot(float[] a, int ao, float[] b, int bo, int n) {
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

        static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
            int k = 0;
            int upper = F.loopBound(n);
            FloatVector va = FloatVector.broadcast(F, alpha);
            for (; k < upper; k += F.length()) {
                FloatVector.fromArray(F, x, xo + k).fma(va, FloatVector.fromArray(F, y, yo + k)).intoArray(y, yo + k);
            }
            axpyScalar(alpha, x, xo, y, yo, n, k);
        }

        static double dot(double[] a, int ao, double[] b, int bo, int n) {
            int k = 0;
            int upper = D.loopBound(n);
            DoubleVector acc = DoubleVector.zero(D);
            for (; k < upper; k += D.length()) {
                acc = DoubleVector.fromArray(D, a, ao + k).fma(DoubleVector.fromArray(D, b, bo + k), acc);
            }
            return dotScalar(a, ao, b, bo, n, k, sumLanes(acc));
        }

        static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
            int k = 0;
            int upper = D.loopBound(n);
            DoubleVector va = DoubleVector.broadcast(D, alpha);
            for (; k < upper; k += D.length()) {
                DoubleVector.fromArray(D, x, xo + k).fma(va, DoubleVector.fromArray(D, y, yo + k)).intoArray(y, yo + k);
            }
            axpyScalar(alpha, x, xo, y, yo, n, k);
        }

        static void dot4(float[] row, int ro, float[] q, int q0, int q1, int q2, int q3, int n, float[] out) {
            int k = 0;
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
            out[0] = sumLanes(a0);
            out[1] = sumLanes(a1);
            out[2] = sumLanes(a2);
            out[3] = sumLanes(a3);
            dot4Tail(row, ro, q, q0, q1, q2, q3, n, k, out);
        }

        static void dot4rows(float[] r0, int o0, float[] r1, int o1, float[] r2, int o2, float[] r3, int o3,
                float[] q, int qo, int n, float[] out) {
            int k = 0;
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
            out[0] = sumLanes(a0);
            out[1] = sumLanes(a1);
            out[2] = sumLanes(a2);
            out[3] = sumLanes(a3);
            dot4rowsTail(r0, o0, r1, o1, r2, o2, r3, o3, q, qo, n, k, out);
        }

        static void dot2x4(float[] r0, int o0, float[] r1, int o1, float[] q, int q0, int q1, int q2, int q3, int n,
                float[] out) {
            int k = 0;
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
            out[0] = sumLanes(a00);
            out[1] = sumLanes(a01);
            out[2] = sumLanes(a02);
            out[3] = sumLanes(a03);
            out[4] = sumLanes(a10);
            out[5] = sumLanes(a11);
            out[6] = sumLanes(a12);
            out[7] = sumLanes(a13);
            dot2x4Tail(r0, o0, r1, o1, q, q0, q1, q2, q3, n, k, out);
        }
    }
}
