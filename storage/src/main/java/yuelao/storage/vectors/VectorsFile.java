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
import yuelao.storage.format.OutputKind;
import yuelao.storage.format.StoreFormatException;

/**
 * The engine's native word-vector table, {@code vectors.bin} (format {@code yuelao.vectors} v1): the common
 * frame (magic, format, version, vocabulary fingerprint, record counts {V, dim}, properties; CRC32C footer),
 * then {@code float[V * dim]} little-endian, row i = the vector of word id i. The words live beside it in
 * {@code vocab.bin}, tied to it by the fingerprint. Read back by memory mapping (long offsets, no 2 GB
 * ceiling).
 */
public final class VectorsFile {
    public static final String FORMAT = "yuelao.vectors";
    public static final int VERSION = 1;
    public static final String FILE_NAME = "vectors.bin";
    /** A VECTORS directory as {@code train} and {@code import} write it, with the index {@code yuelao index} adds. */
    public static final OutputKind DIRECTORY_KIND = new OutputKind("a vectors directory", FILE_NAME, FORMAT,
            java.util.Set.of("vocab.bin", "vocab.txt", FILE_NAME, "vectors.txt", SubwordFile.FILE_NAME, GraphFile.FILE_NAME));

    private VectorsFile() {}

    /** Writes {@code rows x dim} floats (row-major) atomically. */
    public static void write(Path file, long vocabularyFingerprint, int rows, int dim, float[] data, Map<String, String> properties)
            throws IOException {
        if ((long) rows * dim != data.length) {
            throw new IllegalArgumentException("data holds " + data.length + " floats, expected " + rows + " x " + dim);
        }
        try (BinaryFileWriter w = BinaryFileWriter.create(file, FORMAT, VERSION, vocabularyFingerprint, new long[] {rows, dim},
                properties)) {
            ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < rows; i++) {
                row.clear();
                row.asFloatBuffer().put(data, i * dim, dim);
                w.putBytes(row.array(), 0, 4 * dim);
            }
            w.commit();
        }
    }

    /** An opened, verified vector table: its floats stay memory-mapped until {@link #close()}. */
    public static final class Stored implements AutoCloseable {
        private final BinaryFileReader reader;
        private final int rows;
        private final int dim;
        private final MemorySegment floats;

        private Stored(BinaryFileReader reader, int rows, int dim, MemorySegment floats) {
            this.reader = reader;
            this.rows = rows;
            this.dim = dim;
            this.floats = floats;
        }

        public int rows() {
            return rows;
        }

        public int dim() {
            return dim;
        }

        public long vocabularyFingerprint() {
            return reader.vocabularyFingerprint();
        }

        public SortedMap<String, String> properties() {
            return reader.properties();
        }

        /** Element (i, k). */
        public float get(int i, int k) {
            return floats.getAtIndex(FLOAT_LE, (long) i * dim + k);
        }

        /** Copies row i (dim floats) into {@code dst} at {@code off}: one bulk copy, no per-element access. */
        public void copyRow(int i, float[] dst, int off) {
            MemorySegment.copy(floats, FLOAT_LE, (long) i * dim * 4, dst, off, dim);
        }

        /** A heap copy of the whole table, row-major. */
        public float[] toArray() {
            long n = (long) rows * dim;
            if (n > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException(reader.file() + ": " + n + " floats do not fit in one Java array");
            }
            float[] out = new float[(int) n];
            MemorySegment.copy(floats, FLOAT_LE, 0, out, 0, (int) n);
            return out;
        }

        public Path file() {
            return reader.file();
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    public static Stored read(Path file) throws IOException {
        BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION);
        try {
            if (r.recordCountLength() != 2) {
                throw new StoreFormatException(file, "corrupt header (record counts)");
            }
            long rows = r.recordCount(0);
            long dim = r.recordCount(1);
            if (rows < 0 || rows > Integer.MAX_VALUE || dim <= 0 || dim > 100_000) {
                throw new StoreFormatException(file, "corrupt header (" + rows + " rows of dimension " + dim + ")");
            }
            if (r.bodySize() < rows * dim * 4) {
                throw new StoreFormatException(file, "corrupt body (" + r.bodySize() + " bytes for " + rows + " x " + dim + " floats)");
            }
            MemorySegment floats = r.body().asSlice(0, rows * dim * 4);
            return new Stored(r, (int) rows, (int) dim, floats);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }
}
