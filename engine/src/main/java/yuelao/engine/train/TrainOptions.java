package yuelao.engine.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Training settings (fastText's Args): the method, the shared dimensions and the method-specific knobs.
 *
 * @param method eig (symmetric closed form), svd (closed form by singular directions) or pmi (the seed's
 *     weighted least squares by AdaGrad, METHOD.md section 3)
 * @param dim vector dimension d
 * @param power eigenvalue weighting p of the closed forms (V = U diag(lambda)^p)
 * @param cds context-distribution smoothing exponent of the PPMI matrix factorized by the closed forms
 * @param shift k of the shifted PPMI (log k subtracted) for the closed forms
 * @param iterations subspace iterations of the closed forms
 * @param oversample extra block columns of the closed forms
 * @param eigInit pmi method: start from the eig vectors instead of METHOD.md's random init
 * @param negatives pmi method: negative words per record (an extension; 0 = METHOD.md's objective)
 * @param negativeWeight pmi method: weight of a negative's squared error
 * @param ppmiTargets pmi method: fit PPMI instead of PMI
 * @param balance closed forms: frequency balancing exponent a; the eigendecomposition is taken of
 *     D^a M D^a with D = diag(n_i / n_0) and the vectors are unscaled, V = D^-a U diag(lambda)^p (a = 0: plain M)
 * @param samples sgns: observed pairs drawn per epoch, as a multiple of the total pair mass X
 * @param offset sgns: b added to the logit z = &lt;v_i, v_j&gt; - log k + b
 * @param contexts sgns: one shared table, or a separate context table C (logit &lt;w_i, c_j&gt; - log k + b) and how it starts
 * @param sumOutput sgns with separate contexts: write W + C instead of W
 */
public record TrainOptions(Method method, int dim, double power, double cds, double shift, int iterations, int oversample,
        int epochs, double learningRate, double xMax, double alpha, boolean truncatedWeight, long seed, int threads,
        double holdout, boolean eigInit, int negatives, double negativeWeight, boolean ppmiTargets, double balance, double samples, double offset,
        Contexts contexts, boolean sumOutput) {

    /** The settings with one shared sgns table. */
    public TrainOptions(Method method, int dim, double power, double cds, double shift, int iterations, int oversample,
            int epochs, double learningRate, double xMax, double alpha, boolean truncatedWeight, long seed, int threads,
            double holdout, boolean eigInit, int negatives, double negativeWeight, boolean ppmiTargets, double balance, double samples, double offset) {
        this(method, dim, power, cds, shift, iterations, oversample, epochs, learningRate, xMax, alpha, truncatedWeight, seed, threads,
                holdout, eigInit, negatives, negativeWeight, ppmiTargets, balance, samples, offset, Contexts.SHARED, false);
    }

    /**
     * sgns: the context table. SHARED: none (c = w); START: separate, starting from the counterpart of the word
     * start (eig: C = Q diag(lambda)^(1-p) so that W C^T = Q diag(lambda) Q^T; random: an independent uniform draw);
     * ZERO: separate, starting at 0 (word2vec's syn1neg).
     */
    public enum Contexts {
        SHARED, START, ZERO;

        public static Contexts parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --contexts '" + s + "' (expected shared, start or zero)");
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The settings without frequency balancing (balance 0). */
    public TrainOptions(Method method, int dim, double power, double cds, double shift, int iterations, int oversample,
            int epochs, double learningRate, double xMax, double alpha, boolean truncatedWeight, long seed, int threads,
            double holdout, boolean eigInit, int negatives, double negativeWeight, boolean ppmiTargets) {
        this(method, dim, power, cds, shift, iterations, oversample, epochs, learningRate, xMax, alpha, truncatedWeight, seed, threads,
                holdout, eigInit, negatives, negativeWeight, ppmiTargets, 0, 0.5, 0, Contexts.SHARED, false);
    }

    public enum Method {
        EIG, SVD, PMI, SGNS;

        public static Method parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --method '" + s + "' (expected eig, svd, pmi or sgns)");
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TrainOptions {
        if (dim < 1 || dim > 10_000) {
            throw new IllegalArgumentException("--dim must be in 1..10000, got " + dim);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (negatives < 0) {
            throw new IllegalArgumentException("--negatives must be >= 0, got " + negatives);
        }
        if (contexts == null) {
            contexts = Contexts.SHARED;
        }
        if (!(holdout >= 0 && holdout < 1)) {
            throw new IllegalArgumentException("--holdout must be in [0, 1), got " + holdout);
        }
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("train.method", method.id());
        p.put("train.dim", Integer.toString(dim));
        p.put("train.seed", Long.toString(seed));
        if (method == Method.SGNS) {
            p.put("train.epochs", Integer.toString(epochs));
            p.put("train.lr", Double.toString(learningRate));
            p.put("train.negatives", Integer.toString(negatives));
            p.put("train.samples", Double.toString(samples));
            p.put("train.offset", Double.toString(offset));
            p.put("train.init", eigInit ? "eig" : "random");
            if (contexts != Contexts.SHARED) {
                p.put("train.contexts", contexts.id());
                p.put("train.output", sumOutput ? "w+c" : "w");
            }
            if (eigInit) {
                p.put("train.power", Double.toString(power));
                p.put("train.cds", Double.toString(cds));
                p.put("train.shift", Double.toString(shift));
                p.put("train.iterations", Integer.toString(iterations));
                p.put("train.oversample", Integer.toString(oversample));
            }
        } else if (method == Method.PMI) {
            p.put("train.epochs", Integer.toString(epochs));
            p.put("train.lr", Double.toString(learningRate));
            p.put("train.xMax", Double.toString(xMax));
            p.put("train.alpha", Double.toString(alpha));
            p.put("train.weight", truncatedWeight ? "truncated" : "untruncated");
            p.put("train.holdout", Double.toString(holdout));
            p.put("train.init", eigInit ? "eig" : "random");
            p.put("train.negatives", Integer.toString(negatives));
            p.put("train.negativeWeight", Double.toString(negativeWeight));
            p.put("train.target", ppmiTargets ? "ppmi" : "pmi");
        } else {
            p.put("train.power", Double.toString(power));
            p.put("train.cds", Double.toString(cds));
            p.put("train.shift", Double.toString(shift));
            p.put("train.iterations", Integer.toString(iterations));
            p.put("train.oversample", Integer.toString(oversample));
            p.put("train.balance", Double.toString(balance));
        }
        return p;
    }
}
