package yuelao.engine.sampling;

import yuelao.storage.counts.CountStore;

/**
 * The weights of the negative (noise) distribution of negative sampling, P_n(j) = n_j^a / sum_c n_c^a
 * (docs/method.md section 3): built here once for every trainer that draws negatives, so that they all mean the same
 * thing by "n^a".
 */
public final class NoiseWeights {
    /** word2vec's exponent a = 0.75, the noise of the word-level trainers and of the pmi refinement. */
    public static final double WORD2VEC_POWER = 0.75;

    private NoiseWeights() {}

    /**
     * n_i^a for every word i of the store, in id order, with n_i floored at 1 (a word is never impossible as a
     * negative). A new array of the store's vocabulary size.
     */
    public static double[] of(CountStore store, double power) {
        int n = store.vocabSize();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(Math.max(1, store.unigramCount(i)), power);
        }
        return w;
    }
}
