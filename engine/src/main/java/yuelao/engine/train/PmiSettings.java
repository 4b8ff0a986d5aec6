package yuelao.engine.train;

/**
 * Settings of {@code --method pmi}: the seed's weighted least squares on PMI by AdaGrad (docs/method.md section 3),
 * sum over observed i != j of min(1, (x/x_max)^alpha) (&lt;v_i, v_j&gt; - PMI_ij)^2, with its extensions (eig start,
 * negatives, PPMI targets, held-out pairs). Immutable; {@link #builder()} holds the {@code train} verb's defaults.
 */
public final class PmiSettings {
    private final int epochs;
    private final double lr;
    private final double xMax;
    private final double alpha;
    private final boolean truncatedWeight;
    private final double holdout;
    private final boolean eigInit;
    private final int negatives;
    private final double negativeWeight;
    private final boolean ppmiTargets;

    private PmiSettings(Builder b) {
        this.epochs = b.epochs;
        this.lr = b.lr;
        this.xMax = b.xMax;
        this.alpha = b.alpha;
        this.truncatedWeight = b.truncatedWeight;
        this.holdout = b.holdout;
        this.eigInit = b.eigInit;
        this.negatives = b.negatives;
        this.negativeWeight = b.negativeWeight;
        this.ppmiTargets = b.ppmiTargets;
        ClosedFormSettings.require(epochs >= 1, "--pmi-epochs must be at least 1, got " + epochs);
        ClosedFormSettings.require(lr > 0 && Double.isFinite(lr), "--pmi-lr must be > 0, got " + lr);
        ClosedFormSettings.require(xMax > 0 && Double.isFinite(xMax), "--x-max must be > 0, got " + xMax);
        ClosedFormSettings.require(alpha >= 0 && Double.isFinite(alpha), "--alpha must be >= 0, got " + alpha);
        ClosedFormSettings.require(holdout >= 0 && holdout < 1, "--holdout must be in [0, 1), got " + holdout);
        ClosedFormSettings.require(negatives >= 0, "--pmi-negatives must be >= 0, got " + negatives);
        ClosedFormSettings.require(negativeWeight >= 0 && Double.isFinite(negativeWeight), "--negative-weight must be >= 0, got "
                + negativeWeight);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Passes over the observed pairs. */
    public int epochs() {
        return epochs;
    }

    /** AdaGrad learning rate. */
    public double lr() {
        return lr;
    }

    /** x_max of the weight (x/x_max)^alpha. */
    public double xMax() {
        return xMax;
    }

    /** alpha of the weight. */
    public double alpha() {
        return alpha;
    }

    /** min(1, (x/x_max)^alpha) rather than (x/x_max)^alpha. */
    public boolean truncatedWeight() {
        return truncatedWeight;
    }

    /** Seeded fraction of observed pairs kept out, for held-out RMSE. */
    public double holdout() {
        return holdout;
    }

    /** Start from the eig vectors (else Uniform(-0.5/d, 0.5/d)). */
    public boolean eigInit() {
        return eigInit;
    }

    /** Negative words per record, drawn by n^0.75 (0 = the seed's objective). */
    public int negatives() {
        return negatives;
    }

    /** Weight of a negative's squared error. */
    public double negativeWeight() {
        return negativeWeight;
    }

    /** Fit PPMI instead of PMI. */
    public boolean ppmiTargets() {
        return ppmiTargets;
    }

    /** Named settings; unset ones keep the {@code train} verb's defaults. */
    public static final class Builder {
        private int epochs = 30;
        private double lr = 0.1;
        private double xMax = 100;
        private double alpha = 0.75;
        private boolean truncatedWeight = true;
        private double holdout = 0;
        private boolean eigInit = false;
        private int negatives = 0;
        private double negativeWeight = 1;
        private boolean ppmiTargets = false;

        private Builder() {}

        public Builder epochs(int e) {
            this.epochs = e;
            return this;
        }

        public Builder lr(double eta) {
            this.lr = eta;
            return this;
        }

        public Builder xMax(double x) {
            this.xMax = x;
            return this;
        }

        public Builder alpha(double a) {
            this.alpha = a;
            return this;
        }

        public Builder truncatedWeight(boolean t) {
            this.truncatedWeight = t;
            return this;
        }

        public Builder holdout(double f) {
            this.holdout = f;
            return this;
        }

        public Builder eigInit(boolean eig) {
            this.eigInit = eig;
            return this;
        }

        public Builder negatives(int m) {
            this.negatives = m;
            return this;
        }

        public Builder negativeWeight(double w) {
            this.negativeWeight = w;
            return this;
        }

        public Builder ppmiTargets(boolean ppmi) {
            this.ppmiTargets = ppmi;
            return this;
        }

        public PmiSettings build() {
            return new PmiSettings(this);
        }
    }
}
