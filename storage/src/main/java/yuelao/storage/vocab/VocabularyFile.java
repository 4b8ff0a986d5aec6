package yuelao.storage.vocab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import yuelao.storage.format.OutputKind;
import yuelao.storage.format.BinaryFileReader;
import yuelao.storage.format.BinaryFileWriter;
import yuelao.storage.format.AtomicFiles;
import yuelao.storage.format.SegmentInput;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

/**
 * The vocabulary files of a store directory.
 *
 * <p>{@code vocab.bin}: format {@value #FORMAT} version {@value #VERSION}, header fingerprint =
 * {@link Vocabulary#fingerprint()}, record counts = {V}, body = V records in id order of (4-byte UTF-8 length,
 * UTF-8 bytes, 8-byte count). {@code vocab.txt}: GloVe's {@code word count} lines in id order, UTF-8, for
 * people and other tools; it is never read back. Both are written atomically.
 */
public final class VocabularyFile {
    public static final String FORMAT = "yuelao.vocab";
    public static final int VERSION = 1;
    public static final String BINARY_NAME = "vocab.bin";
    public static final String TEXT_NAME = "vocab.txt";
    /** A directory of these two files alone, as {@code yuelao vocab} writes it. */
    public static final OutputKind DIRECTORY_KIND = new OutputKind("a vocabulary", BINARY_NAME, FORMAT, Set.of(BINARY_NAME, TEXT_NAME));

    private VocabularyFile() {}

    /** Writes {@code vocab.bin} and {@code vocab.txt} into {@code dir}. */
    public static void write(Path dir, Vocabulary v, Map<String, String> properties) throws IOException {
        try (BinaryFileWriter w = BinaryFileWriter.create(dir.resolve(BINARY_NAME), FORMAT, VERSION, v.fingerprint(),
                new long[] {v.size()}, properties)) {
            for (int i = 0; i < v.size(); i++) {
                w.putUtf8(v.word(i).getBytes(StandardCharsets.UTF_8));
                w.putLong(v.count(i));
            }
            w.commit();
        }
        AtomicFiles.write(dir.resolve(TEXT_NAME), out -> writeText(v, out));
    }

    private static void writeText(Vocabulary v, OutputStream out) throws IOException {
        byte[] space = {' '};
        byte[] newline = {'\n'};
        for (int i = 0; i < v.size(); i++) {
            out.write(v.word(i).getBytes(StandardCharsets.UTF_8));
            out.write(space);
            out.write(Long.toString(v.count(i)).getBytes(StandardCharsets.US_ASCII));
            out.write(newline);
        }
    }

    /**
     * Reads {@code dir/vocab.bin}, verifying its checksum, the rank order of the words and that their
     * fingerprint is the one in the header.
     */
    public static StoredVocabulary read(Path dir) throws IOException {
        Path file = dir.resolve(BINARY_NAME);
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION)) {
            if (r.recordCountLength() != 1 || r.recordCount(0) < 0 || r.recordCount(0) > Integer.MAX_VALUE) {
                throw new StoreFormatException(file, "corrupt header (vocabulary size)");
            }
            int n = (int) r.recordCount(0);
            // Each record takes at least 12 bytes: reject an absurd size before allocating for it.
            if (n > r.bodySize() / 12) {
                throw new StoreFormatException(file, "corrupt header (" + n + " words cannot fit in " + r.bodySize() + " bytes)");
            }
            String[] words = new String[n];
            long[] counts = new long[n];
            SegmentInput in = r.bodyInput("vocabulary");
            for (int i = 0; i < n; i++) {
                words[i] = in.readUtf8(Integer.MAX_VALUE, "word " + i);
                counts[i] = in.readLong();
            }
            if (in.remaining() != 0) {
                throw new StoreFormatException(file, "corrupt vocabulary (" + in.remaining() + " bytes after the last word)");
            }
            Vocabulary v;
            try {
                v = Vocabulary.ofRanked(words, counts);
            } catch (IllegalArgumentException e) {
                throw new StoreFormatException(file, "invalid vocabulary: " + e.getMessage());
            }
            if (v.fingerprint() != r.vocabularyFingerprint()) {
                throw new StoreFormatException(file, String.format("fingerprint mismatch (header %016x, words give %016x)",
                        r.vocabularyFingerprint(), v.fingerprint()));
            }
            return new StoredVocabulary(v, r.properties());
        }
    }
}
