package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

/**
 * Reading and writing foreign word-vector files: word2vec text and binary, GloVe text, fastText
 * {@code .vec} (see {@link VectorFormat}).
 *
 * <p>{@link #read} detects the format itself (see {@link FormatDetector}) and reads gzip-compressed files
 * too; it streams the file and fails with a one-line {@link StoreFormatException} naming the file and the
 * line (or binary row and byte offset) on anything malformed. {@link #write} writes atomically and refuses
 * words that the formats cannot hold. Writing then reading gives back the same words and bit-identical
 * floats, for every format.
 */
public final class VectorFormats {
    private VectorFormats() {}

    /**
     * What {@link #detect} found.
     *
     * @param format {@link VectorFormat#WORD2VEC} for any text with a header (fastText {@code .vec} included),
     *     {@link VectorFormat#GLOVE} for text without one, or {@link VectorFormat#WORD2VEC_BINARY}
     * @param gzip whether the file is gzip-compressed
     */
    public record Detected(VectorFormat format, boolean gzip) {
        /** E.g. {@code "glove"} or {@code "word2vec-binary, gzip"}. */
        public String describe() {
            return format.id() + (gzip ? ", gzip" : "");
        }
    }

    /** The format of {@code file}, from its first bytes only. */
    public static Detected detect(Path file) throws IOException {
        return FormatDetector.detect(file);
    }

    /**
     * True when {@code file} reads as word vectors: a binary file as {@link #detect} tells one, or text whose first
     * rows (at most two) are a word followed by numbers only, as many as a header announces. What {@code --force}
     * may replace with an export (a corpus or any other text is refused).
     */
    public static boolean looksLikeVectors(Path file) throws IOException {
        Detected d = detect(file);
        if (d.format() == VectorFormat.WORD2VEC_BINARY) {
            return true;
        }
        try (VectorInput in = VectorInput.open(file)) {
            VectorInput.Line line = new VectorInput.Line();
            TextSyntax.IntList bounds = new TextSyntax.IntList();
            long dim = -1;
            if (d.format() == VectorFormat.WORD2VEC) {
                in.readLine(line, 64, "line 1");
                dim = TextSyntax.header(line.bytes, line.length)[1];
            }
            int rows = 0;
            while (rows < 2 && in.readLine(line, TextVectorReader.MAX_LINE, "line")) {
                int n = TextSyntax.split(line.bytes, line.length, bounds);
                if (n < 2 || (dim >= 0 && n != dim + 1)) {
                    return false;
                }
                for (int f = 1; f < n; f++) {
                    TextSyntax.parseFloat(line.bytes, bounds.get(2 * f), bounds.get(2 * f + 1)); // throws if not a number
                }
                rows++;
            }
            return rows > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Reads {@code file}, whatever its format (detected) and compression. */
    public static ImportedVectors read(Path file) throws IOException {
        return read(file, detect(file));
    }

    /** Reads {@code file} in the given detected format. */
    public static ImportedVectors read(Path file, Detected detected) throws IOException {
        try (VectorInput in = VectorInput.open(file)) {
            return switch (detected.format()) {
                case WORD2VEC_BINARY -> BinaryVectorReader.read(in);
                case GLOVE -> TextVectorReader.read(in, false);
                case WORD2VEC, FASTTEXT_VEC -> TextVectorReader.read(in, true);
            };
        } catch (OutOfMemoryError e) {
            throw new StoreFormatException(file, "too large to read into memory (raise the heap, e.g. YUELAO_HEAP=8g)");
        }
    }

    /**
     * Writes {@code words.size()} rows of {@code dim} floats ({@code data} row-major) to {@code file} in
     * {@code format}, atomically, replacing an existing file.
     *
     * @throws IllegalArgumentException naming the file and the word if a word is empty or holds whitespace
     *     (nothing is written then), or if the sizes do not match
     */
    public static void write(Path file, VectorFormat format, List<String> words, float[] data, int dim) throws IOException {
        VectorWriter.write(file, format, words, data, dim);
    }

    /** {@link #write(Path, VectorFormat, List, float[], int)} with the words of {@code vocabulary} in id order. */
    public static void write(Path file, VectorFormat format, Vocabulary vocabulary, float[] data, int dim) throws IOException {
        write(file, format, Arrays.asList(vocabulary.words()), data, dim);
    }
}
