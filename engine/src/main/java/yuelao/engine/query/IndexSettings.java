package yuelao.engine.query;

/**
 * The settings of the approximate index ({@code yuelao index}, {@link HnswIndex}): how the HNSW graph is built and
 * searched, and below which vocabulary size exact search stays the default. Build with {@link #builder()}; every
 * default is here and only here.
 *
 * @param maxConn M, the neighbours a node keeps on the upper levels (2 M on level 0)
 * @param beamWidth the candidate list while inserting a node (efConstruction)
 * @param seed the seed of the random level assignment (with one thread the graph is the same on every run)
 * @param threads building threads: 1 is deterministic; more threads build faster and the graph depends on their timing
 * @param ef the candidate list of a search (efSearch, at least the k asked for): recall rises and speed falls with it
 * @param exactBelow with search "auto", a search over fewer candidates than this is exact even when an index exists
 */
public record IndexSettings(int maxConn, int beamWidth, long seed, int threads, int ef, int exactBelow) {
    public IndexSettings {
        require(maxConn >= 2 && maxConn <= 512, "--m must be in 2..512, not " + maxConn);
        require(beamWidth >= 1 && beamWidth <= 4096, "--beam-width must be in 1..4096, not " + beamWidth);
        require(threads >= 1, "--threads must be at least 1, not " + threads);
        require(ef >= 1 && ef <= 100_000, "--ef must be in 1..100000, not " + ef);
        require(exactBelow >= 0, "--exact-below must be >= 0, not " + exactBelow);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The default M. */
    public static final int DEFAULT_M = 16;
    /** The default beam width of construction. */
    public static final int DEFAULT_BEAM_WIDTH = 100;
    /** The default candidate list of a search. */
    public static final int DEFAULT_EF = 160;
    /**
     * The default vocabulary size from which "auto" uses the index: exact top-10 cosine over 100,000 x 100 takes about
     * 2 ms on two cores and grows linearly (RESULTS.md section 7), the index about 1 ms at any size.
     */
    public static final int DEFAULT_EXACT_BELOW = 100_000;

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the defaults (measured: benchmarks/RESULTS.md, "Approximate nearest neighbours"). */
    public static final class Builder {
        private int maxConn = DEFAULT_M;
        private int beamWidth = DEFAULT_BEAM_WIDTH;
        private long seed = 42;
        private int threads = 1;
        private int ef = DEFAULT_EF;
        private int exactBelow = DEFAULT_EXACT_BELOW;

        private Builder() {}

        public Builder maxConn(int v) {
            maxConn = v;
            return this;
        }

        public Builder beamWidth(int v) {
            beamWidth = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder ef(int v) {
            ef = v;
            return this;
        }

        public Builder exactBelow(int v) {
            exactBelow = v;
            return this;
        }

        public IndexSettings build() {
            return new IndexSettings(maxConn, beamWidth, seed, threads, ef, exactBelow);
        }
    }
}
