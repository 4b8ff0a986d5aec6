package yuelao.engine.vectors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import yuelao.storage.format.AtomicFiles;

/**
 * Writes word vectors in one of the {@link VectorFormat}s, atomically: the file appears complete under its
 * name, or not at all (a temporary sibling renamed over the target; an existing target is kept until then).
 *
 * <p>Every word is checked before anything is written: an empty word or one holding whitespace cannot be
 * represented in any of the formats, so it fails the whole write with an {@link IllegalArgumentException}
 * naming the file, the row and the word. Text floats are Java's shortest decimal that reads back to the same
 * float ({@link Float#toString}, locale-independent; {@code NaN}, {@code Infinity} and {@code -0.0} as such),
 * so text files round-trip bit for bit. Binary floats are little-endian float32, as the C tool writes them on
 * every common machine and as gensim reads them.
 */
final class VectorWriter {
    private VectorWriter() {}

    static void write(Path file, VectorFormat format, List<String> words, float[] data, int dim) throws IOException {
        write(file, format, words, data, dim, UnaryOperator.identity());
    }

    /** As above, the file's stream passed through {@code wrap} first (tests inject I/O failures with it). */
    static void write(Path file, VectorFormat format, List<String> words, float[] data, int dim, UnaryOperator<OutputStream> wrap)
            throws IOException {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dim);
        }
        if ((long) words.size() * dim != data.length) {
            throw new IllegalArgumentException(data.length + " floats are not " + words.size() + " words x " + dim);
        }
        byte[][] utf8 = new byte[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String problem = Words.problem(w);
            if (problem != null) {
                throw new IllegalArgumentException(file + ": cannot write " + format.id() + ": word " + (i + 1) + " " + Words.quote(w)
                        + " " + problem + ", which would corrupt the file; nothing was written");
            }
            utf8[i] = w.getBytes(StandardCharsets.UTF_8);
        }
        AtomicFiles.write(file, stream -> {
            OutputStream out = wrap.apply(stream);
            if (format.hasHeader()) {
                out.write((words.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (format.isBinary()) {
                writeBinaryRows(out, utf8, data, dim);
            } else {
                writeTextRows(out, utf8, data, dim);
            }
            out.flush();
        });
    }

    private static void writeTextRows(OutputStream out, byte[][] words, float[] data, int dim) throws IOException {
        StringBuilder sb = new StringBuilder(dim * 16);
        byte[] ascii = new byte[0];
        for (int i = 0; i < words.length; i++) {
            sb.setLength(0);
            int base = i * dim;
            for (int k = 0; k < dim; k++) {
                sb.append(' ').append(data[base + k]); // StringBuilder.append(float) == Float.toString: shortest, Locale-free
            }
            sb.append('\n');
            if (ascii.length < sb.length()) {
                ascii = new byte[sb.length() * 2];
            }
            for (int c = 0; c < sb.length(); c++) {
                ascii[c] = (byte) sb.charAt(c); // digits, signs, '.', 'E', "NaN", "Infinity": all ASCII
            }
            out.write(words[i]);
            out.write(ascii, 0, sb.length());
        }
    }

    private static void writeBinaryRows(OutputStream out, byte[][] words, float[] data, int dim) throws IOException {
        ByteBuffer row = ByteBuffer.allocate(4 * dim + 1).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < words.length; i++) {
            row.clear();
            for (int k = 0; k < dim; k++) {
                row.putInt(Float.floatToRawIntBits(data[i * dim + k])); // raw bits: NaN payloads kept too
            }
            row.put((byte) '\n'); // the C tool's row end; readers skip it
            out.write(words[i]);
            out.write(' ');
            out.write(row.array(), 0, row.position());
        }
    }
}
