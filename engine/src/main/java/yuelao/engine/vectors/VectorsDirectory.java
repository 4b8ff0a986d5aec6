package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.VectorsFile;
import yuelao.storage.vocab.StoredVocabulary;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.vocab.Vocabulary;

/**
 * A VECTORS directory as {@code train} and {@code import} write it: {@code vocab.bin} + {@code vocab.txt}
 * (the words, ids by rank), {@code vectors.bin} (row i = word id i, tied to the vocabulary by its
 * fingerprint) and {@code vectors.txt} (word2vec text of the same table).
 */
public final class VectorsDirectory {
    /** The word2vec text copy beside {@code vectors.bin}. */
    public static final String TEXT_NAME = "vectors.txt";

    private VectorsDirectory() {}

    /** A directory's table read into memory, with the properties it was written with. */
    public record Loaded(Vocabulary vocabulary, float[] data, int dim, SortedMap<String, String> properties) {}

    /**
     * Reads {@code dir}'s vocabulary and vectors, verifying checksums and that {@code vectors.bin} belongs to
     * {@code vocab.bin} (same fingerprint, one row per word).
     */
    public static Loaded load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw Files.exists(dir) ? new StoreFormatException(dir, "not a vectors directory (a file)") : new NoSuchFileException(dir.toString());
        }
        Path bin = dir.resolve(VectorsFile.FILE_NAME);
        if (!Files.exists(bin)) {
            throw new StoreFormatException(dir, "not a vectors directory (no " + VectorsFile.FILE_NAME + "; train or import writes one)");
        }
        StoredVocabulary sv = VocabularyFile.read(dir);
        Vocabulary v = sv.vocabulary();
        try (VectorsFile.Stored s = VectorsFile.read(bin)) {
            if (s.vocabularyFingerprint() != v.fingerprint() || s.rows() != v.size()) {
                throw new StoreFormatException(bin, "does not belong to " + VocabularyFile.BINARY_NAME + " beside it ("
                        + s.rows() + " rows for " + v.size() + " words, or another vocabulary's fingerprint)");
            }
            return new Loaded(v, s.toArray(), s.dim(), sv.properties());
        }
    }

    /**
     * Writes a complete directory at {@code out} atomically (staged, then renamed; with {@code force} an
     * existing one of the same kind is replaced only once the new one is complete; never one of {@code inputs}).
     */
    public static void write(Path out, boolean force, java.util.Collection<Path> inputs, Vocabulary v, float[] data, int dim,
            Map<String, String> properties) throws IOException {
        AtomicDirectory.removeStale(out);
        try (AtomicDirectory dir = AtomicDirectory.begin(out, VectorsFile.DIRECTORY_KIND, force, inputs)) {
            VocabularyFile.write(dir.path(), v, properties);
            VectorsFile.write(dir.path().resolve(VectorsFile.FILE_NAME), v.fingerprint(), v.size(), dim, data, properties);
            VectorFormats.write(dir.path().resolve(TEXT_NAME), VectorFormat.WORD2VEC, v, data, dim);
            dir.commit();
        }
    }
}
