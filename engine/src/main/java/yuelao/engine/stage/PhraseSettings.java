package yuelao.engine.stage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import yuelao.engine.pmi.PhraseScoring;

/**
 * How {@code yuelao phrases} detects phrases from adjacent bigrams (docs/measures.md, "Phrases"): the scoring, one
 * threshold per pass, the discount, how many passes, the longest phrase, and the counting buffers' memory. The minimum
 * count of words and bigrams is the vocabulary's ({@link VocabularySettings#minCount()}). Immutable; made by {@link
 * #builder()}, whose values are the verb's defaults.
 */
public final class PhraseSettings {
    private final PhraseScoring scoring;
    private final double[] thresholds;
    private final Double delta;
    private final int passes;
    private final int maxTokens;
    private final long memoryBytes;
    private final int fanIn;

    private PhraseSettings(Builder b) {
        this.scoring = Objects.requireNonNull(b.scoring, "scoring");
        this.thresholds = b.thresholds != null ? b.thresholds.clone() : defaultThresholds(scoring);
        this.delta = b.delta;
        this.passes = b.passes;
        this.maxTokens = b.maxTokens;
        this.memoryBytes = b.memoryBytes;
        this.fanIn = b.fanIn;
        if (passes < 1 || passes > 10) {
            throw new IllegalArgumentException("--passes must be in 1..10, got " + passes);
        }
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("--threshold needs at least one value");
        }
        for (double t : thresholds) {
            if (!Double.isFinite(t) || (scoring == PhraseScoring.NPMI && (t < -1 || t >= 1))) {
                throw new IllegalArgumentException("--threshold for " + scoring.id() + " must be " + (scoring == PhraseScoring.NPMI
                        ? "in [-1, 1)" : "a finite number") + ", got " + t);
            }
        }
        if (delta != null && (!(delta >= 0) || delta.isInfinite())) {
            throw new IllegalArgumentException("--delta must be a number >= 0, got " + delta);
        }
        if (maxTokens != 0 && maxTokens < 2) {
            throw new IllegalArgumentException("--max-tokens must be 0 (no limit) or at least 2, got " + maxTokens);
        }
        if (memoryBytes < (1 << 20)) {
            throw new IllegalArgumentException("--memory must be at least 1m, got " + memoryBytes + " bytes");
        }
        if (fanIn < 2) {
            throw new IllegalArgumentException("--fan-in must be at least 2, got " + fanIn);
        }
    }

    /**
     * The thresholds when none are given: word2vec's demo-phrases runs word2phrase at 200, then 100; for NPMI, 0.5
     * every pass (a bigram's parts meet at least p_ab^-0.5 times more often than chance).
     */
    static double[] defaultThresholds(PhraseScoring scoring) {
        return scoring == PhraseScoring.NPMI ? new double[] {0.5} : new double[] {200, 100};
    }

    public static Builder builder() {
        return new Builder();
    }

    public PhraseScoring scoring() {
        return scoring;
    }

    /** The threshold of pass p (1-based): the p-th value given, or the last one. */
    public double threshold(int pass) {
        return thresholds[Math.min(pass, thresholds.length) - 1];
    }

    /** The thresholds as given (or the scoring's defaults). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** word2phrase's discount delta: the value given, or the minimum count (as word2phrase does). */
    public double delta(long minCount) {
        return delta != null ? delta : minCount;
    }

    /** True if a discount was given (else it follows the minimum count). */
    public boolean deltaGiven() {
        return delta != null;
    }

    public int passes() {
        return passes;
    }

    /** The most tokens a phrase may have (0 = no limit: up to 2^passes). */
    public int maxTokens() {
        return maxTokens;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public int fanIn() {
        return fanIn;
    }

    /** The settings as a phrase table records them. */
    public Map<String, String> toProperties(long minCount) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("phrases.scoring", scoring.id());
        p.put("phrases.thresholds", Arrays.stream(thresholds).mapToObj(PhraseSettings::number).collect(Collectors.joining(",")));
        p.put("phrases.minCount", Long.toString(minCount));
        if (scoring == PhraseScoring.WORD2PHRASE) {
            p.put("phrases.delta", number(delta(minCount)));
        }
        p.put("phrases.passes", Integer.toString(passes));
        p.put("phrases.maxTokens", Integer.toString(maxTokens));
        return p;
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** Named settings; unset ones keep the verb's defaults. */
    public static final class Builder {
        private PhraseScoring scoring = PhraseScoring.WORD2PHRASE;
        private double[] thresholds;
        private Double delta;
        private int passes = 2;
        private int maxTokens = 0;
        private long memoryBytes = CountSettings.builder().build().memoryBytes();
        private int fanIn = CountSettings.DEFAULT_FAN_IN;

        private Builder() {}

        public Builder scoring(PhraseScoring scoring) {
            this.scoring = scoring;
            return this;
        }

        /** One threshold per pass (the last repeats); null = the scoring's defaults. */
        public Builder thresholds(double... thresholds) {
            this.thresholds = thresholds == null ? null : thresholds.clone();
            return this;
        }

        /** word2phrase's discount; null = the minimum count. */
        public Builder delta(Double delta) {
            this.delta = delta;
            return this;
        }

        public Builder passes(int passes) {
            this.passes = passes;
            return this;
        }

        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder memoryBytes(long memoryBytes) {
            this.memoryBytes = memoryBytes;
            return this;
        }

        public Builder fanIn(int fanIn) {
            this.fanIn = fanIn;
            return this;
        }

        public PhraseSettings build() {
            return new PhraseSettings(this);
        }
    }
}
