package yuelao.engine.count;

/**
 * word2vec's frequent-word subsampling, applied to tokens before windowing: a token of word w with corpus
 * frequency f = n_w / N is kept with probability min(1, (sqrt(f / t) + 1) t / f) (word2vec.c's formula).
 * The draw is a hash of (seed, document index, position), not a shared random stream, so the kept tokens
 * are the same for any thread count.
 */
public final class Subsampler {
    private final float[] keepProbability;
    private final long seed;

    public Subsampler(long[] counts, long totalCount, double threshold, long seed) {
        this.seed = seed;
        this.keepProbability = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double f = (double) counts[i] / totalCount;
            double p = (Math.sqrt(f / threshold) + 1) * threshold / f;
            keepProbability[i] = (float) Math.min(1.0, p);
        }
    }

    public boolean keep(int id, long document, int position) {
        float p = keepProbability[id];
        if (p >= 1f) {
            return true;
        }
        long h = mix(seed ^ mix(document * 0x9E3779B97F4A7C15L + position));
        double u = (h >>> 11) * 0x1.0p-53;
        return u < p;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public float keepProbability(int id) {
        return keepProbability[id];
    }
}
