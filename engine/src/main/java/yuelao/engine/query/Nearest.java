package yuelao.engine.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Nearest neighbours of a word (METHOD.md section 4), exact: every candidate among the view's top
 * {@link WordVectors#searchLimit()} words is scored. The query word is never among its results. Order: score
 * descending, ties by lower id.
 */
public final class Nearest {
    private Nearest() {}

    /** Default context size K of the similarity mode (the seed code's default, capped at V). */
    public static final int DEFAULT_CONTEXT_WORDS = 100_000;

    /** The top k neighbours of {@code word}, or empty if the word is unknown. */
    public static Optional<List<Neighbor>> of(WordVectors wv, String word, int k, Mode mode, int contextWords) {
        OptionalInt id = wv.id(word);
        return id.isPresent() ? Optional.of(of(wv, id.getAsInt(), k, mode, contextWords)) : Optional.empty();
    }

    /** The top k neighbours of word id (0 <= id < size). */
    public static List<Neighbor> of(WordVectors wv, int id, int k, Mode mode, int contextWords) {
        RowTable table = switch (mode) {
            case COSINE -> wv.unit();
            case RELATEDNESS -> wv.raw();
            case SIMILARITY -> wv.basis(contextWords).projected();
        };
        float[] q = WordVectors.paddedRow(table, id);
        return search(wv, table, q, k, new int[] {id});
    }

    /** Pearson correlation of two words' PMI profiles over the K most frequent words (the similarity mode). */
    public static double profileCorrelation(WordVectors wv, int a, int b, int contextWords) {
        RowTable t = wv.basis(contextWords).projected();
        return t.dot(a, WordVectors.paddedRow(t, b));
    }

    /** Top k rows of {@code table} by &lt;row, q&gt; among the view's candidates, minus {@code exclude}. */
    static List<Neighbor> search(WordVectors wv, RowTable table, float[] q, int k, int[] exclude) {
        TopK[] h = Scan.top(table, Scan.Kind.DOT, q, 1, wv.searchLimit(), k, exclude, exclude.length, Scan.defaultThreads());
        return toNeighbors(wv, h[0], 1);
    }

    static List<Neighbor> toNeighbors(WordVectors wv, TopK h, double scale) {
        int[] ids = h.sortedIds();
        float[] sc = h.sortedScores();
        List<Neighbor> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(new Neighbor(ids[i], wv.word(ids[i]), sc[i] * scale));
        }
        return out;
    }
}
