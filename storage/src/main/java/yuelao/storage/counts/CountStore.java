package yuelao.storage.counts;

import yuelao.core.StoreKeys;
import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import yuelao.storage.format.BinaryFileReader;
import yuelao.storage.format.Layouts;
import yuelao.storage.format.OutputKind;
import yuelao.storage.format.StoreFormatException;

/**
 * The co-occurrence store {@code counts.bin}: a symmetric CSR matrix over the vocabulary ids, memory-mapped
 * read-only, immutable and safe to share between threads.
 *
 * <p>Layout (format {@value #FORMAT}, version {@value #VERSION}; frame, header and footer as in
 * {@code yuelao.storage.format.BinaryFormat}; record counts {V, nnz}; all little-endian, every section
 * 8-aligned):
 *
 * <pre>
 * long rowOffsets[V+1]      row i is entries [rowOffsets[i], rowOffsets[i+1]); rowOffsets[V] = nnz
 * int  cols[nnz]            column ids, strictly increasing within each row; zero-padded to a multiple of 8 bytes
 * long units[nnz]           x_ij * scale, exact integers, > 0
 * long unigramCounts[V]     n_i
 * </pre>
 *
 * Both (i, j) and (j, i) are stored, so a row scan gives all neighbours; (i, i) is stored once if present.
 * Header properties: the caller's settings plus {@code scale}, {@code X.units} (units summed over
 * ordered pairs i != j), {@code diagonal.units} (units summed over i == i) and {@code N}.
 *
 * <p>Opening verifies the checksum (unless disabled), the section sizes, the row offsets, every column (in range,
 * increasing within its row), the units' signs and N, in O(V + nnz) plus one sequential read of the file.
 */
public final class CountStore implements Closeable {
    public static final String FORMAT = "yuelao.counts";
    public static final int VERSION = 1;
    public static final String FILE_NAME = "counts.bin";
    /**
     * A count store directory as {@code yuelao count} and {@code merge} write it: the vocabulary, this file, and the
     * Chronicle look-ups that {@code yuelao lookup-maps} may add.
     */
    public static final OutputKind DIRECTORY_KIND = new OutputKind("a count store", FILE_NAME, FORMAT,
            Set.of("vocab.bin", "vocab.txt", FILE_NAME, "lookup", "lookup/vocab.cmap", "lookup/pairs.cmap"));
    /** Properties the writer computes itself. */

    private final BinaryFileReader reader;
    private final int vocabSize;
    private final long nonZeros;
    private final MemorySegment rowOffsets;
    private final MemorySegment cols;
    private final MemorySegment units;
    private final MemorySegment unigrams;
    private final long scale;
    private final long pairUnits;
    private final long diagonalUnits;
    private final long totalTokens;

