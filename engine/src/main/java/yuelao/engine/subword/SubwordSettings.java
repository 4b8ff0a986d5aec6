package yuelao.engine.subword;

import java.util.Locale;
import java.util.Map;

/**
 * Settings of the subword model ({@code --subwords MIN-MAX}, docs/method.md section 3): which character n-grams a word
 * has, how the feature table is fitted to the word-level vectors, the optional refinement on the composed vectors, and
 * the final spectral map. Immutable; {@link #builder()} holds the {@code train} verb's defaults.
 *
 * <p>Some defaults depend on the refinement, by measurement (docs/experiments/subwords.md): with the sgns refinement
 * ({@code refinementEpochs > 0}) the fit's ridge is 32 (else 8), the closed-form fit is blended back with weight .4
 * (else 0), and the spectral map takes s -> c s^.8 with the strongest direction removed (else none). Each loss has its
 * own rate and negatives (sgns: SGD from .05, 5 negatives, fastText's; pmi: AdaGrad .02, 2 negatives).
 */
public final class SubwordSettings {
    public static final int DEFAULT_BUCKETS = 2_000_000;

    /** The loss of the refinement. */
    public enum Loss {
        /** fastText's skip-gram negative sampling over the counts ({@link SubwordSgns}). */
        SGNS,
        /** The weighted squared error against shifted PPMI ({@link SubwordRefiner}). */
        PMI;

