package yuelao.engine.vectors;

import java.util.List;

/**
 * Word vectors read from a foreign file: row i of {@code data} (row-major, {@code words.size() x dim}) is
 * the vector of {@code words.get(i)}, in the order of the file.
 *
 * @param words the words in file order, distinct, none empty or containing whitespace
 * @param data the vectors, bit for bit as stored in the file (binary) or as parsed (text: the float nearest
 *     to each decimal)
 * @param dim the vector dimension, at least 1
 * @param format the detected format's {@link VectorFormat#id() id}: {@code word2vec} (text with a header,
 *     which includes fastText {@code .vec}), {@code glove} (text without one) or {@code word2vec-binary};
 *     gzip compression is not part of it (see {@link VectorFormats#detect})
 */
public record ImportedVectors(List<String> words, float[] data, int dim, String format) {
    public ImportedVectors {
        words = List.copyOf(words);
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dim);
        }
        if ((long) words.size() * dim != data.length) {
            throw new IllegalArgumentException(data.length + " floats are not " + words.size() + " x " + dim);
        }
    }

    /** The number of words. */
    public int size() {
        return words.size();
    }
}
