package yuelao.engine.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One AdaGrad step (Duchi, Hazan and Singer 2011) on a slice of parameters, per coordinate k:
 *
 * <pre>
 * G_k += g_k^2          (the current gradient included)
 * s_k  = eta g_k / sqrt(G_k + 1e-8)
 * x_k -= s_k            (skipped where s_k is not finite: x_k keeps its value, s_k is reported as 0)
 * </pre>
 *
 * the update of the seed's pmi trainer (docs/method.md section 3) and of the subword pmi refinement. The caller
 * computes the gradient (its objective's business) into a buffer; the step overwrites that buffer with the steps
 * s_k taken, which a caller can spread further (the subword refinement spreads a word's step over its n-grams).
 *
 * <p>Like {@link VectorOps}, {@link #step} runs {@link #stepVector} when the Vector API is present, else {@link
 * #stepScalar}. Both do the same float operations in the same order per coordinate (no fused multiply-add), so they
 * agree bit for bit. The three slices must not overlap. Allocation-free.
 */
public final class AdaGrad {
    /** The 1e-8 under the square root: keeps a zero accumulator from dividing by zero. */
    public static final float EPSILON = 1e-8f;

    private AdaGrad() {}

    /**
     * The step on {@code x[xo..xo+n)} with gradient {@code g[go..go+n)} and accumulators {@code acc[ao..ao+n)}: all
     * three updated in place as above.
     */
    public static void step(float eta, float[] g, int go, float[] acc, int ao, float[] x, int xo, int n) {
        if (VectorOps.vectorApi()) {
            Lanes.step(eta, g, go, acc, ao, x, xo, n);
        } else {
            stepScalar(eta, g, go, acc, ao, x, xo, n, 0);
        }
    }

    /** {@link #step} with the Vector API. */
    public static void stepVector(float eta, float[] g, int go, float[] acc, int ao, float[] x, int xo, int n) {
        Lanes.step(eta, g, go, acc, ao, x, xo, n);
    }

    /** {@link #step} as a plain loop. */
    public static void stepScalar(float eta, float[] g, int go, float[] acc, int ao, float[] x, int xo, int n) {
        stepScalar(eta, g, go, acc, ao, x, xo, n, 0);
    }

    private static void stepScalar(float eta, float[] g, int go, float[] acc, int ao, float[] x, int xo, int n, int from) {
        for (int k = from; k < n; k++) {
            float gk = g[go + k];
            float h = acc[ao + k] + gk * gk;
            acc[ao + k] = h;
            float s = eta * gk / (float) Math.sqrt(h + EPSILON); // the float square root, correctly rounded either way
            if (Float.isFinite(s)) {
                g[go + k] = s;
                x[xo + k] = x[xo + k] - s;
            } else {
                g[go + k] = 0;
            }
        }
    }

    /** The Vector API loop, in a class of its own that a JVM without the module never loads. */
    private static final class Lanes {
        private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

        static void step(float eta, float[] g, int go, float[] acc, int ao, float[] x, int xo, int n) {
            int k = 0;
            FloatVector veta = FloatVector.broadcast(F, eta);
            FloatVector veps = FloatVector.broadcast(F, EPSILON);
            for (int upper = F.loopBound(n); k < upper; k += F.length()) {
                FloatVector vg = FloatVector.fromArray(F, g, go + k);
                FloatVector h = FloatVector.fromArray(F, acc, ao + k).add(vg.mul(vg));
                h.intoArray(acc, ao + k);
                FloatVector s = veta.mul(vg).div(h.add(veps).lanewise(VectorOperators.SQRT));
                VectorMask<Float> bad = s.test(VectorOperators.IS_FINITE).not();
                s = s.blend(0f, bad); // x - 0 leaves x as it is, bit for bit
                s.intoArray(g, go + k);
                FloatVector.fromArray(F, x, xo + k).sub(s).intoArray(x, xo + k);
            }
            stepScalar(eta, g, go, acc, ao, x, xo, n, k);
        }
    }
}
