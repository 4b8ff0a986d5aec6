package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.file.Path;
import yuelao.tokenizer.vocab.Vocabulary;

/**
 * word2vec's text format as training writes it into {@code vectors.txt}: a {@code "count dim"} header (or
 * none, which is GloVe's text format), then {@code word v1 ... vd} per line, UTF-8, written atomically. A
 * shorthand for {@link VectorFormats#write}.
 */
public final class Word2VecText {
    private Word2VecText() {}

    /**
     * Writes the vectors of {@code vocabulary}'s words, row i = word id i.
     *
     * @throws IllegalArgumentException if a word holds whitespace (nothing is written then)
     */
    public static void write(Path file, Vocabulary vocabulary, float[] vectors, int dim, boolean header) throws IOException {
        VectorFormats.write(file, header ? VectorFormat.WORD2VEC : VectorFormat.GLOVE, vocabulary, vectors, dim);
    }
}
