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
 * @param refineEpochs passes of the refinement on the composed vectors (0 = closed-form start only)
 * @param refineLr AdaGrad rate of the refinement
 * @param refineNegatives negatives per record of the refinement
 * @param refineBatch records per refinement step of a word
 */
public record SubwordOptions(int minn, int maxn, int buckets, int minCount, boolean includeWord, boolean unitFit, double power, double ridge, int fitIterations,
        int refineEpochs, double refineLr, int refineNegatives, int refineBatch) {
    public static final int DEFAULT_BUCKETS = 2_000_000;

    public SubwordOptions {
        if (minCount < 1) {
            throw new IllegalArgumentException("--subword-min-count must be at least 1, got " + minCount);
        }
        if (ridge < 0 || fitIterations < 0 || refineEpochs < 0 || refineNegatives < 0) {
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
        p.put("subwords.refineEpochs", Integer.toString(refineEpochs));
        if (refineEpochs > 0) {
            p.put("subwords.refineLr", Double.toString(refineLr));
            p.put("subwords.refineNegatives", Integer.toString(refineNegatives));
            p.put("subwords.refineBatch", Integer.toString(refineBatch));
        }
    }
}
