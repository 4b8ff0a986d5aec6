package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import yuelao.storage.format.StoreFormatException;

/**
 * Reads the word2vec C tool's binary format, streaming: a {@code "count dim"} text line, then {@code count}
 * rows of (UTF-8 word, one space, {@code dim} little-endian float32). As in the C tool and gensim, newlines
 * before a word are skipped, so the C tool's {@code '\n'} after each vector is optional (gensim writes none).
 * Floats are kept bit for bit. After the last row only newlines may follow.
 *
 * <p>Errors name the file, the 1-based row and the (decompressed) byte offset: a word that is not UTF-8 or
 * holds whitespace, a duplicate word, a row cut short, fewer or more rows than the header announces.
 */
final class BinaryVectorReader {
    /** Longer "words" mean the file is not what its header says. */
    static final int MAX_WORD_BYTES = 1 << 16;

    private BinaryVectorReader() {}

    static ImportedVectors read(VectorInput in) throws IOException {
        Path file = in.file();
        VectorInput.Line line = new VectorInput.Line();
        if (!in.readLine(line, TextVectorReader.MAX_LINE, "line 1")) {
            throw new StoreFormatException(file, "empty file");
        }
        long[] h = TextSyntax.header(line.bytes, line.length);
        if (h == null) {
            throw new StoreFormatException(file, "line 1: expected the header \"count dim\" (two integers)");
        }
        long expected = h[0];
        int dim = TextVectorReader.checkDim(file, h[1], "line 1: header");
        if (expected > Integer.MAX_VALUE) {
            throw new StoreFormatException(file, "line 1: header announces " + expected + " words, more than yuelao can hold");
        }
        VectorCollector c = new VectorCollector(dim, expected);
        byte[] word = new byte[256];
        byte[] vector = new byte[4 * dim];
        ByteBuffer le = ByteBuffer.wrap(vector).order(ByteOrder.LITTLE_ENDIAN);
        for (long row = 1; row <= expected; row++) {
            skipNewlines(in);
            long at = in.offset();
            int wl = 0;
            int b;
            while ((b = in.read()) != ' ') {
                if (b < 0) {
                    throw new StoreFormatException(file, wl == 0
                            ? "truncated: the header announces " + expected + " words, the file ends after " + (row - 1) + " (byte " + at + ")"
                            : "row " + row + " (byte " + at + "): truncated inside the word");
                }
                if (wl == MAX_WORD_BYTES) {
                    throw new StoreFormatException(file, "row " + row + " (byte " + at + "): no space within " + MAX_WORD_BYTES
                            + " bytes: not word2vec binary, or the header's dimension is wrong");
                }
                if (wl == word.length) {
                    word = java.util.Arrays.copyOf(word, word.length * 2);
                }
                word[wl++] = (byte) b;
            }
            String w = TextSyntax.utf8(word, 0, wl);
            if (w == null) {
                throw new StoreFormatException(file, "row " + row + " (byte " + at + "): the word is not valid UTF-8"
                        + (row > 1 ? " (is the header's dimension right?)" : ""));
            }
            String problem = Words.problem(w);
            if (problem != null) {
                throw new StoreFormatException(file, "row " + row + " (byte " + at + "): word " + Words.quote(w) + " " + problem
                        + (row > 1 ? " (is the header's dimension right?)" : ""));
            }
            int got = in.read(vector, 0, vector.length);
            if (got < vector.length) {
                throw new StoreFormatException(file, "row " + row + " (byte " + at + "): truncated: the vector of " + Words.quote(w)
                        + " has " + got + " of its " + vector.length + " bytes");
            }
            int base = c.beginRow();
            if (base < 0) {
                throw new StoreFormatException(file, "row " + row + ": more than " + VectorCollector.MAX_FLOATS + " floats, too many for one table");
            }
            float[] data = c.data();
            for (int k = 0; k < dim; k++) {
                data[base + k] = Float.intBitsToFloat(le.getInt(4 * k));
                if (!Float.isFinite(data[base + k])) { // NaN or infinity would rank words by nonsense in every query
                    throw new StoreFormatException(file, "row " + row + " (byte " + at + "): value " + (k + 1) + " of " + Words.quote(w) + " is "
                            + data[base + k] + ": vectors must be finite");
                }
            }
            int first = c.endRow(w);
            if (first >= 0) {
                throw new StoreFormatException(file, "row " + row + " (byte " + at + "): duplicate word " + Words.quote(w)
                        + " (first in row " + (first + 1) + ")");
            }
        }
        skipNewlines(in);
        if (in.peek() >= 0) {
            throw new StoreFormatException(file, "byte " + in.offset() + ": more data after the " + expected
                    + " words the header announces (header count mismatch)");
        }
        if (c.rows() == 0) {
            throw new StoreFormatException(file, "no vectors in the file (the header announces 0 words)");
        }
        return c.result(VectorFormat.WORD2VEC_BINARY.id());
    }

    private static void skipNewlines(VectorInput in) throws IOException {
        while (in.peek() == '\n') {
            in.read();
        }
    }
}
