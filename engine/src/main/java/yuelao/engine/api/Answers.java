package yuelao.engine.api;

import java.util.List;
import java.util.Map;

/**
 * The shapes of yuelao's answers, one record per kind of query, shared by the CLI's {@code --json}, the server and
 * the library (written by {@link Json}: snake_case names, absent when null). docs/server.md lists them with the
 * endpoint that returns each; the OpenAPI description the server serves is checked against them by the tests.
 *
 * <p>Scores follow docs/method.md section 4: cosine, inner product (relatedness, the PMI estimate) or the Pearson
 * correlation of PMI profiles (similarity); PMI values follow section 2. A value that would be infinite (the PMI of a
 * pair never seen) is absent, with a flag that says why.
 */
public final class Answers {
    private Answers() {}

    /** One ranked word with its score. */
    public record Scored(String word, double score) {}

    /**
     * The nearest words of a word ({@code nearest}).
     *
     * @param word the word asked for
     * @param mode cosine, relatedness or similarity
     * @param composed true when the word is not in the vocabulary and its vector was composed from its character
     *     n-grams (a subword model); {@code note} then says from how many
     * @param search "exact" (every candidate scored) or "hnsw" (the approximate index; scores still exact)
     * @param candidates how many words were candidates (the vocabulary, or the restriction)
     * @param contextWords similarity mode: the K most frequent words of the profiles
     */
    public record Nearest(String word, String mode, boolean composed, String note, String search, int candidates, Integer contextWords,
            List<Scored> results) {}

    /** a : b :: c : ? ({@code analogy}); {@code composed} lists the words composed from n-grams, if any. */
    public record Analogy(String a, String b, String c, String method, List<String> composed, int candidates, List<Scored> results) {}

    /**
     * Two words compared ({@code similarity}): cosine, inner product (the PMI estimate) and, when asked, the Pearson
     * correlation of their PMI profiles over the {@code contextWords} most frequent words.
     */
    public record Similarity(String a, String b, List<String> composed, double cosine, double dot, Double profileCorrelation,
            Integer contextWords) {}

    /** One text of a {@code sentence} query: its in-vocabulary tokens, composed and unknown tokens, |s| and keywords. */
    public record Text(String text, int tokens, List<String> composed, List<String> outOfVocabulary, double norm, List<Scored> keywords) {}

    /** Sentence vectors ({@code sentence}); relatedness &lt;s_1, s_2&gt; and cosine when two texts were given. */
    public record Sentence(List<Text> texts, Double relatedness, Double cosine) {}

    /** The word least like the others ({@code doesnt-match}), with every word's cosine to the mean of their unit vectors. */
    public record DoesntMatch(List<String> words, String odd, List<Scored> cosines) {}

    /** A context word by PMI, with the pair count. */
    public record Associate(String word, double score, double count) {}

    /**
     * The top contexts of a word by a PMI-family measure ({@code associates}), from one row of the store.
     *
     * @param count the word's corpus count n
     * @param settings the measure's settings in one line
     */
    public record Associates(String word, long count, String measure, String settings, double minCount, List<Associate> results) {}

    /**
     * The PMI of a pair ({@code pmi}).
     *
     * @param score the measure's value; absent when the pair was never seen and the measure has no finite value for it
     * @param observed whether the pair co-occurred (or smoothing made it finite)
     * @param smoothed whether the value comes from add-lambda smoothing of an unseen pair
     */
    /**
     * An association measure's value for a pair ({@code score} null when it is -infinity, an unobserved pair's limit),
     * with the frequencies it comes from; the 2x2 table's other cells are null for measures that do not use it.
     */
    public record Association(String a, String b, String measure, Double score, boolean observed, double count, long countA, long countB,
            double expected, double span, double tokens, Double o12, Double o21, Double o22, Double pairTokens, Double e11, String settings) {}

    public record Pmi(String a, String b, String measure, Double score, boolean observed, boolean smoothed, double count, long countA,
            long countB, String settings) {}

    /** One word pair of a phrase sum: its count, its contribution (absent when skipped) and a note. */
    public record Term(String a, String b, double count, Double score, String note) {}

    /**
     * PMI(A, B) = sum_i sum_j PMI(a_i, b_j) ({@code phrase-pmi}), with the breakdown by word pair; {@code tokensA} and
     * {@code tokensB} count the texts' in-vocabulary tokens (repeats included).
     */
    public record PhrasePmi(String a, String b, String measure, double score, int tokensA, int tokensB, int observedPairs, int unobservedPairs, String unobserved,
            String settings, List<Term> terms, List<String> outOfVocabularyA, List<String> outOfVocabularyB) {}

    /** A keyword of a text by the sum of its PMI with the text's other tokens. */
    public record Keyword(String word, double score, int pairs) {}

    /** The keywords of a text ({@code keywords}). */
    public record Keywords(String text, String measure, String settings, String unobserved, List<Keyword> results,
            List<String> outOfVocabulary) {}

    /** A word with its corpus count (autocomplete). */
    public record Entry(String word, long count) {}

    /** The vocabulary words that start with a prefix, most frequent first. */
    public record Vocabulary(String prefix, List<Entry> results) {}

    /** One point of a 2-D map: a word, its coordinates, and its score against the centre word (the centre's is 1). */
    public record Point(String word, double x, double y, double score) {}

    /**
     * A word's neighbourhood drawn in 2-D: the principal components of the unit vectors of the word and its k nearest
     * words (the centre first), and the share of the variance each axis explains.
     */
    public record Map2d(String word, String mode, boolean composed, List<Point> points, double[] explained) {}

    /** What a served directory holds: sizes, and the settings its files were made with. */
    public record Info(String api, VectorsInfo vectors, StoreInfo store) {}

    /** The vectors part of {@link Info}. */
    public record VectorsInfo(int words, int dim, boolean subwords, IndexInfo index, Map<String, String> properties) {}

    /** The approximate index of the vectors, when there is one. */
    public record IndexInfo(int nodes, int levels, int exactBelow, int ef, Map<String, String> properties) {}

    /** The count store part of {@link Info}. */
    public record StoreInfo(int words, long tokens, long pairs, Map<String, String> properties) {}

    /** The answer to a failed query: what kind of failure, a one-line message, and the words concerned. */
    public record Error(String error, String message, List<String> words) {}

    /** A batch: one answer, or one {@link Error}, per item asked for, in order. */
    public record Batch(List<Object> results) {}
}
