package yuelao.engine.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One SGD step of skip-gram with negative sampling on a single logistic event (docs/method.md section 3): an input
 * vector h, a context vector c and a label y, 1 for an observed pair and 0 for a negative:
 *
 * <pre>
 * z = &lt;h, c&gt; - log k + b;   g = lr (y - sigma(z))
 * acc += g c;   c += g h          (both from the values before the step)
 * </pre>
 *
 * which is v -= lr dL/dv for the event's loss softplus(-z) (y = 1) or softplus(z) (y = 0). {@code acc} receives the
 * input's step: the input row itself when the step applies at once (word-level sgns: acc is h's own slice), or a
 * buffer that the caller spreads later (the subword refinement spreads it over a word's n-grams). Rows of one event
 * must not overlap, except acc with h (the same slice).
 *
 * <p>Two flavours, one per trainer, each keeping what its trainer was measured with: {@link #exact} (word-level
 * sgns: the exact float sigmoid, z shifted by log k and offset by b, the loss as softplus in double) and {@link
 * #tabulated} (the subword refinement: fastText's table and z = &lt;h, c&gt;, the loss as -log of the table's
 * probability, floored at 1e-7). A step whose g is not finite changes nothing and reports 0.
 *
 * <p>Like {@link VectorOps}, {@link #apply} runs {@link #applyVector} when the Vector API is present, else {@link
 * #applyScalar}; the two differ in the last bits (fused multiply-adds and the dot product's order). Immutable; a step
 * allocates nothing.
 */
public final class SgnsStep {
    private final boolean tabulated;
    private final float logK;
    private final float offset;

    private SgnsStep(boolean tabulated, float logK, float offset) {
        this.tabulated = tabulated;
        this.logK = logK;
        this.offset = offset;
    }

    /**
     * Word-level sgns: z = &lt;h, c&gt; - log k + b (evaluated in float, in that order), the exact sigmoid, and the
     * reported loss softplus(-z) or softplus(z).
     *
     * @param negatives k, negative events per observed one (need not be an integer; log k shifts the logit)
     * @param offset b
     */
    public static SgnsStep exact(double negatives, double offset) {
        return new SgnsStep(false, (float) Math.log(negatives), (float) offset);
    }

    /**
     * fastText's step: z = &lt;h, c&gt;, the tabulated sigmoid ({@link Logistic#tabulatedSigmoid}), and the reported
     * loss -log max(1e-7, p) with p the table's probability of the label.
     */
    public static SgnsStep tabulated() {
        return new SgnsStep(true, 0f, 0f);
    }

    /**
     * One step on the event: updates {@code acc[ao..ao+n)} and {@code c[co..co+n)} in place and returns the event's
     * loss before the step, or 0 when {@code report} is false (a logarithm per event costs) or g was not finite.
     *
     * @param y 1 for an observed pair, 0 for a negative
     * @param lr the learning rate of this step
     */
    public double apply(float[] h, int ho, float[] acc, int ao, float[] c, int co, int n, float y, float lr, boolean report) {
        return apply(h, ho, acc, ao, c, co, n, y, lr, report, VectorOps.vectorApi());
    }

    /** {@link #apply} with the Vector API. */
    public double applyVector(float[] h, int ho, float[] acc, int ao, float[] c, int co, int n, float y, float lr, boolean report) {
        return apply(h, ho, acc, ao, c, co, n, y, lr, report, true);
    }

    /** {@link #apply} with plain loops. */
    public double applyScalar(float[] h, int ho, float[] acc, int ao, float[] c, int co, int n, float y, float lr, boolean report) {
        return apply(h, ho, acc, ao, c, co, n, y, lr, report, false);
    }

    /** The loss of the event (h, c, y) as {@link #apply} would report it, without a step (for tests and reports). */
    public double loss(float[] h, int ho, float[] c, int co, int n, float y) {
        float z = logit(h, ho, c, co, n, VectorOps.vectorApi());
        return loss(z, sigmoid(z), y);
    }

    private double apply(float[] h, int ho, float[] acc, int ao, float[] c, int co, int n, float y, float lr, boolean report,
            boolean vector) {
        float z = logit(h, ho, c, co, n, vector);
        float p = sigmoid(z);
        float g = lr * (y - p);
        double loss = report ? loss(z, p, y) : 0;
        if (!Float.isFinite(g)) {
            return 0;
        }
        if (vector) {
            Lanes.update(g, h, ho, acc, ao, c, co, n);
        } else {
            updateScalar(g, h, ho, acc, ao, c, co, n, 0);
        }
        return loss;
    }

    private float logit(float[] h, int ho, float[] c, int co, int n, boolean vector) {
        float dot = vector ? VectorOps.dotVector(h, ho, c, co, n) : VectorOps.dotScalar(h, ho, c, co, n);
        return dot - logK + offset;
    }

    private float sigmoid(float z) {
        return tabulated ? Logistic.tabulatedSigmoid(z) : Logistic.floatSigmoid(z);
    }

    private double loss(float z, float p, float y) {
        if (tabulated) {
            float py = y > 0 ? p : 1 - p;
            return (float) -Math.log(Math.max(1e-7f, py));
        }
        return y == 1f ? Logistic.softplus(-z) : Logistic.softplus(z);
    }

    /** acc += g c; c += g h for k in [from, n), reading h and c before writing (acc may be h). */
    private static void updateScalar(float g, float[] h, int ho, float[] acc, int ao, float[] c, int co, int n, int from) {
        for (int k = from; k < n; k++) {
            float hk = h[ho + k];
            float ck = c[co + k];
            acc[ao + k] = acc[ao + k] + g * ck;
            c[co + k] = ck + g * hk;
        }
    }

    /** The Vector API loop, in a class of its own that a JVM without the module never loads. */
    private static final class Lanes {
        private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

        static void update(float g, float[] h, int ho, float[] acc, int ao, float[] c, int co, int n) {
            int k = 0;
            FloatVector vg = FloatVector.broadcast(F, g);
            for (int upper = F.loopBound(n); k < upper; k += F.length()) {
                FloatVector vh = FloatVector.fromArray(F, h, ho + k);
                FloatVector vc = FloatVector.fromArray(F, c, co + k);
                vc.fma(vg, FloatVector.fromArray(F, acc, ao + k)).intoArray(acc, ao + k);
                vh.fma(vg, vc).intoArray(c, co + k);
            }
            updateScalar(g, h, ho, acc, ao, c, co, n, k);
        }
    }
}
