package yuelao.storage.vectors;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import yuelao.storage.format.BinaryFileReader;
import yuelao.storage.format.BinaryFileWriter;
import yuelao.storage.format.StoreFormatException;

/**
 * The feature table of a subword model, {@code subwords.bin} (format {@code yuelao.subwords} v1) beside
 * {@code vectors.bin}: the common frame (magic, format, version, vocabulary fingerprint, record counts
 * {words, buckets, dim}, properties such as {@code subwords.minn}, {@code subwords.maxn},
 * {@code subwords.buckets}, {@code subwords.hash}; CRC32C footer), then
 * <ol>
 *   <li>{@code int[buckets]}: the hash buckets the vocabulary uses, strictly increasing (bucket row k is
 *       hash bucket {@code bucketIds[k]});
 *   <li>{@code float[words * dim]}: the words' own-id feature vectors (words = 0 when the model has no own-id
 *       feature);
 *   <li>{@code float[buckets * dim]}: the bucket vectors.
 * </ol>
 * All little-endian. Only used buckets are stored, so the file stays small whatever the hash range.
 */
public final class SubwordFile {
    public static final String FORMAT = "yuelao.subwords";
    public static final int VERSION = 1;
    public static final String FILE_NAME = "subwords.bin";

    private SubwordFile() {}

    /** The table in memory. */
    public record Table(int[] bucketIds, float[] wordVectors, float[] bucketVectors, int words, int dim, SortedMap<String, String> properties) {}

    public static void write(Path file, long vocabularyFingerprint, int words, int dim, int[] bucketIds, float[] wordVectors,
            float[] bucketVectors, Map<String, String> properties) throws IOException {
        int nb = bucketIds.length;
        if ((long) words * dim != (wordVectors == null ? 0 : wordVectors.length) || (long) nb * dim != bucketVectors.length) {
            throw new IllegalArgumentException("feature table sizes do not match " + words + " words, " + nb + " buckets x " + dim);
        }
        for (int k = 1; k < nb; k++) {
            if (bucketIds[k] <= bucketIds[k - 1]) {
                throw new IllegalArgumentException("bucket ids must be strictly increasing");
            }
        }
        try (BinaryFileWriter w = BinaryFileWriter.create(file, FORMAT, VERSION, vocabularyFingerprint, new long[] {words, nb, dim},
                properties)) {
            for (int b : bucketIds) {
                w.putInt(b);
            }
            putFloats(w, wordVectors, words, dim);
            putFloats(w, bucketVectors, nb, dim);
            w.commit();
        }
    }

    private static void putFloats(BinaryFileWriter w, float[] data, int rows, int dim) throws IOException {
        ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rows; i++) {
            row.clear();
            row.asFloatBuffer().put(data, i * dim, dim);
            w.putBytes(row.array(), 0, 4 * dim);
        }
    }

    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Reads and verifies the whole table into heap arrays. */
    public static Table read(Path file) throws IOException {
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION)) {
            if (r.recordCountLength() != 3) {
                throw new StoreFormatException(file, "corrupt header (record counts)");
            }
            long words = r.recordCount(0);
            long nb = r.recordCount(1);
            long dim = r.recordCount(2);
            if (words < 0 || words > Integer.MAX_VALUE || nb < 0 || nb > Integer.MAX_VALUE || dim <= 0 || dim > 100_000
                    || (words + nb) * dim > Integer.MAX_VALUE - 16) {
                throw new StoreFormatException(file, "corrupt header (" + words + " words, " + nb + " buckets of dimension " + dim + ")");
            }
            long need = nb * 4 + (words + nb) * dim * 4;
            if (r.bodySize() < need) {
                throw new StoreFormatException(file, "corrupt body (" + r.bodySize() + " bytes, " + need + " expected)");
            }
            MemorySegment body = r.body();
            int[] ids = new int[(int) nb];
            MemorySegment.copy(body, INT_LE, 0, ids, 0, ids.length);
            for (int k = 1; k < ids.length; k++) {
                if (ids[k] <= ids[k - 1]) {
                    throw new StoreFormatException(file, "corrupt body (bucket ids not increasing at " + k + ")");
                }
            }
            float[] wv = new float[(int) (words * dim)];
            MemorySegment.copy(body, FLOAT_LE, nb * 4, wv, 0, wv.length);
            float[] bv = new float[(int) (nb * dim)];
            MemorySegment.copy(body, FLOAT_LE, nb * 4 + words * dim * 4, bv, 0, bv.length);
            return new Table(ids, wv, bv, (int) words, (int) dim, r.properties());
        }
    }

    /** The vocabulary fingerprint recorded in the header (without reading the body). */
    public static long fingerprint(Path file) throws IOException {
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION, false)) {
            return r.vocabularyFingerprint();
        }
    }
}
