package yuelao.engine.vectors;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The foreign word-vector file formats that yuelao writes and reads. All hold one row per word, in the
 * order of the file, words in UTF-8 with no whitespace in them.
 *
 * <ul>
 *   <li>{@link #WORD2VEC}: the word2vec C tool's text format: a {@code "count dim"} header line, then
 *       {@code word v1 ... vd} per line, fields separated by one space.
 *   <li>{@link #WORD2VEC_BINARY}: the word2vec C tool's binary format ({@code -binary 1}): the same header
 *       line, then per word its UTF-8 bytes, one space, {@code dim} little-endian IEEE float32, and a
 *       {@code '\n'} (readers, the C tool's and gensim's, skip the newline; gensim writes none, so it is
 *       optional on reading).
 *   <li>{@link #GLOVE}: GloVe's text format: word2vec text without the header line.
 *   <li>{@link #FASTTEXT_VEC}: fastText's {@code .vec}, which is word2vec text (header included); on reading
 *       it is indistinguishable from {@link #WORD2VEC} and reported as that.
 * </ul>
 */
public enum VectorFormat {
    WORD2VEC("word2vec", true, false),
    WORD2VEC_BINARY("word2vec-binary", true, true),
    GLOVE("glove", false, false),
    FASTTEXT_VEC("fasttext-vec", true, false);

    private final String id;
    private final boolean header;
    private final boolean binary;

    VectorFormat(String id, boolean header, boolean binary) {
        this.id = id;
        this.header = header;
        this.binary = binary;
    }

    /** The name used on the command line and in properties, e.g. {@code word2vec-binary}. */
    public String id() {
        return id;
    }

    /** True if the file starts with the {@code "count dim"} line. */
    public boolean hasHeader() {
        return header;
    }

    /** True for the binary (raw float32) row layout. */
    public boolean isBinary() {
        return binary;
    }

    /** The format of an id, e.g. {@code glove}. */
    public static VectorFormat parse(String id) {
        for (VectorFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown vector format '" + id + "' (expected one of: " + ids() + ")");
    }

    /** The ids, {@code "word2vec, word2vec-binary, glove, fasttext-vec"}. */
    public static String ids() {
        return Arrays.stream(values()).map(VectorFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
