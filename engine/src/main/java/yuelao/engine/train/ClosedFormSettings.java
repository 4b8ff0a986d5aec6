package yuelao.engine.train;

/**
 * Settings of the closed forms (eig, svd; docs/method.md section 3), which also make the eig start of the iterative
 * methods: the PPMI matrix they factorize (cds, shift, balance), the eigenvalue weighting p of v = Q diag(lambda)^p,
 * and the randomized subspace iteration (iterations, oversampling). Immutable; {@link #builder()} holds the {@code
 * train} verb's defaults.
 */
public final class ClosedFormSettings {
    private final double power;
    private final double cds;
    private final double shift;
    private final int iterations;
    private final int oversample;
    private final double balance;

    private ClosedFormSettings(Builder b) {
        this.power = b.power;
        this.cds = b.cds;
        this.shift = b.shift;
        this.iterations = b.iterations;
        this.oversample = b.oversample;
        this.balance = b.balance;
        require(Double.isFinite(power), "--power must be a number, got " + power);
        require(cds > 0 && cds <= 1, "--cds must be in (0, 1], got " + cds);
        require(shift > 0 && Double.isFinite(shift), "--shift must be > 0 (1 = no shift), got " + shift);
        require(iterations >= 1, "--iterations must be at least 1, got " + iterations);
        require(oversample >= 0, "--oversample must be >= 0, got " + oversample);
        require(balance >= 0 && Double.isFinite(balance), "--balance must be >= 0, got " + balance);
    }

    static void require(boolean ok, String message) {
        if (!ok) { // NaN fails every comparison, so it is rejected too
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().power(power).cds(cds).shift(shift).iterations(iterations).oversample(oversample).balance(balance);
    }

    /** Eigenvalue weighting p: v = Q diag(lambda)^p. */
    public double power() {
        return power;
    }

    /** Context-distribution smoothing of the PPMI matrix, both sides. */
    public double cds() {
        return cds;
    }

    /** k of the shifted PPMI (log k subtracted). */
    public double shift() {
        return shift;
    }

    /** Subspace iterations. */
    public int iterations() {
        return iterations;
    }

    /** Extra block columns of the randomized range finder. */
    public int oversample() {
        return oversample;
    }

    /** Frequency balancing a: D^a M D^a is factorized, D = diag(n_i / n_max), and the rows unscaled. */
    public double balance() {
        return balance;
    }

    /** Named settings; unset ones keep the {@code train} verb's defaults. */
    public static final class Builder {
        private double power = 0.5;
        private double cds = 0.75;
        private double shift = 1;
        private int iterations = 12;
        private int oversample = 40;
        private double balance = 0;

        private Builder() {}

        public Builder power(double p) {
            this.power = p;
            return this;
        }

        public Builder cds(double a) {
            this.cds = a;
            return this;
        }

        public Builder shift(double k) {
            this.shift = k;
            return this;
        }

        public Builder iterations(int n) {
            this.iterations = n;
            return this;
        }

        public Builder oversample(int n) {
            this.oversample = n;
            return this;
        }

        public Builder balance(double a) {
            this.balance = a;
            return this;
        }

        public ClosedFormSettings build() {
            return new ClosedFormSettings(this);
        }
    }
}
