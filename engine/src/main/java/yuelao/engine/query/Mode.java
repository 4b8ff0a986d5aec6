package yuelao.engine.query;

import java.util.Locale;

/** The measure of a nearest-neighbour search (docs/method.md section 4). */
public enum Mode {
    /** cos(v_a, v_w): the normalised relatedness (default). */
    COSINE,
    /** &lt;v_a, v_w&gt;: the model's PMI estimate, importance included. */
    RELATEDNESS,
    /** Pearson correlation of the PMI profiles over the K most frequent words: cos(v_a L, v_w L), S = L L^T. */
    SIMILARITY;

    public static Mode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + s + "' (expected cosine, relatedness or similarity)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
