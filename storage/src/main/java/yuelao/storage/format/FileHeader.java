package yuelao.storage.format;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The self-describing part of a yuelao file header.
 *
 * @param formatName which kind of file this is, e.g. {@code "yuelao.counts"}
 * @param version the body layout version of that format (starts at 1)
 * @param vocabularyFingerprint {@code Vocabulary.fingerprint()} of the vocabulary the ids refer to
 * @param recordCounts format-defined sizes of the body sections (e.g. {V, nnz})
 * @param properties free-form settings (window, weighting, scale ...), kept sorted by key
 */
public record FileHeader(
        String formatName, int version, long vocabularyFingerprint, long[] recordCounts, SortedMap<String, String> properties) {

    public FileHeader {
        Objects.requireNonNull(formatName, "formatName");
        if (version < 1) {
            throw new IllegalArgumentException("format version must be >= 1: " + version);
        }
        recordCounts = recordCounts.clone();
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "property key"), Objects.requireNonNull(e.getValue(), "property value"));
        }
        properties = Collections.unmodifiableSortedMap(copy);
    }

    /** A header with the properties of any map (copied and sorted). */
    public static FileHeader of(String formatName, int version, long fingerprint, long[] recordCounts, Map<String, String> properties) {
        return new FileHeader(formatName, version, fingerprint, recordCounts, new TreeMap<>(properties));
    }

    @Override
    public long[] recordCounts() {
        return recordCounts.clone();
    }

    /** Record count {@code i}, without copying the array. */
    public long recordCount(int i) {
        return recordCounts[i];
    }

    public int recordCountLength() {
        return recordCounts.length;
    }
}
