package yuelao.core;

import java.util.List;

/**
 * The property keys a vocabulary and a count store record in their headers (how they were made and what the corpus
 * held), named once for every module that writes or reads them. Values are strings; the files keep them sorted by
 * key. The analyzer's own keys are {@link yuelao.core.AnalyzerSpec#toProperties()}'s.
 */
public final class StoreKeys {
    private StoreKeys() {}

    // The vocabulary (yuelao vocab, and the first pass of count).
    /** Words kept only if seen at least this many times. */
    public static final String MIN_COUNT = "minCount";
    /** At most this many words kept (0 = no limit). */
    public static final String MAX_VOCAB = "maxVocab";
    /** Lines longer than this many characters were split into documents. */
    public static final String MAX_DOCUMENT_CHARS = "maxDocumentChars";
    /** Documents (lines, after splitting) read by the vocabulary pass. */
    public static final String CORPUS_DOCUMENTS = "corpus.documents";
    /** Tokens read by the vocabulary pass. */
    public static final String CORPUS_TOKENS = "corpus.tokens";
    /** Distinct token types before min-count. */
    public static final String CORPUS_DISTINCT_TYPES = "corpus.distinctTypes";
    /**
     * The phrase table the corpus was read with (absolute path as it was then), absent when no phrases were joined.
     * Queries on the store, and vectors trained from it, join phrases with the same table.
     */
    public static final String PHRASES_PATH = "phrases.path";
    /** The phrase table's fingerprint (16 hex digits): a table found at {@link #PHRASES_PATH} must still have it. */
    public static final String PHRASES_FINGERPRINT = "phrases.fingerprint";
    /** Phrases joined into one token by the vocabulary pass (each counted once in {@link #CORPUS_TOKENS}). */
    public static final String CORPUS_PHRASES_JOINED = "corpus.phrasesJoined";

    // The counting pass.
    /** The window W. */
    public static final String WINDOW = "window";
    /** The weighting of a distance: uniform, harmonic or dynamic. */
    public static final String WEIGHTING = "weighting";
    /** Whether out-of-vocabulary tokens kept their positions as gaps. */
    public static final String KEEP_OOV_POSITIONS = "keepOovPositions";
    /** Whether same-word pairs were counted on the diagonal. */
    public static final String SELF_PAIRS = "selfPairs";
    /** word2vec's subsampling threshold (0 = off). */
    public static final String SUBSAMPLE = "subsample";
    /** The seed of the subsampling draws. */
    public static final String SEED = "seed";
    /** Tokens read by the counting pass. */
    public static final String CORPUS_COUNTED_TOKENS = "corpus.countedTokens";

    // Written by the store writer.
    /** Units per 1.0 of weight: x_ij = units / scale. */
    public static final String SCALE = "scale";
    /** X in units: the off-diagonal total of the symmetric matrix. */
    public static final String X_UNITS = "X.units";
    /** The diagonal's total in units (self-pairs). */
    public static final String DIAGONAL_UNITS = "diagonal.units";
    /** N: the sum of the vocabulary's unigram counts. */
    public static final String N = "N";

    // Merges.
    /** How many stores a merge joined. */
    public static final String MERGE_PARTS = "merge.parts";
    /** Whether the merge equals counting the concatenated corpus. */
    public static final String MERGE_EXACT = "merge.exact";

    /** The keys the store writer owns, which a store's readers (training) do not carry over into their outputs. */
    public static final List<String> WRITER_KEYS = List.of(SCALE, X_UNITS, DIAGONAL_UNITS, N);

    /** Settings that must agree for two stores' units to mean the same thing (a merge refuses stores that differ). */
    public static final List<String> MUST_AGREE_FOR_MERGE = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(WINDOW, WEIGHTING, KEEP_OOV_POSITIONS, SELF_PAIRS, SUBSAMPLE, PHRASES_FINGERPRINT),
            yuelao.core.AnalyzerSpec.PROPERTY_KEYS.stream()).toList();
}
