package yuelao.engine.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import yuelao.core.StoreKeys;
import yuelao.engine.count.WindowWeighting;

/**
 * How co-occurrences are counted (stage 2): window, weighting, OOV positions, self-pairs, subsampling, and the memory
 * the buffers may take. Immutable; made by {@link #builder()}, whose values are the {@code count} verb's defaults
 * (docs/method.md section 1).
 */
public final class CountSettings {
    /** Most spill runs merged at once; far below any open-file limit. */
    public static final int DEFAULT_FAN_IN = 64;

    private final int window;
    private final WindowWeighting weighting;
    private final boolean keepOovPositions;
    private final boolean selfPairs;
    private final double subsample;
    private final long seed;
    private final long memoryBytes;
    private final int fanIn;

    private CountSettings(Builder b) {
        this.window = b.window;
        this.weighting = Objects.requireNonNull(b.weighting, "weighting");
        this.keepOovPositions = b.keepOovPositions;
        this.selfPairs = b.selfPairs;
        this.subsample = b.subsample;
        this.seed = b.seed;
        this.memoryBytes = b.memoryBytes;
        this.fanIn = b.fanIn;
        if (window < 1 || window > weighting.maxWindow()) {
            throw new IllegalArgumentException("--window must be in 1.." + weighting.maxWindow() + " for " + weighting.id()
                    + " weighting, got " + window);
        }
        if (!(subsample >= 0 && subsample < 1)) {
            throw new IllegalArgumentException("--subsample must be 0 (off) or a small threshold like 1e-4, got " + subsample);
        }
        if (memoryBytes < (1 << 20)) {
            throw new IllegalArgumentException("--memory must be at least 1m, got " + memoryBytes + " bytes");
        }
        if (fanIn < 2) {
            throw new IllegalArgumentException("--fan-in must be at least 2, got " + fanIn);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().window(window).weighting(weighting).keepOovPositions(keepOovPositions).selfPairs(selfPairs)
                .subsample(subsample).seed(seed).memoryBytes(memoryBytes).fanIn(fanIn);
    }

    /** Pairs of positions at distance 1..window are counted. */
    public int window() {
        return window;
    }

    /** The weight of a distance. */
    public WindowWeighting weighting() {
        return weighting;
    }

    /** Out-of-vocabulary tokens keep their positions as gaps (else they are deleted before windowing). */
    public boolean keepOovPositions() {
        return keepOovPositions;
    }

    /** Same-word pairs are counted on the diagonal. */
    public boolean selfPairs() {
        return selfPairs;
    }

    /** word2vec's subsampling threshold t (0 = off). */
    public double subsample() {
        return subsample;
    }

    /** The seed of the subsampling draws. */
    public long seed() {
        return seed;
    }

    /** Budget of the counting buffers of all threads together. */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** Most spill runs merged at once. */
    public int fanIn() {
        return fanIn;
    }

    /** The settings as a count store records them. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(StoreKeys.WINDOW, Integer.toString(window));
        p.put(StoreKeys.WEIGHTING, weighting.id());
        p.put(StoreKeys.KEEP_OOV_POSITIONS, Boolean.toString(keepOovPositions));
        p.put(StoreKeys.SELF_PAIRS, Boolean.toString(selfPairs));
        p.put(StoreKeys.SUBSAMPLE, Double.toString(subsample));
        p.put(StoreKeys.SEED, Long.toString(seed));
        return p;
    }

    /** Named settings; unset ones keep the {@code count} verb's defaults. */
    public static final class Builder {
        private int window = 10;
        private WindowWeighting weighting = WindowWeighting.UNIFORM;
        private boolean keepOovPositions;
        private boolean selfPairs;
        private double subsample;
        private long seed = 1;
        private long memoryBytes = 1L << 30;
        private int fanIn = DEFAULT_FAN_IN;

        private Builder() {}

        public Builder window(int window) {
            this.window = window;
            return this;
        }

        public Builder weighting(WindowWeighting weighting) {
            this.weighting = weighting;
            return this;
        }

        public Builder keepOovPositions(boolean keep) {
            this.keepOovPositions = keep;
            return this;
        }

        public Builder selfPairs(boolean selfPairs) {
            this.selfPairs = selfPairs;
            return this;
        }

        public Builder subsample(double threshold) {
            this.subsample = threshold;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder memoryBytes(long bytes) {
            this.memoryBytes = bytes;
            return this;
        }

        public Builder fanIn(int fanIn) {
            this.fanIn = fanIn;
            return this;
        }

        public CountSettings build() {
            return new CountSettings(this);
        }
    }
}