        public static Loss parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--subword-loss must be sgns or pmi, got " + s);
            }
        }
    }

    /** How the sgns refinement's context table starts. */
    public enum Contexts {
        /** c = 0, as word2vec's and fastText's output vectors. */
        ZERO,
        /** c_j = the unit-length vector the word was fitted to. */
        UNIT;

        public static Contexts parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--subword-contexts must be zero or unit, got " + s);
            }
        }
    }

    private final int minn;
    private final int maxn;
    private final int buckets;
    private final int minCount;
    private final boolean includeWord;
    private final boolean unitFit;
    private final double power;
    private final double ridge;
    private final int fitIterations;
    private final Loss loss;
    private final int refinementEpochs;
    private final double sgnsLr;
    private final int sgnsNegatives;
    private final double pmiLr;
    private final int pmiNegatives;
    private final int contextsPerVisit;
    private final int pmiBatch;
    private final double samples;
    private final Contexts contexts;
    private final double noisePower;
    private final double blend;
    private final double spectralPower;
    private final int dropTop;

    private SubwordSettings(Builder b) {
        this.minn = b.minn;
        this.maxn = b.maxn;
        this.buckets = b.buckets;
        this.minCount = b.minCount;
        this.includeWord = b.includeWord;
        this.unitFit = b.unitFit;
        this.power = b.power;
        this.fitIterations = b.fitIterations;
        this.loss = b.loss;
        this.refinementEpochs = b.refinementEpochs;
        boolean sgns = loss == Loss.SGNS;
        boolean sgnsRefined = sgns && refinementEpochs > 0; // the measured recipe: ridge 32, blend .4, spectrum .8 minus the top
        this.ridge = b.ridge != null ? b.ridge : sgnsRefined ? 32 : 8;
        this.sgnsLr = b.sgnsLr;
        this.sgnsNegatives = b.sgnsNegatives;
        this.pmiLr = b.pmiLr;
        this.pmiNegatives = b.pmiNegatives;
        this.contextsPerVisit = b.contextsPerVisit;
        this.pmiBatch = b.pmiBatch;
        this.samples = b.samples;
        this.contexts = b.contexts;
        this.noisePower = b.noisePower;
        this.blend = b.blend != null ? b.blend : sgnsRefined ? 0.4 : 0;
        this.spectralPower = b.spectralPower != null ? b.spectralPower : sgnsRefined ? 0.8 : 1;
        this.dropTop = b.dropTop != null ? b.dropTop : sgnsRefined ? 1 : 0;
        new SubwordFeatures.Spec(minn, maxn, buckets, SubwordFeatures.Scheme.LATIN); // validates the n-gram range and buckets
        require(minCount >= 1, "--subword-min-count must be at least 1, got " + minCount);
        require(ridge >= 0 && Double.isFinite(ridge), "--subword-ridge must be >= 0, got " + ridge);
        require(fitIterations >= 0, "--subword-fit-iterations must be >= 0, got " + fitIterations);
        require(Double.isFinite(power), "--subword-power must be a number, got " + power);
        require(refinementEpochs >= 0, "--subword-epochs must be >= 0, got " + refinementEpochs);
        require(sgnsLr > 0 && Double.isFinite(sgnsLr), "--subword-lr must be > 0, got " + sgnsLr);
        require(sgnsNegatives >= 1, "--subword-negatives must be >= 1, got " + sgnsNegatives);
        require(pmiLr > 0 && Double.isFinite(pmiLr), "--subword-pmi-lr must be > 0, got " + pmiLr);
        require(pmiNegatives >= 0, "--subword-pmi-negatives must be >= 0, got " + pmiNegatives);
        require(contextsPerVisit >= 1, "--subword-contexts-per-visit must be >= 1, got " + contextsPerVisit);
        require(pmiBatch >= 1, "--subword-pmi-batch must be >= 1, got " + pmiBatch);
        require(samples > 0 && Double.isFinite(samples), "--subword-samples must be > 0, got " + samples);
        require(blend >= 0 && Double.isFinite(blend), "--subword-blend must be >= 0, got " + blend);
        require(noisePower >= 0 && Double.isFinite(noisePower), "--subword-noise-power must be >= 0, got " + noisePower);
        require(spectralPower >= 0 && Double.isFinite(spectralPower), "--subword-spectral-power must be >= 0, got " + spectralPower);
        require(dropTop >= 0, "--subword-drop-top must be >= 0, got " + dropTop);
    }

    private static void require(boolean ok, String message) {
        if (!ok) { // NaN fails every comparison, so it is rejected too
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses "MIN-MAX" (e.g. 3-6). */
    public static int[] parseRange(String s) {
        String[] p = s.split("-");
        try {
            if (p.length == 2) {
                return new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--subwords expects MIN-MAX, e.g. 3-6, or none, got '" + s + "'");
    }

    /** Shortest n-gram (code points, boundary markers included). */
    public int minn() {
        return minn;
    }

    /** Longest n-gram. */
    public int maxn() {
        return maxn;
    }

    /** Hash buckets of the n-grams. */
    public int buckets() {
        return buckets;
    }

    /** A bucket is kept only if at least this many vocabulary words use it. */
    public int minCount() {
        return minCount;
    }

    /** A word's own id is one of its features. */
    public boolean includeWord() {
        return includeWord;
    }

    /** Fit the unit-length word vectors (directions) rather than the raw ones. */
    public boolean unitFit() {
        return unitFit;
    }

    /** Eigenvalue weighting q of the fit's target (closed forms: columns rescaled from lambda^p to lambda^q). */
    public double power() {
        return power;
    }

    /** Ridge of the closed-form fit. */
    public double ridge() {
        return ridge;
    }

    /** Conjugate-gradient iterations of the fit. */
    public int fitIterations() {
        return fitIterations;
    }

    /** The refinement's loss. */
    public Loss loss() {
        return loss;
    }

    /** Passes of the refinement (0 = the fit alone). */
    public int refinementEpochs() {
        return refinementEpochs;
    }

    /** The refinement's rate, of its loss: sgns the starting SGD rate (decayed linearly), pmi the AdaGrad rate. */
    public double lr() {
        return loss == Loss.SGNS ? sgnsLr : pmiLr;
    }

    /** The refinement's negatives, of its loss: per observed pair (sgns) or per record (pmi). */
    public int negatives() {
        return loss == Loss.SGNS ? sgnsNegatives : pmiNegatives;
    }

    /** sgns: the starting SGD rate. */
    public double sgnsLr() {
        return sgnsLr;
    }

    /** sgns: negatives per observed pair. */
    public int sgnsNegatives() {
        return sgnsNegatives;
    }

    /** pmi: the AdaGrad rate. */
    public double pmiLr() {
        return pmiLr;
    }

    /** pmi: negatives per record. */
    public int pmiNegatives() {
        return pmiNegatives;
    }

    /** sgns: contexts drawn per visit of a word's row. */
    public int contextsPerVisit() {
        return contextsPerVisit;
    }

    /** pmi: records per refinement step of a word. */
    public int pmiBatch() {
        return pmiBatch;
    }

    /** sgns: positive events per epoch as a multiple of X. */
    public double samples() {
        return samples;
    }

    /** sgns: start of the context table. */
    public Contexts contexts() {
        return contexts;
    }

    /** sgns: exponent a of the negatives' distribution n^a. */
    public double noisePower() {
        return noisePower;
    }

    /** sgns: weight of the closed-form fit added back to the trained table (0 = none). */
    public double blend() {
        return blend;
    }

    /** The final map's power: singular value s becomes c s^p (1 = unchanged). */
    public double spectralPower() {
        return spectralPower;
    }

    /** The final map removes this many strongest directions. */
    public int dropTop() {
        return dropTop;
    }

    /** True when the final map changes nothing. */
    public boolean spectrumIsIdentity() {
        return spectralPower == 1 && dropTop == 0;
    }

    /** Records the settings in the output's properties (the n-gram spec is recorded by {@link SubwordFeatures.Spec}). */
    public void toProperties(Map<String, String> p) {
        p.put("subwords.minCount", Integer.toString(minCount));
        p.put("subwords.includeWord", Boolean.toString(includeWord));
        p.put("subwords.composition", "sum");
        p.put("subwords.fitTarget", unitFit ? "unit" : "raw");
        p.put("subwords.ridge", Double.toString(ridge));
        p.put("subwords.power", Double.toString(power));
        p.put("subwords.fitIterations", Integer.toString(fitIterations));
        p.put("subwords.refineEpochs", Integer.toString(refinementEpochs));
        if (refinementEpochs > 0) {
            p.put("subwords.refineLoss", loss.name().toLowerCase(Locale.ROOT));
            p.put("subwords.refineLr", Double.toString(lr()));
            p.put("subwords.refineNegatives", Integer.toString(negatives()));
            p.put("subwords.refineBatch", Integer.toString(loss == Loss.SGNS ? contextsPerVisit : pmiBatch));
            if (loss == Loss.SGNS) {
                p.put("subwords.refineSamples", Double.toString(samples));
                p.put("subwords.refineContexts", contexts.name().toLowerCase(Locale.ROOT));
                p.put("subwords.noisePower", Double.toString(noisePower));
                p.put("subwords.blend", Double.toString(blend));
            }
        }
        if (!spectrumIsIdentity()) {
            p.put("subwords.spectralPower", Double.toString(spectralPower));
            p.put("subwords.dropTop", Integer.toString(dropTop));
        }
    }

    /** Named settings; unset ones keep the {@code train} verb's defaults (see the class comment). */
    public static final class Builder {
        private int minn = 3;
        private int maxn = 6;
        private int buckets = DEFAULT_BUCKETS;
        private int minCount = 1;
        private boolean includeWord = true;
        private boolean unitFit = true;
        private double power = 0;
        private Double ridge;
        private int fitIterations = 60;
        private Loss loss = Loss.SGNS;
        private int refinementEpochs = 0;
        private double sgnsLr = 0.05;
        private int sgnsNegatives = 5;
        private double pmiLr = 0.02;
        private int pmiNegatives = 2;
        private int contextsPerVisit = 12;
        private int pmiBatch = 32;
        private double samples = 1;
        private Contexts contexts = Contexts.ZERO;
        private double noisePower = 0.5;
        private Double blend;
        private Double spectralPower;
        private Integer dropTop;

        private Builder() {}

        /** The n-gram lengths MIN..MAX. */
        public Builder ngrams(int min, int max) {
            this.minn = min;
            this.maxn = max;
            return this;
        }

        public Builder buckets(int n) {
            this.buckets = n;
            return this;
        }

        public Builder minCount(int c) {
            this.minCount = c;
            return this;
        }

        public Builder includeWord(boolean include) {
            this.includeWord = include;
            return this;
        }

        public Builder unitFit(boolean unit) {
            this.unitFit = unit;
            return this;
        }

        public Builder power(double q) {
            this.power = q;
            return this;
        }

        /** The ridge; null restores the default (see the class comment). */
        public Builder ridge(Double r) {
            this.ridge = r;
            return this;
        }

        public Builder fitIterations(int n) {
            this.fitIterations = n;
            return this;
        }

        public Builder loss(Loss l) {
            this.loss = java.util.Objects.requireNonNull(l);
            return this;
        }

        public Builder refinementEpochs(int e) {
            this.refinementEpochs = e;
            return this;
        }

        /** sgns: the starting SGD rate. */
        public Builder sgnsLr(double eta) {
            this.sgnsLr = eta;
            return this;
        }

        /** sgns: negatives per observed pair. */
        public Builder sgnsNegatives(int k) {
            this.sgnsNegatives = k;
            return this;
        }

        /** pmi: the AdaGrad rate. */
        public Builder pmiLr(double eta) {
            this.pmiLr = eta;
            return this;
        }

        /** pmi: negatives per record. */
        public Builder pmiNegatives(int m) {
            this.pmiNegatives = m;
            return this;
        }

        public Builder contextsPerVisit(int n) {
            this.contextsPerVisit = n;
            return this;
        }

        public Builder pmiBatch(int n) {
            this.pmiBatch = n;
            return this;
        }

        public Builder samples(double s) {
            this.samples = s;
            return this;
        }

        public Builder contexts(Contexts c) {
            this.contexts = java.util.Objects.requireNonNull(c);
            return this;
        }

        public Builder noisePower(double a) {
            this.noisePower = a;
            return this;
        }

        /** The blend; null restores the default (see the class comment). */
        public Builder blend(Double a) {
            this.blend = a;
            return this;
        }

        /** The map's power; null restores the default (see the class comment). */
        public Builder spectralPower(Double p) {
            this.spectralPower = p;
            return this;
        }

        /** Directions removed; null restores the default (see the class comment). */
        public Builder dropTop(Integer d) {
            this.dropTop = d;
            return this;
        }

        public SubwordSettings build() {
            return new SubwordSettings(this);
        }
    }
}
