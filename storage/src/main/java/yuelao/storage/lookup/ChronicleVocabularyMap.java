package yuelao.storage.lookup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.values.Values;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

/**
 * A persisted Chronicle Map from word to (id, count), for processes that need random word look-ups without
 * loading the whole vocabulary (about 2 M gets/s and 0.03 s to reopen, measured in benchmarks/RESULTS.md).
 *
 * <p>Built once from a {@link Vocabulary} into a hidden temporary file renamed into place when complete.
 * Chronicle keeps no user metadata in its header, so one reserved entry, key {@value #META_KEY} (a NUL
 * character never appears in a token), holds (id = V, count = vocabulary fingerprint); {@link #open} checks
 * it and the entry count. Sizing: {@code entries(V)} is a hard capacity in Chronicle, so the build sizes for V plus
 * 10% and never adds later. The API is read-only after the build; Chronicle itself maps the file read-write
 * (its segment locks live in the file). Look-ups reuse a per-thread value flyweight: no allocation, safe from
 * many threads.
 */
public final class ChronicleVocabularyMap implements Closeable {
    /** Reserved key of the metadata entry. */
    public static final String META_KEY = "\u0000yuelao.vocab-map";
    private static final String NAME = "yuelao.vocab-map";

    private final Path file;
    private final ChronicleMap<CharSequence, VocabEntry> map;
    private final ThreadLocal<VocabEntry> probe;
    private final int size;
    private final long fingerprint;

    private ChronicleVocabularyMap(Path file, ChronicleMap<CharSequence, VocabEntry> map, int size, long fingerprint) {
        this.file = file;
        this.map = map;
        this.size = size;
        this.fingerprint = fingerprint;
        this.probe = ThreadLocal.withInitial(() -> Values.newHeapInstance(VocabEntry.class));
    }

    private static ChronicleMapBuilder<CharSequence, VocabEntry> builder(long entries, double averageKeyBytes) {
        return ChronicleMap.of(CharSequence.class, VocabEntry.class)
                .name(NAME)
                .entries(Math.max(16, entries + entries / 10))
                .averageKeySize(Math.max(1.0, averageKeyBytes));
    }

    /** Builds the map at {@code file} (replacing it atomically) and returns it open. */
    public static ChronicleVocabularyMap build(Path file, Vocabulary v) throws IOException {
        if (v.contains(META_KEY)) {
            throw new IllegalArgumentException("the vocabulary contains the reserved key " + META_KEY);
        }
        long bytes = 0;
        for (int i = 0; i < v.size(); i++) {
            bytes += v.word(i).length();
        }
        double avg = v.size() == 0 ? 8 : (double) bytes / v.size();
        yuelao.storage.format.WriteFaults.check(yuelao.storage.format.WriteFaults.Site.LOOKUP_MAP, file);
        Path temp = ChronicleFiles.temp(file);
        try {
            try (ChronicleMap<CharSequence, VocabEntry> m = builder(v.size() + 1L, avg).createPersistedTo(temp.toFile())) {
                VocabEntry value = Values.newHeapInstance(VocabEntry.class);
                for (int i = 0; i < v.size(); i++) {
                    value.setId(i);
                    value.setCount(v.count(i));
                    m.put(v.word(i), value);
                }
                value.setId(v.size());
                value.setCount(v.fingerprint());
                m.put(META_KEY, value);
            }
            ChronicleFiles.publish(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        return open(file);
    }

    /** Opens an existing map (this or another process built it). */
    public static ChronicleVocabularyMap open(Path file) throws IOException {
        ChronicleFiles.requireExists(file);
        ChronicleMap<CharSequence, VocabEntry> m;
        try {
            m = builder(16, 8).createPersistedTo(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw ChronicleFiles.openFailure(file, "Chronicle vocabulary map", e);
        }
        try {
            VocabEntry meta = m.getUsing(META_KEY, Values.newHeapInstance(VocabEntry.class));
            if (meta == null) {
                throw new StoreFormatException(file, "is not a yuelao vocabulary map (no metadata entry)");
            }
            if (m.longSize() != meta.getId() + 1L) {
                throw new StoreFormatException(file, "incomplete vocabulary map (" + (m.longSize() - 1) + " of " + meta.getId()
                        + " words)");
            }
            return new ChronicleVocabularyMap(file, m, meta.getId(), meta.getCount());
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Id of the word, or -1. */
    public int id(CharSequence word) {
        VocabEntry e = map.getUsing(word, probe.get());
        return e == null ? -1 : e.getId();
    }

    /** Corpus count of the word, or 0. */
    public long count(CharSequence word) {
        VocabEntry e = map.getUsing(word, probe.get());
        return e == null ? 0 : e.getCount();
    }

    /** V. */
    public int size() {
        return size;
    }

    /** The {@link Vocabulary#fingerprint()} this map was built from. */
    public long vocabularyFingerprint() {
        return fingerprint;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        map.close();
    }
}
