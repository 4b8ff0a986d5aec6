package yuelao.engine.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One AdaGrad step (Duchi, Hazan and Singer 2011) on a slice of parameters, per coordinate k:
 *
 * <pre>
 * G_k += g_k^2          (the current gradient included)
 * s_k  = eta g_k / sqrt(G_k + 1e-8)
 * x_k -= s_k
 * </pre>
 *
 * the update of the seed's pmi trainer (docs/method.md section 3) and of the subword pmi refinement. The rule is
 * written once ({@code delta} below, per lane and per scalar) and has two entry points: {@link #step}, for a gradient
 * the caller computed into a buffer (which then receives the steps taken, for a caller that spreads them further, as
 * the subword refinement spreads a word's step over its n-grams; there a step that is not finite is taken as 0, so
 * that one overflowing coordinate cannot spread into shared n-grams), and {@link #pairStep}, the seed's symmetric
 * record update g_i = c v_j, g_j = c v_i, which needs no buffer (its caller skips a record whose c is not finite, as
 * the seed's trainer does; the lanes pay for no test).
 *
 * <p>Like {@link VectorOps}, each runs its {@code ...Vector} variant when the Vector API is present, else its
 * {@code ...Scalar} one. Both do the same float operations in the same order per coordinate (no fused multiply-add),
 * so they agree bit for bit. Slices must not overlap. Allocation-free.
 */
public final class AdaGrad {
    /** The 1e-8 under the square root: keeps a zero accumulator from dividing by zero. */
    public static final float EPSILON = 1e-8f;

    private AdaGrad() {}

    /**
     * The step on {@code x[xo..xo+n)} with gradient {@code g[go..go+n)} and accumulators {@code acc[ao..ao+n)}: all
     * three updated in place, g to the steps taken.
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

    /**
     * The step on two rows of one table, {@code v[io..io+n)} and {@code v[jo..jo+n)} (not overlapping), with gradients
     * g_i = scale v_j and g_j = scale v_i taken from the values before the step, and their accumulators at the same
     * offsets of {@code acc}: what {@link #step} does with those gradients, without computing them into buffers.
     */
    public static void pairStep(float eta, float scale, float[] v, int io, int jo, float[] acc, int n) {
        if (VectorOps.vectorApi()) {
            Lanes.pairStep(eta, scale, v, io, jo, acc, n);
        } else {
            pairStepScalar(eta, scale, v, io, jo, acc, n, 0);
        }
    }

    /** {@link #pairStep} with the Vector API. */
    public static void pairStepVector(float eta, float scale, float[] v, int io, int jo, float[] acc, int n) {
        Lanes.pairStep(eta, scale, v, io, jo, acc, n);
    }

    /** {@link #pairStep} as a plain loop. */
    public static void pairStepScalar(float eta, float scale, float[] v, int io, int jo, float[] acc, int n) {
        pairStepScalar(eta, scale, v, io, jo, acc, n, 0);
    }

    /** The rule for one coordinate: grows acc[a] by g^2 and returns the step s. */
    private static float delta(float eta, float g, float[] acc, int a) {
        float h = acc[a] + g * g;
        acc[a] = h;
        return eta * g / (float) Math.sqrt(h + EPSILON); // the float square root, correctly rounded either way
    }

    private static void stepScalar(float eta, float[] g, int go, float[] acc, int ao, float[] x, int xo, int n, int from) {
        for (int k = from; k < n; k++) {
            float s = delta(eta, g[go + k], acc, ao + k);
            s = Float.isFinite(s) ? s : 0f; // x - 0 leaves x as it is, bit for bit
            g[go + k] = s;
            x[xo + k] = x[xo + k] - s;
        }
    }

    private static void pairStepScalar(float eta, float scale, float[] v, int io, int jo, float[] acc, int n, int from) {
        for (int k = from; k < n; k++) {
            float vi = v[io + k];
            float vj = v[jo + k];
            v[io + k] = vi - delta(eta, scale * vj, acc, io + k);
            v[jo + k] = vj - delta(eta, scale * vi, acc, jo + k);
        }
    }

    /** The Vector API loops, in a class of its own that a JVM without the module never loads. */
    private static final class Lanes {
        private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

        /** {@link AdaGrad#delta} on a lane group. */
        private static FloatVector delta(FloatVector eta, FloatVector eps, FloatVector g, float[] acc, int a) {
            FloatVector h = FloatVector.fromArray(F, acc, a).add(g.mul(g));
            h.intoArray(acc, a);
            return eta.mul(g).div(h.add(eps).lanewise(VectorOperators.SQRT));
        }

        static void step(float eta, float[] g, int go, float[] acc, int ao, float[] x, int xo, int n) {
            int k = 0;
            FloatVector veta = FloatVector.broadcast(F, eta);
            FloatVector veps = FloatVector.broadcast(F, EPSILON);
            for (int upper = F.loopBound(n); k < upper; k += F.length()) {
                FloatVector s = delta(veta, veps, FloatVector.fromArray(F, g, go + k), acc, ao + k);
                s = s.blend(0f, s.test(VectorOperators.IS_FINITE).not()); // x - 0 leaves x as it is, bit for bit
                s.intoArray(g, go + k);
                FloatVector.fromArray(F, x, xo + k).sub(s).intoArray(x, xo + k);
            }
            stepScalar(eta, g, go, acc, ao, x, xo, n, k);
        }

        static void pairStep(float eta, float scale, float[] v, int io, int jo, float[] acc, int n) {
            int k = 0;
            FloatVector veta = FloatVector.broadcast(F, eta);
            FloatVector veps = FloatVector.broadcast(F, EPSILON);
            FloatVector vscale = FloatVector.broadcast(F, scale);
            for (int upper = F.loopBound(n); k < upper; k += F.length()) {
                FloatVector vi = FloatVector.fromArray(F, v, io + k);
                FloatVector vj = FloatVector.fromArray(F, v, jo + k);
                FloatVector si = delta(veta, veps, vj.mul(vscale), acc, io + k);
                FloatVector sj = delta(veta, veps, vi.mul(vscale), acc, jo + k);
                vi.sub(si).intoArray(v, io + k);
                vj.sub(sj).intoArray(v, jo + k);
            }
            pairStepScalar(eta, scale, v, io, jo, acc, n, k);
        }
    }
}
