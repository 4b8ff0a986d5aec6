package yuelao.storage.counts;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import yuelao.storage.counts.CountStore;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vocab.StoredVocabulary;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.core.AnalyzerSpec;
import yuelao.core.Vocabulary;

/**
 * An opened count store directory: its vocabulary and its memory-mapped CSR counts, checked to belong
 * together (same vocabulary fingerprint). Immutable and thread-safe.
 */
public final class CountStoreDirectory implements Closeable {
    private final Path dir;
    private final StoredVocabulary vocabulary;
    private final CountStore counts;

    private CountStoreDirectory(Path dir, StoredVocabulary vocabulary, CountStore counts) {
        this.dir = dir;
        this.vocabulary = vocabulary;
        this.counts = counts;
    }

    public static CountStoreDirectory open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new StoreFormatException(dir, Files.exists(dir) ? "not a count store (expected a directory from 'yuelao count')"
                    : "no such count store");
        }
        Path countsFile = dir.resolve(CountStore.FILE_NAME);
        if (!Files.exists(countsFile)) {
            throw new StoreFormatException(dir, "not a count store: " + CountStore.FILE_NAME + " is missing");
        }
        StoredVocabulary v = VocabularyFile.read(dir);
        CountStore c = CountStore.open(countsFile);
        if (c.vocabularyFingerprint() != v.vocabulary().fingerprint() || c.vocabSize() != v.vocabulary().size()) {
            c.close();
            throw new StoreFormatException(countsFile, "belongs to a different vocabulary than " + dir.resolve(VocabularyFile.BINARY_NAME));
        }
        return new CountStoreDirectory(dir, v, c);
    }

    public Path path() {
        return dir;
    }

    public Vocabulary vocabulary() {
        return vocabulary.vocabulary();
    }

    public CountStore counts() {
        return counts;
    }

    /** The analyzer the corpus was tokenized with: queries must tokenize text the same way. */
    public AnalyzerSpec analyzer() {
        return AnalyzerSpec.fromProperties(counts.properties());
    }

    public String property(String key, String fallback) {
        return counts.properties().getOrDefault(key, fallback);
    }

    /** Bytes on disk of every file in the store. */
    public long diskBytes() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    @Override
    public void close() {
        counts.close();
    }
}
