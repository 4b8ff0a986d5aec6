package yuelao.engine.train;

import java.util.Map;

/**
 * Settings of the subword model (issue 7, {@code --subwords MIN-MAX}); see {@link SubwordFeatures} and
 * {@link SubwordTrainer}. The word-level method (eig by default) gives the start that the feature table is fitted
 * to.
 *
 * @param minn shortest n-gram (code points, boundary markers included)
 * @param maxn longest n-gram
 * @param buckets hash buckets of the n-grams
 * @param minCount a bucket is kept only if at least this many vocabulary words use it
 * @param includeWord whether a word's own id is one of its features
 * @param unitFit fit the feature table to the unit-length start vectors (their directions) rather than the raw ones
 * @param power eigenvalue weighting q of the start the feature table is fitted to (eig/svd: the word vectors'
 *     columns are rescaled from lambda^p to lambda^q; NaN = as trained)
 * @param ridge ridge penalty of the closed-form fit (how strongly words are pulled to what their n-grams share)
 * @param fitIterations conjugate-gradient iterations of the fit
 * @param refinement the iterative step on the composed vectors after the fit
 * @param spectrum the linear map applied to the feature table at the end ({@link SpectralReweighting})
 */
public record SubwordOptions(int minn, int maxn, int buckets, int minCount, boolean includeWord, boolean unitFit, double power, double ridge, int fitIterations,
        Refinement refinement, Spectrum spectrum) {
    public static final int DEFAULT_BUCKETS = 2_000_000;

    /** The loss of the refinement. */
    public enum Loss {
        /** fastText's skip-gram negative sampling over the counts ({@link SubwordSgns}). */
        SGNS,
        /** METHOD.md's weighted squared error against shifted PPMI ({@link SubwordTrainer.Refiner}). */
        PMI
    }

    /** How the sgns refinement's context table starts. */
    public enum Contexts {
        /** c = 0, as word2vec's and fastText's output vectors. */
        ZERO,
        /** c_j = the unit-length vector the word was fitted to. */
        UNIT
    }

    /**
     * The refinement on the composed vectors.
     *
     * @param loss sgns or pmi
     * @param epochs passes (0 = the closed-form fit only)
     * @param lr sgns: starting SGD rate (decayed linearly to 0); pmi: AdaGrad rate
     * @param negatives negatives per observed pair (sgns) or per record (pmi)
     * @param batch pmi: records per step of a word; sgns: contexts drawn per visit of a word's row
     * @param samples sgns: positive events per epoch as a multiple of the pair mass X (1 = one pass of the stream)
     * @param contexts sgns: start of the context table
     * @param noisePower sgns: exponent a of the negative distribution n^a
     * @param blend sgns: weight of the closed-form fit added back to the trained table (0 = none); both parts are scaled
     *     to unit mean square composed norm first
     */
    public record Refinement(Loss loss, int epochs, double lr, int negatives, int batch, double samples, Contexts contexts, double noisePower,
            double blend) {
        public Refinement {
            require(epochs >= 0, "--subword-epochs must be >= 0, got " + epochs);
            require(negatives >= 0, "--subword-negatives must be >= 0, got " + negatives);
            require(lr > 0, "--subword-lr must be > 0, got " + lr);
            require(batch >= 1, "--subword-batch must be >= 1, got " + batch);
            require(samples > 0, "--subword-samples must be > 0, got " + samples);
            require(blend >= 0, "--subword-blend must be >= 0, got " + blend);
            require(noisePower >= 0, "--subword-noise-power must be >= 0, got " + noisePower);
            if (loss == Loss.SGNS && epochs > 0 && negatives < 1) {
                throw new IllegalArgumentException("the sgns refinement needs --subword-negatives >= 1");
            }
        }

        static void require(boolean ok, String message) {
            if (!ok) { // NaN fails every comparison above, so it is rejected too
                throw new IllegalArgumentException(message);
            }
        }

        /** No refinement: the closed-form fit only. */
        public static final Refinement NONE = new Refinement(Loss.SGNS, 0, 0.025, 5, 32, 1, Contexts.ZERO, 0.5, 0);
    }

    /**
     * The final reweighting of the table's principal directions ({@link SpectralReweighting}).
     *
     * @param power singular value s of the word matrix becomes c s^power (1 = unchanged)
     * @param drop strongest directions removed (0 = none)
     */
    public record Spectrum(double power, int drop) {
        public Spectrum {
            Refinement.require(power >= 0, "--subword-spectral-power must be >= 0, got " + power);
            Refinement.require(drop >= 0, "--subword-drop-top must be >= 0, got " + drop);
        }

        /** The identity: the table as trained. */
        public static final Spectrum NONE = new Spectrum(1, 0);

        public boolean isIdentity() {
            return power == 1 && drop == 0;
        }
    }

    public SubwordOptions {
        if (minCount < 1) {
            throw new IllegalArgumentException("--subword-min-count must be at least 1, got " + minCount);
        }
        if (ridge < 0 || fitIterations < 0) {
            throw new IllegalArgumentException("subword settings must be non-negative");
        }
        new SubwordFeatures.Spec(minn, maxn, buckets, SubwordFeatures.Scheme.LATIN); // validates
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
        throw new IllegalArgumentException("--subwords expects MIN-MAX, e.g. 3-6, got '" + s + "'");
    }

    public void toProperties(Map<String, String> p) {
        p.put("subwords.minCount", Integer.toString(minCount));
        p.put("subwords.includeWord", Boolean.toString(includeWord));
        p.put("subwords.composition", "sum");
        p.put("subwords.fitTarget", unitFit ? "unit" : "raw");
        p.put("subwords.ridge", Double.toString(ridge));
        p.put("subwords.power", Double.toString(power));
        p.put("subwords.fitIterations", Integer.toString(fitIterations));
        Refinement r = refinement;
        p.put("subwords.refineEpochs", Integer.toString(r.epochs()));
        if (r.epochs() > 0) {
            p.put("subwords.refineLoss", r.loss().name().toLowerCase(java.util.Locale.ROOT));
            p.put("subwords.refineLr", Double.toString(r.lr()));
            p.put("subwords.refineNegatives", Integer.toString(r.negatives()));
            p.put("subwords.refineBatch", Integer.toString(r.batch()));
            if (r.loss() == Loss.SGNS) {
                p.put("subwords.refineSamples", Double.toString(r.samples()));
                p.put("subwords.refineContexts", r.contexts().name().toLowerCase(java.util.Locale.ROOT));
                p.put("subwords.noisePower", Double.toString(r.noisePower()));
                p.put("subwords.blend", Double.toString(r.blend()));
            }
        }
        if (!spectrum.isIdentity()) {
            p.put("subwords.spectralPower", Double.toString(spectrum.power()));
            p.put("subwords.dropTop", Integer.toString(spectrum.drop()));
        }
    }
}