    private CountStore(BinaryFileReader reader) throws StoreFormatException {
        this.reader = reader;
        Path file = reader.file();
        if (reader.recordCountLength() != 2) {
            throw new StoreFormatException(file, "corrupt header (expected 2 record counts, found " + reader.recordCountLength() + ")");
        }
        long v = reader.recordCount(0);
        long nnz = reader.recordCount(1);
        if (v < 0 || v > Integer.MAX_VALUE - 8 || nnz < 0 || nnz > reader.bodySize() / 12) {
            throw new StoreFormatException(file, "corrupt header (V=" + v + ", nnz=" + nnz + ")");
        }
        this.vocabSize = (int) v;
        this.nonZeros = nnz;
        long rowBytes = 8 * (v + 1);
        long colBytes = Layouts.align8(4 * nnz);
        long unitBytes = 8 * nnz;
        long unigramBytes = 8 * v;
        long expected = rowBytes + colBytes + unitBytes + unigramBytes;
        if (reader.bodySize() != expected) {
            throw new StoreFormatException(file, "corrupt body (" + reader.bodySize() + " bytes, V=" + v + " and nnz=" + nnz
                    + " need " + expected + ")");
        }
        MemorySegment body = reader.body();
        this.rowOffsets = body.asSlice(0, rowBytes);
        this.cols = body.asSlice(rowBytes, 4 * nnz);
        this.units = body.asSlice(rowBytes + colBytes, unitBytes);
        this.unigrams = body.asSlice(rowBytes + colBytes + unitBytes, unigramBytes);
        SortedMap<String, String> p = reader.properties();
        this.scale = longProperty(file, p, StoreKeys.SCALE);
        this.pairUnits = longProperty(file, p, StoreKeys.X_UNITS);
        this.diagonalUnits = longProperty(file, p, StoreKeys.DIAGONAL_UNITS);
        this.totalTokens = longProperty(file, p, StoreKeys.N);
        if (scale <= 0) {
            throw new StoreFormatException(file, "corrupt header (scale " + scale + ")");
        }
        long previous = 0;
        if (rowOffsets.getAtIndex(Layouts.LONG, 0) != 0) {
            throw new StoreFormatException(file, "corrupt row offsets (row 0 does not start at 0)");
        }
        for (int i = 1; i <= vocabSize; i++) {
            long o = rowOffsets.getAtIndex(Layouts.LONG, i);
            if (o < previous || o - previous > vocabSize) {
                throw new StoreFormatException(file, "corrupt row offsets at row " + (i - 1));
            }
            previous = o;
        }
        if (previous != nnz) {
            throw new StoreFormatException(file, "corrupt row offsets (end " + previous + ", nnz " + nnz + ")");
        }
        // Every column an id in [0, V), strictly increasing within its row (the binary search of find relies on it), and
        // no negative units: a reader never indexes with what the file holds unchecked.
        long k = 0;
        for (int i = 0; i < vocabSize; i++) {
            long end = rowOffsets.getAtIndex(Layouts.LONG, i + 1);
            int prev = -1;
            for (; k < end; k++) {
                int c = cols.getAtIndex(Layouts.INT, k);
                if (c <= prev || c >= vocabSize || units.getAtIndex(Layouts.LONG, k) < 0) {
                    throw new StoreFormatException(file, "corrupt entry " + k + " (row " + i + ", column " + c + ")");
                }
                prev = c;
            }
        }
        long n = 0;
        for (int i = 0; i < vocabSize; i++) {
            n += unigrams.getAtIndex(Layouts.LONG, i);
        }
        if (n != totalTokens) {
            throw new StoreFormatException(file, "corrupt unigram counts (sum " + n + ", header N " + totalTokens + ")");
        }
    }

    private static long longProperty(Path file, SortedMap<String, String> p, String key) throws StoreFormatException {
        String s = p.get(key);
        if (s == null) {
            throw new StoreFormatException(file, "corrupt header (property " + key + " missing)");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new StoreFormatException(file, "corrupt header (property " + key + "=" + s + " is not an integer)");
        }
    }

    /** Opens and fully verifies a store. */
    public static CountStore open(Path file) throws IOException {
        return open(file, true);
    }

