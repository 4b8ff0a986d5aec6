package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.file.Path;
import yuelao.storage.format.StoreFormatException;

/**
 * Reads the text formats, streaming line by line: word2vec text ({@code "count dim"} header, also fastText
 * {@code .vec}) or GloVe (no header; the first line's field count fixes the dimension).
 *
 * <p>Every line after the header must be {@code word v1 ... vd}: fields separated by spaces or tabs, a
 * trailing separator and a CR allowed, the word valid UTF-8 with no whitespace and not seen before, exactly
 * {@code dim} numbers. With a header the file must hold exactly {@code count} such lines. Anything else is a
 * {@link StoreFormatException} naming the file and the line.
 */
final class TextVectorReader {
    /** A text line may not exceed this (a 100,000-dim line of long decimals stays well below). */
    static final int MAX_LINE = 256 << 20;

    private TextVectorReader() {}

    static ImportedVectors read(VectorInput in, boolean header) throws IOException {
        Path file = in.file();
        VectorInput.Line line = new VectorInput.Line();
        TextSyntax.IntList f = new TextSyntax.IntList();
        long lineNo = 0;
        long expected = -1;
        int dim = 0;
        if (header) {
            if (!in.readLine(line, MAX_LINE, "line 1")) {
                throw new StoreFormatException(file, "empty file");
            }
            lineNo = 1;
            long[] h = TextSyntax.header(line.bytes, line.length);
            if (h == null) {
                throw new StoreFormatException(file, "line 1: expected the header \"count dim\" (two integers)");
            }
            expected = h[0];
            dim = checkDim(file, h[1], "line 1: header");
            if (expected > Integer.MAX_VALUE) {
                throw new StoreFormatException(file, "line 1: header announces " + expected + " words, more than yuelao can hold");
            }
        }
        VectorCollector c = null;
        while (in.readLine(line, MAX_LINE, "line " + (lineNo + 1))) {
            lineNo++;
            if (expected >= 0 && (c == null ? 0 : c.rows()) >= expected) {
                throw new StoreFormatException(file, "line " + lineNo + ": more words than the " + expected
                        + " the header announces (header count mismatch)");
            }
            byte[] b = line.bytes;
            int n = TextSyntax.split(b, line.length, f);
            if (n == 0) {
                throw new StoreFormatException(file, "line " + lineNo + ": empty line");
            }
            if (n < 0) {
                throw new StoreFormatException(file, "line " + lineNo + ": starts with whitespace (empty word)");
            }
            if (c == null) {
                if (dim == 0) {
                    if (n < 2) {
                        throw new StoreFormatException(file, "line 1: a word without a vector");
                    }
                    dim = checkDim(file, n - 1, "line 1");
                }
                c = new VectorCollector(dim, Math.max(expected, 0));
            }
            if (n - 1 != dim) {
                throw new StoreFormatException(file, "line " + lineNo + ": " + (n - 1) + " values, expected " + dim
                        + (header ? " (the header's dimension)" : " (as on line 1)") + ": ragged line");
            }
            String word = TextSyntax.utf8(b, f.get(0), f.get(1));
            if (word == null) {
                throw new StoreFormatException(file, "line " + lineNo + ": the word is not valid UTF-8");
            }
            String problem = Words.problem(word);
            if (problem != null) {
                throw new StoreFormatException(file, "line " + lineNo + ": word " + Words.quote(word) + " " + problem);
            }
            int base = c.beginRow();
            if (base < 0) {
                throw new StoreFormatException(file, "line " + lineNo + ": more than " + VectorCollector.MAX_FLOATS
                        + " floats, too many for one table");
            }
            float[] data = c.data();
            for (int k = 0; k < dim; k++) {
                int s = f.get(2 * k + 2);
                int e = f.get(2 * k + 3);
                try {
                    data[base + k] = TextSyntax.parseFloat(b, s, e);
                } catch (NumberFormatException ex) {
                    String v = TextSyntax.utf8(b, s, Math.min(e, s + 40));
                    throw new StoreFormatException(file, "line " + lineNo + ": value " + (k + 1) + " of " + Words.quote(word) + ", "
                            + (v == null ? "(not UTF-8)" : Words.quote(v)) + ", is not a number");
                }
                if (!Float.isFinite(data[base + k])) { // NaN or infinity would rank words by nonsense in every query
                    throw new StoreFormatException(file, "line " + lineNo + ": value " + (k + 1) + " of " + Words.quote(word) + " is "
                            + data[base + k] + ": vectors must be finite");
                }
            }
            int first = c.endRow(word);
            if (first >= 0) {
                throw new StoreFormatException(file, "line " + lineNo + ": duplicate word " + Words.quote(word) + " (first on line "
                        + (first + 1 + (header ? 1 : 0)) + ")");
            }
        }
        int rows = c == null ? 0 : c.rows();
        if (expected >= 0 && rows < expected) {
            throw new StoreFormatException(file, "truncated: the header announces " + expected + " words, the file ends after "
                    + rows + " (line " + lineNo + ")");
        }
        if (rows == 0) {
            throw new StoreFormatException(file, lineNo == 0 ? "empty file" : "no vectors in the file");
        }
        return c.result(header ? VectorFormat.WORD2VEC.id() : VectorFormat.GLOVE.id());
    }

    static int checkDim(Path file, long dim, String where) throws StoreFormatException {
        if (dim < 1 || dim > TextSyntax.MAX_DIM) {
            throw new StoreFormatException(file, where + ": dimension " + dim + " is outside 1.." + TextSyntax.MAX_DIM);
        }
        return (int) dim;
    }
}
