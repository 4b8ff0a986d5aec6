package yuelao.engine.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates rows read from a file: the words, in order and distinct, and their floats in one growing
 * row-major array (which bounds a table to 2^31 - 16 floats, the largest Java array).
 */
final class VectorCollector {
    static final long MAX_FLOATS = Integer.MAX_VALUE - 16;
    private static final int INITIAL_FLOATS = 1 << 20;

    private final int dim;
    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> rowOf = new HashMap<>();
    private float[] data;

    /**
     * @param expectedRows the rows announced by a header, or 0; it only sizes the first allocation, never
     *     beyond a modest cap, so a lying header cannot make us allocate gigabytes up front
     */
    VectorCollector(int dim, long expectedRows) {
        this.dim = dim;
        long want = Math.min(Math.max(expectedRows, 1) * dim, Math.max(INITIAL_FLOATS, dim));
        this.data = new float[(int) Math.min(want, MAX_FLOATS)];
    }

    int dim() {
        return dim;
    }

    int rows() {
        return words.size();
    }

    /**
     * Makes room for the next row and returns its offset in {@link #data()}, or -1 if one more row would
     * exceed {@link #MAX_FLOATS}.
     */
    int beginRow() {
        long end = (long) (words.size() + 1) * dim;
        if (end > MAX_FLOATS) {
            return -1;
        }
        if (end > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(MAX_FLOATS, Math.max(end, data.length + (data.length >> 1))));
        }
        return words.size() * dim;
    }

    /** The array the current row's floats go into (valid until the next {@link #beginRow()}). */
    float[] data() {
        return data;
    }

    /**
     * Ends the row begun last, as the vector of {@code word}.
     *
     * @return -1, or the 0-based row that already holds {@code word} (then nothing is added)
     */
    int endRow(String word) {
        Integer first = rowOf.putIfAbsent(word, words.size());
        if (first != null) {
            return first;
        }
        words.add(word);
        return -1;
    }

    ImportedVectors result(String format) {
        float[] exact = data.length == words.size() * dim ? data : Arrays.copyOf(data, words.size() * dim);
        data = null;
        return new ImportedVectors(words, exact, dim, format);
    }
}
