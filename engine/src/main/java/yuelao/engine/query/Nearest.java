package yuelao.engine.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Nearest neighbours of a word (docs/method.md section 4), exact: every candidate among the view's top
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

    /**
     * The top k neighbours of a vector (e.g. one composed for a word outside the vocabulary, see
     * {@link WordVectors#vectorOrComposed}), leaving out the ids in {@code exclude}.
     */
    public static List<Neighbor> ofVector(WordVectors wv, float[] v, int k, Mode mode, int contextWords, int[] exclude) {
        RowTable table;
        float[] x;
        switch (mode) {
            case COSINE -> {
                table = wv.unit();
                x = Analogy.unit(v);
            }
            case RELATEDNESS -> {
                table = wv.raw();
                x = v;
            }
            default -> {
                SimilarityBasis basis = wv.basis(contextWords);
                table = basis.projected();
                x = project(basis, v);
            }
        }
        float[] q = table.newQuery();
        System.arraycopy(x, 0, q, 0, wv.dim());
        return search(wv, table, q, k, exclude);
    }

    /** Unit-normalised v L (the similarity route's projection of a vector). */
    private static float[] project(SimilarityBasis basis, float[] v) {
        double[] lo = basis.lower();
        int d = v.length;
        double[] p = new double[d];
        for (int a = 0; a < d; a++) {
            for (int j = 0; j <= a; j++) {
                p[j] += v[a] * lo[a * d + j];
            }
        }
        float[] f = new float[d];
        for (int j = 0; j < d; j++) {
            f[j] = (float) p[j];
        }
        return Analogy.unit(f);
    }

    /** Pearson correlation of the PMI profiles of two vectors (e.g. composed ones) over the K most frequent words. */
    public static double profileCorrelation(WordVectors wv, float[] a, float[] b, int contextWords) {
        SimilarityBasis basis = wv.basis(contextWords);
        float[] pa = project(basis, a);
        float[] pb = project(basis, b);
        double s = 0;
        for (int k = 0; k < pa.length; k++) {
            s += (double) pa[k] * pb[k];
        }
        return s;
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
