package yuelao.engine.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import yuelao.tokenizer.analysis.TextAnalyzer;
import yuelao.core.AnalyzerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;

/**
 * Sentence queries (docs/method.md section 4, "additivity"): a text is tokenized with the analyzer recorded in the
 * vectors' properties (the whitespace analyzer when none is recorded), and its vector is the sum of its
 * in-vocabulary token vectors, repeats counted, out-of-vocabulary tokens skipped; no token gives the zero
 * vector. Then PMI(S1, S2) ~ &lt;s_1, s_2&gt; (relatedness), cos(s_1, s_2), and the keywords of S: its distinct
 * in-vocabulary words w ranked by &lt;s, v_w&gt; ~ PMI(S; w). Sums are in double. Thread-safe (Lucene
 * analyzers reuse token streams per thread); close it to release the analyzer.
 */
public final class Sentences implements AutoCloseable {
    private final WordVectors wv;
    private final TextAnalyzer analyzer;

    /**
     * Sentence queries with the vectors' own tokenization: their analyzer, and the phrase table their corpus was read
     * with, found at the path the vectors record.
     *
     * @throws java.io.UncheckedIOException if the vectors record a phrase table that is missing or changed
     */
    public Sentences(WordVectors wv) {
        this(wv, recordedPhrases(wv));
    }

    /** Sentence queries joining the phrases of {@code phrases} (null = none), which must be the vectors' analyzer's. */
    public Sentences(WordVectors wv, PhraseTable phrases) {
        this.wv = wv;
        this.analyzer = new TextAnalyzer(wv.analyzer().orElse(AnalyzerSpec.defaults("whitespace")), phrases);
    }

    /** The phrase table the vectors record ({@link PhraseTableFile#recorded}), or null. */
    public static PhraseTable recordedPhrases(WordVectors wv) {
        try {
            return PhraseTableFile.recorded(wv.properties(), null, "these vectors");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text's vector with its in-vocabulary ids (in order, repeats kept) and out-of-vocabulary tokens. */
    public record SentenceVector(double[] vector, int[] ids, List<String> outOfVocabulary, List<WordVectors.Lookup> composed) {
        public SentenceVector(double[] vector, int[] ids, List<String> outOfVocabulary) {
            this(vector, ids, outOfVocabulary, List.of());
        }

        /** No token contributed (neither an in-vocabulary nor a composed one). */
        public boolean isEmpty() {
            return ids.length == 0 && composed.isEmpty();
        }
    }

    public SentenceVector vector(String text) {
        return vector(analyzer.tokens(text));
    }

    /** The vector of already tokenized text. */
    public SentenceVector vector(List<String> tokens) {
        double[] s = new double[wv.dim()];
        int[] ids = new int[tokens.size()];
        int n = 0;
        List<String> oov = new ArrayList<>();
        List<WordVectors.Lookup> composed = new ArrayList<>();
        RowTable raw = wv.raw();
        for (String t : tokens) {
            OptionalInt id = wv.id(t);
            if (id.isEmpty()) {
                java.util.Optional<WordVectors.Lookup> c = wv.subwords().isPresent() ? wv.vectorOrComposed(t) : java.util.Optional.empty();
                if (c.isPresent()) { // a subword model composes the unseen token from its n-grams
                    composed.add(c.get());
                    float[] cv = c.get().vector();
                    for (int k = 0; k < s.length; k++) {
                        s[k] += cv[k];
                    }
                } else {
                    oov.add(t);
                }
                continue;
            }
            int i = id.getAsInt();
            ids[n++] = i;
            for (int k = 0; k < s.length; k++) {
                s[k] += raw.get(i, k);
            }
        }
        return new SentenceVector(s, Arrays.copyOf(ids, n), List.copyOf(oov), List.copyOf(composed));
    }

    /** &lt;s_1, s_2&gt;: the additive PMI estimate of two texts. */
    public static double relatedness(SentenceVector a, SentenceVector b) {
        double s = 0;
        for (int k = 0; k < a.vector.length; k++) {
            s += a.vector[k] * b.vector[k];
        }
        return s;
    }

    /** cos(s_1, s_2), 0 if either is the zero vector. */
    public static double cosine(SentenceVector a, SentenceVector b) {
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.vector.length; k++) {
            na += a.vector[k] * a.vector[k];
            nb += b.vector[k] * b.vector[k];
        }
        return na > 0 && nb > 0 ? relatedness(a, b) / Math.sqrt(na * nb) : 0;
    }

    /** The distinct in-vocabulary words of the sentence by &lt;s, v_w&gt; descending, ties by lower id. */
    public List<Neighbor> keywords(SentenceVector s) {
        int[] distinct = Arrays.stream(s.ids).distinct().sorted().toArray();
        List<Neighbor> out = new ArrayList<>(distinct.length);
        RowTable raw = wv.raw();
        for (int id : distinct) {
            double score = 0;
            for (int k = 0; k < s.vector.length; k++) {
                score += s.vector[k] * raw.get(id, k);
            }
            out.add(new Neighbor(id, wv.word(id), score));
        }
        out.sort((x, y) -> x.score() != y.score() ? Double.compare(y.score(), x.score()) : Integer.compare(x.id(), y.id()));
        return out;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
