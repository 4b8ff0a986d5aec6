package yuelao.engine.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import yuelao.core.StoreKeys;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;
import yuelao.tokenizer.scan.DocumentReader;

/**
 * How a corpus becomes a vocabulary (stage 1): the analyzer, the phrases joined into one token (none by default), the
 * cut-offs and the longest document. Immutable; made by {@link #builder()}, whose values are the {@code vocab} verb's
 * defaults.
 */
public final class VocabularySettings {
    private final AnalyzerSpec analyzer;
    private final PhraseTable phrases;
    private final long minCount;
    private final int maxVocab;
    private final int maxDocumentChars;

    private VocabularySettings(Builder b) {
        this.analyzer = Objects.requireNonNull(b.analyzer, "analyzer");
        this.phrases = b.phrases;
        this.minCount = b.minCount;
        this.maxVocab = b.maxVocab;
        this.maxDocumentChars = b.maxDocumentChars;
        if (minCount < 1) {
            throw new IllegalArgumentException("--min-count must be at least 1, got " + minCount);
        }
        if (maxVocab < 0) {
            throw new IllegalArgumentException("--max-vocab must be >= 0 (0 = no limit), got " + maxVocab);
        }
        if (maxDocumentChars < 1) {
            throw new IllegalArgumentException("--max-document-length must be at least 1, got " + maxDocumentChars);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().analyzer(analyzer).phrases(phrases).minCount(minCount).maxVocab(maxVocab).maxDocumentChars(maxDocumentChars);
    }

    /** How text becomes tokens. */
    public AnalyzerSpec analyzer() {
        return analyzer;
    }

    /** The phrases joined into one token before counting, or null. */
    public PhraseTable phrases() {
        return phrases;
    }

    /** Words seen fewer times are dropped. */
    public long minCount() {
        return minCount;
    }

    /** At most this many words are kept, the most frequent (0 = no limit). */
    public int maxVocab() {
        return maxVocab;
    }

    /** Lines longer than this many characters are split into documents. */
    public int maxDocumentChars() {
        return maxDocumentChars;
    }

    /** The settings as a vocabulary records them (the corpus figures are added by the stage). */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>(analyzer.toProperties());
        p.put(StoreKeys.MIN_COUNT, Long.toString(minCount));
        p.put(StoreKeys.MAX_VOCAB, Integer.toString(maxVocab));
        p.put(StoreKeys.MAX_DOCUMENT_CHARS, Integer.toString(maxDocumentChars));
        p.putAll(PhraseTableFile.properties(phrases));
        return p;
    }

    /** Named settings; unset ones keep the {@code vocab} verb's defaults. */
    public static final class Builder {
        private AnalyzerSpec analyzer = AnalyzerSpec.defaults("english");
        private PhraseTable phrases;
        private long minCount = 5;
        private int maxVocab = 0;
        private int maxDocumentChars = DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS;

        private Builder() {}

        public Builder analyzer(AnalyzerSpec analyzer) {
            this.analyzer = analyzer;
            return this;
        }

        /** The phrase table to join (null = none); the scan refuses one made of another analyzer's tokens. */
        public Builder phrases(PhraseTable phrases) {
            this.phrases = phrases;
            return this;
        }

        public Builder minCount(long minCount) {
            this.minCount = minCount;
            return this;
        }

        public Builder maxVocab(int maxVocab) {
            this.maxVocab = maxVocab;
            return this;
        }

        public Builder maxDocumentChars(int maxDocumentChars) {
            this.maxDocumentChars = maxDocumentChars;
            return this;
        }

        public VocabularySettings build() {
            return new VocabularySettings(this);
        }
    }
}
