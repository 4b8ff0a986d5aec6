package yuelao.engine.train;

import java.util.Locale;

/**
 * Settings of {@code --method sgns}: word2vec's negative-sampling loss over the counts (docs/method.md section 3).
 * Immutable; {@link #builder()} holds the {@code train} verb's defaults, measured in docs/experiments/quality.md. Two
 * defaults depend on the context table: with separate contexts the rate is 0.025 and an epoch draws 2 X pairs, with one
 * shared table 0.01 and X/2.
 */
public final class SgnsSettings {
    /** Default rate with one shared table. */
    public static final double SHARED_LR = 0.01;
    /** Default rate with a separate context table. */
    public static final double SEPARATE_LR = 0.025;
    /** Default pairs per epoch (multiple of X) with one shared table. */
    public static final double SHARED_SAMPLES = 0.5;
    /** Default pairs per epoch (multiple of X) with a separate context table. */
    public static final double SEPARATE_SAMPLES = 2;

    /**
     * The context table. SHARED: none (c = w); START: separate, starting from the counterpart of the word start (eig:
     * C = Q diag(lambda)^(1-p) so that W C^T = Q diag(lambda) Q^T; random: an independent uniform draw); ZERO: separate,
     * starting at 0 (word2vec's syn1neg).
     */
    public enum Contexts {
        SHARED, START, ZERO;

        public static Contexts parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --sgns-contexts '" + s + "' (expected shared, start or zero)");
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int epochs;
    private final double lr;
    private final int negatives;
    private final double samples;
    private final double offset;
    private final boolean eigInit;
    private final Contexts contexts;
    private final boolean sumOutput;

    private SgnsSettings(Builder b) {
        this.contexts = b.contexts;
        boolean separate = contexts != Contexts.SHARED;
        this.epochs = b.epochs;
        this.lr = b.lr != null ? b.lr : separate ? SEPARATE_LR : SHARED_LR;
        this.negatives = b.negatives;
        this.samples = b.samples != null ? b.samples : separate ? SEPARATE_SAMPLES : SHARED_SAMPLES;
        this.offset = b.offset;
        this.eigInit = b.eigInit;
        this.sumOutput = b.sumOutput;
        ClosedFormSettings.require(epochs >= 1, "--sgns-epochs must be at least 1, got " + epochs);
        ClosedFormSettings.require(lr > 0 && Double.isFinite(lr), "--sgns-lr must be > 0, got " + lr);
        ClosedFormSettings.require(negatives >= 1, "--sgns-negatives must be at least 1, got " + negatives);
        ClosedFormSettings.require(samples > 0 && Double.isFinite(samples), "--sgns-samples must be > 0, got " + samples);
        ClosedFormSettings.require(Double.isFinite(offset), "--sgns-offset must be a number, got " + offset);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Epochs of {@link #samples()} X drawn pairs. */
    public int epochs() {
        return epochs;
    }

    /** Starting SGD rate, decayed linearly. */
    public double lr() {
        return lr;
    }

    /** k: negative events per observed one. */
    public int negatives() {
        return negatives;
    }

    /** Observed pairs drawn per epoch, as a multiple of the pair mass X. */
    public double samples() {
        return samples;
    }

    /** b in the logit z = &lt;v_i, v_j&gt; - log k + b. */
    public double offset() {
        return offset;
    }

    /** Start from the eig vectors (else Uniform(-0.5/d, 0.5/d)). */
    public boolean eigInit() {
        return eigInit;
    }

    /** The context table. */
    public Contexts contexts() {
        return contexts;
    }

    /** With separate contexts: write W + C (else W). */
    public boolean sumOutput() {
        return sumOutput;
    }

    /** Named settings; unset ones keep the {@code train} verb's defaults. */
    public static final class Builder {
        private int epochs = 1;
        private Double lr;
        private int negatives = 5;
        private Double samples;
        private double offset = 0;
        private boolean eigInit = true;
        private Contexts contexts = Contexts.SHARED;
        private boolean sumOutput = true;

        private Builder() {}

        public Builder epochs(int e) {
            this.epochs = e;
            return this;
        }

        /** The rate; null restores the default for the context table. */
        public Builder lr(Double eta) {
            this.lr = eta;
            return this;
        }

        public Builder negatives(int k) {
            this.negatives = k;
            return this;
        }

        /** Pairs per epoch; null restores the default for the context table. */
        public Builder samples(Double s) {
            this.samples = s;
            return this;
        }

        public Builder offset(double b) {
            this.offset = b;
            return this;
        }

        public Builder eigInit(boolean eig) {
            this.eigInit = eig;
            return this;
        }

        public Builder contexts(Contexts c) {
            this.contexts = java.util.Objects.requireNonNull(c);
            return this;
        }

        public Builder sumOutput(boolean sum) {
            this.sumOutput = sum;
            return this;
        }

        public SgnsSettings build() {
            return new SgnsSettings(this);
        }
    }
}
