package yuelao.engine.sampling;

/**
 * A keyed pseudo-random permutation of [0, n) that needs no memory: a 4-round Feistel network on the
 * smallest even-bit domain 2^(2h) >= n, with cycle walking to stay inside [0, n). Gives each epoch a fresh
 * shuffled visiting order of the training records without materialising (or writing) a shuffled copy.
 * Immutable and thread-safe; {@link #apply} allocates nothing.
 */
public final class FeistelPermutation {
    private final long n;
    private final int halfBits;
    private final long halfMask;
    private final long[] keys = new long[4];

    /**
     * The permutation of [0, n) keyed by {@code seed} (the round keys are {@link SeedMixer#mix} of the seed's
     * Weyl sequence).
     *
     * @throws IllegalArgumentException if n &lt; 1
     */
    public FeistelPermutation(long n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("empty domain");
        }
        this.n = n;
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        this.halfBits = Math.max(1, (bits + 1) / 2);
        this.halfMask = (1L << halfBits) - 1;
        long s = seed;
        for (int r = 0; r < 4; r++) {
            s += 0x9E3779B97F4A7C15L;
            keys[r] = SeedMixer.mix(s);
        }
    }

    /** The image of x in [0, n) (x in [0, n); each image appears exactly once). */
    public long apply(long x) {
        long y = x;
        do {
            y = round(y);
        } while (y >= n);
        return y;
    }

    private long round(long x) {
        long l = (x >>> halfBits) & halfMask;
        long r = x & halfMask;
        for (int k = 0; k < 4; k++) {
            long t = l ^ (SeedMixer.mix(r ^ keys[k]) & halfMask);
            l = r;
            r = t;
        }
        return (l << halfBits) | r;
    }
}