    /** Opens a store; {@code verifyChecksum=false} skips the CRC pass (structure is still checked). */
    public static CountStore open(Path file, boolean verifyChecksum) throws IOException {
        BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION, verifyChecksum);
        try {
            return new CountStore(r);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** V. */
    public int vocabSize() {
        return vocabSize;
    }

    /** CSR entries: 2 x (off-diagonal unordered pairs) + diagonal pairs. */
    public long nonZeros() {
        return nonZeros;
    }

    public long rowStart(int i) {
        return rowOffsets.getAtIndex(Layouts.LONG, i);
    }

    public long rowEnd(int i) {
        return rowOffsets.getAtIndex(Layouts.LONG, i + 1);
    }

    /** Neighbours of i: {@code rowEnd(i) - rowStart(i)}. */
    public int degree(int i) {
        return (int) (rowEnd(i) - rowStart(i));
    }

    /**
     * Entry indices of the {@code k} largest counts in row {@code i}, largest first; ties go to the lower column. A
     * bounded selection over the row (O(degree log k)); for summaries, not for hot loops.
     */
    public long[] topByCount(int i, int k) {
        long start = rowStart(i);
        long end = rowEnd(i);
        int m = (int) Math.min(k, end - start);
        long[] top = new long[Math.max(m, 0)]; // sorted by count descending, then entry (column) ascending
        if (m <= 0) {
            return top;
        }
        int n = 0;
        for (long e = start; e < end; e++) {
            long u = units(e);
            if (n == m && u <= units(top[n - 1])) {
                continue;
            }
            int pos = n < m ? n++ : m - 1;
            while (pos > 0 && units(top[pos - 1]) < u) {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = e;
        }
        return top;
    }

    /** Column of entry k. */
    public int column(long k) {
        return cols.getAtIndex(Layouts.INT, k);
    }

    /** Units of entry k. */
    public long units(long k) {
        return units.getAtIndex(Layouts.LONG, k);
    }

    /** x of entry k: {@code units(k) / scale}, correctly rounded. */
    public double value(long k) {
        return (double) units(k) / scale;
    }

    /**
     * Entry index of (i, j), or -1: binary search in row i, O(log degree).
     *
     * @throws IndexOutOfBoundsException if an id is not in [0, V)
     */
    public long find(int i, int j) {
        Objects.checkIndex(i, vocabSize);
        Objects.checkIndex(j, vocabSize);
        long lo = rowStart(i);
        long hi = rowEnd(i) - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            int c = column(mid);
            if (c < j) {
                lo = mid + 1;
            } else if (c > j) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Units of (i, j), 0 if they never co-occurred. */
    public long pairUnits(int i, int j) {
        long k = find(i, j);
        return k < 0 ? 0 : units(k);
    }

    /** x_ij = units / scale, 0 if they never co-occurred. */
    public double count(int i, int j) {
        long k = find(i, j);
        return k < 0 ? 0.0 : value(k);
    }

    /** n_i. */
    public long unigramCount(int i) {
        return unigrams.getAtIndex(Layouts.LONG, i);
    }

    /** N: the sum of the unigram counts. */
    public long totalTokens() {
        return totalTokens;
    }

    /** X in units: the sum over ordered pairs i != j. */
    public long totalPairUnits() {
        return pairUnits;
    }

    /** X = X.units / scale. */
    public double totalPairMass() {
        return (double) pairUnits / scale;
    }

    /** Sum of units over the diagonal (i, i), which docs/method.md excludes from X. */
    public long diagonalUnits() {
        return diagonalUnits;
    }

    public long scale() {
        return scale;
    }

    /** Every header property, the caller's and the writer's. */
    public SortedMap<String, String> properties() {
        return reader.properties();
    }

    public long vocabularyFingerprint() {
        return reader.vocabularyFingerprint();
    }

    public Path file() {
        return reader.file();
    }

    /**
     * The upper triangle (i <= j) in key order as a cursor: for dumping, merging and building look-up maps.
     * Each cursor is for one thread.
     */
    public RunCursor upperPairs() {
        return new RunCursor() {
            private int row = -1;
            private long k;
            private long end;

            @Override
            public boolean next() {
                while (k >= end) {
                    if (++row >= vocabSize) {
                        k = end = 0;
                        return false;
                    }
                    end = rowEnd(row);
                    k = firstColumnAtLeast(row, row);
                }
                k++;
                return true;
            }

            @Override
            public long key() {
                return ((long) row << 32) | column(k - 1);
            }

            @Override
            public long units() {
                return CountStore.this.units(k - 1);
            }

            @Override
            public void close() {}
        };
    }

    /** First entry of row i whose column is >= j (row end if none). */
    long firstColumnAtLeast(int i, int j) {
        long lo = rowStart(i);
        long hi = rowEnd(i);
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (column(mid) < j) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Streams the upper triangle (i <= j) in key order into the sink. */
    public void forEachUpperPair(PairSink sink) throws IOException {
        try (RunCursor c = upperPairs()) {
            while (c.next()) {
                sink.accept(c.key(), c.units());
            }
        }
    }

    /** Unmaps the file; later calls fail with IllegalStateException. */
    @Override
    public void close() {
        reader.close();
    }
}
