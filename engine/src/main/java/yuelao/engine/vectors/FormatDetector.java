package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.file.Path;
import yuelao.storage.format.StoreFormatException;

/**
 * Tells the format of a vector file from its first bytes (after gzip decompression, when the file starts
 * with gzip's magic bytes):
 *
 * <ol>
 *   <li>If the first line is not exactly two integers, the file is GloVe text (no header).
 *   <li>Otherwise it is a {@code "count dim"} header candidate. Look past the first word of the next row (up
 *       to its first space) at the following {@code 4 * dim} bytes, where a binary file has its raw floats.
 *       If they are not text (invalid UTF-8 or control characters), the file is word2vec binary: raw
 *       float32 bytes essentially never pass as text (for {@code dim >= 4} the chance is far below
 *       10^-9).
 *   <li>Text with a header when line 2 has {@code dim + 1} fields (or is absent, or is ragged: the reader
 *       then reports it). The one exception: a line 2 with exactly 2 fields when the header's {@code dim}
 *       is not 1 means the first line was a row too, of a dimension-1 GloVe file whose first word is a
 *       number. A dimension-1 GloVe file whose first line looks like a {@code "count 1"} header and
 *       whose second line has 2 fields is read as word2vec text, as every word2vec reader would.
 * </ol>
 */
final class FormatDetector {
    private FormatDetector() {}

    static VectorFormats.Detected detect(Path file) throws IOException {
        try (VectorInput in = VectorInput.open(file)) {
            boolean gzip = in.gzip();
            if (in.peek() < 0) {
                throw new StoreFormatException(file, "empty file" + (gzip ? " (after gzip decompression)" : ""));
            }
            VectorInput.Line first = new VectorInput.Line();
            in.readLine(first, TextVectorReader.MAX_LINE, "line 1");
            long[] h = TextSyntax.header(first.bytes, first.length);
            if (h == null) {
                return new VectorFormats.Detected(VectorFormat.GLOVE, gzip);
            }
            long dim = Math.min(Math.max(h[1], 1), TextSyntax.MAX_DIM);
            // Enough for a word, its binary vector, and a text line of dim numbers up to 32 characters each.
            int want = (int) (BinaryVectorReader.MAX_WORD_BYTES + 36 * dim + 2);
            byte[] p = new byte[want];
            int n = in.read(p, 0, want);
            int s = 0;
            while (s < n && p[s] == '\n') {
                s++; // the binary reader skips newlines before a word
            }
            if (s == n) {
                return new VectorFormats.Detected(VectorFormat.WORD2VEC, gzip); // header only: the reader says so
            }
            int space = s;
            while (space < n && p[space] != ' ' && p[space] != '\n') {
                space++;
            }
            if (space < n && p[space] == ' ') {
                int end = (int) Math.min(n, space + 1 + 4 * dim);
                if (!TextSyntax.looksLikeText(p, space + 1, end)) {
                    return new VectorFormats.Detected(VectorFormat.WORD2VEC_BINARY, gzip);
                }
            }
            int eol = s;
            while (eol < n && p[eol] != '\n') {
                eol++;
            }
            int fields = TextSyntax.countFields(p, s, eol);
            if (fields == 2 && h[1] != 1 && (eol < n || n < want)) {
                return new VectorFormats.Detected(VectorFormat.GLOVE, gzip);
            }
            return new VectorFormats.Detected(VectorFormat.WORD2VEC, gzip);
        }
    }
}
