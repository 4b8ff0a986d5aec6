package yuelao.storage.counts;

import yuelao.core.StoreKeys;
import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import yuelao.storage.format.BinaryFileWriter;
import yuelao.storage.format.FileHeader;
import yuelao.storage.format.Layouts;
import yuelao.core.Vocabulary;

/**
 * Writes {@code counts.bin} (layout: {@link CountStore}) from the merged stream of unordered pairs: strictly
 * increasing keys {@code (a <= b)}, positive units.
 *
 * <p>Two passes, so memory is O(V), never O(nnz): pass 1 ({@link #accept}) copies the stream to a temporary
 * run file and counts each row's degree ((a, b) adds to rows a and b, (a, a) once to row a); the prefix sums
 * of the degrees are the row offsets. Pass 2 ({@link #commit}) scatters each pair into row a and row b with
 * one write cursor per row. Row r receives (i, r) for i < r in increasing i, then (r, r), then (r, j) for
 * j > r in increasing j (stream order), so every row comes out sorted by column with no sort.
 *
 * <p>The scatter writes through READ_WRITE mappings, and every touched page of a mapping is resident in the
 * process until it is unmapped. So that peak RSS follows the memory budget and not the store size, the rows
 * are cut into consecutive ranges whose CSR bytes (4 B column + 8 B units per entry) fit in the
 * {@code scatterWindowBytes} window (a row larger than the window gets a range of its own); each range maps
 * only its slice of the column and units sections in a confined arena, re-reads the run, writes the entries
 * that land in its rows, forces the slice to disk and unmaps it. Resident mapped bytes therefore stay below
 * max(window, largest row) plus a page at each slice end; the run is read about storeBytes / window times
 * (each pass stops once the first id passes its range). Per-row order is the stream order in every pass, so
 * the file is byte-identical for any window. The whole file is then checksummed by sequential reads and
 * renamed into place atomically; the temporary run is deleted in every case.
 */
public final class CountStoreWriter implements PairSink, Closeable {
    /** Scatter window of {@link #create(Path, Vocabulary, long, Map, Path)}. */
    public static final long DEFAULT_SCATTER_WINDOW_BYTES = 256L << 20;
    /** CSR bytes per entry: a 4-byte column and 8-byte units. */
    private static final long ENTRY_BYTES = 4 + 8;

    private final Path file;
    private final Vocabulary vocabulary;
    private final long scale;
    private final Map<String, String> properties;
    private final int vocabSize;
    private final int[] degree;
    private final long scatterWindowBytes;
    private final Path upperFile;
    private final SpillRunWriter upper;
    private long previousKey = -1;
    private long offDiagonalUnits;
    private long diagonalUnits;
    private boolean done;
    private int scatterPasses;

    private CountStoreWriter(Path file, Vocabulary vocabulary, long scale, Map<String, String> properties, Path tempDir,
            long scatterWindowBytes) throws IOException {
        for (String k : StoreKeys.WRITER_KEYS) {
            if (properties.containsKey(k)) {
                throw new IllegalArgumentException("property '" + k + "' is set by the writer");
            }
        }
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        if (scatterWindowBytes <= 0) {
            throw new IllegalArgumentException("scatter window must be positive: " + scatterWindowBytes);
        }
        this.scatterWindowBytes = scatterWindowBytes;
        this.file = file;
        this.vocabulary = vocabulary;
        this.scale = scale;
        this.properties = new TreeMap<>(properties);
        this.vocabSize = vocabulary.size();
        this.degree = new int[vocabSize];
        Files.createDirectories(tempDir);
        this.upperFile = tempDir.resolve("yuelao-upper-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".run");
        this.upper = SpillRunWriter.create(upperFile);
    }

    /**
     * Starts a store over {@code vocabulary} (ids, unigram counts, fingerprint and N come from it).
     *
     * @param scale units per unit of co-occurrence mass (value = units / scale)
     * @param properties caller settings (window, weighting, analyzer...); must not set the writer's own keys
     * @param tempDir where the temporary upper-triangle run goes
     */
    public static CountStoreWriter create(Path file, Vocabulary vocabulary, long scale, Map<String, String> properties,
            Path tempDir) throws IOException {
        return create(file, vocabulary, scale, properties, tempDir, DEFAULT_SCATTER_WINDOW_BYTES);
    }

    /**
     * As {@link #create(Path, Vocabulary, long, Map, Path)}, with the file bytes the commit may keep mapped
     * (resident) at once; a row larger than the window is mapped alone. Smaller windows mean more re-reads
     * of the temporary run, never a different file.
     *
     * @param scatterWindowBytes bound on the mapped CSR bytes per scatter pass, positive
     */
    public static CountStoreWriter create(Path file, Vocabulary vocabulary, long scale, Map<String, String> properties,
            Path tempDir, long scatterWindowBytes) throws IOException {
        return new CountStoreWriter(file, vocabulary, scale, properties, tempDir, scatterWindowBytes);
    }

    /** Pass 1: one unordered pair {@code (a <= b)} with {@code units > 0}, keys strictly increasing. */
    @Override
    public void accept(long key, long units) throws IOException {
        int a = PairKey.first(key);
        int b = PairKey.second(key);
        if (key <= previousKey || a < 0 || a > b || b >= vocabSize || units <= 0) {
            throw new IllegalArgumentException("bad pair stream at (" + a + ", " + b + ", " + units + "): keys must increase, "
                    + "0 <= a <= b < " + vocabSize + ", units > 0");
        }
        previousKey = key;
        upper.append(key, units);
        degree[a]++;
        if (a != b) {
            degree[b]++;
            offDiagonalUnits = Math.addExact(offDiagonalUnits, units);
        } else {
            diagonalUnits = Math.addExact(diagonalUnits, units);
        }
    }

    /** Pass 2 and the atomic write of the file. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or closed: " + file);
        }
        done = true;
        try {
            SpillRun run = upper.finish();
            long[] offsets = new long[vocabSize + 1];
            for (int i = 0; i < vocabSize; i++) {
                offsets[i + 1] = offsets[i] + degree[i];
            }
            long nnz = offsets[vocabSize];
            TreeMap<String, String> props = new TreeMap<>(properties);
            props.put(StoreKeys.SCALE, Long.toString(scale));
            // X counts every unordered event twice (x_ij and x_ji), docs/method.md section 1.
            props.put(StoreKeys.X_UNITS, Long.toString(Math.multiplyExact(2, offDiagonalUnits)));
            props.put(StoreKeys.DIAGONAL_UNITS, Long.toString(diagonalUnits));
            props.put(StoreKeys.N, Long.toString(vocabulary.totalCount()));
            FileHeader header = new FileHeader(CountStore.FORMAT, CountStore.VERSION, vocabulary.fingerprint(),
                    new long[] {vocabSize, nnz}, props);
            try (BinaryFileWriter w = BinaryFileWriter.create(file, header)) {
                w.putLongs(offsets, 0, offsets.length);
                long cols = w.reserveRange(Layouts.align8(4 * nnz));
                long units = w.reserveRange(8 * nnz);
                scatter(run, offsets, w, cols, units);
                for (int i = 0; i < vocabSize; i++) {
                    w.putLong(vocabulary.count(i));
                }
                w.commit();
            }
        } finally {
            upper.close();
            Files.deleteIfExists(upperFile);
        }
    }

    /**
     * Fills the CSR rows one window of rows at a time; {@code offsets} is consumed as the per-row write
     * cursors. {@code cols} and {@code units} are the file offsets of the two reserved sections.
     */
    private void scatter(SpillRun run, long[] offsets, BinaryFileWriter w, long cols, long units) throws IOException {
        long[] cursor = offsets; // offsets[0..V) were written already; reuse the array as cursors
        int lo = 0;
        while (lo < vocabSize) {
            // Rows >= lo are untouched, so cursor[r] is still row r's start for every r >= lo.
            long base = cursor[lo];
            int hi = lo + 1;
            while (hi < vocabSize && (cursor[hi + 1] - base) * ENTRY_BYTES <= scatterWindowBytes) {
                hi++;
            }
            long entries = cursor[hi] - base;
            if (entries > 0) {
                scatterRange(run, cursor, w, cols, units, lo, hi, base, entries);
            }
            lo = hi;
        }
        long end = 0;
        for (int i = 0; i < vocabSize; i++) {
            end += degree[i];
            if (cursor[i] != end) {
                throw new IllegalStateException("row " + i + " was filled to " + cursor[i] + ", expected " + end);
            }
        }
    }

    /**
     * One pass: maps entries {@code [base, base + entries)} (rows {@code [lo, hi)}) and writes the pairs that
     * land there. The stream is sorted by its first id, so the pass stops at the first pair with
     * {@code a >= hi} (then both ids are past the range). The last non-empty range holds the largest first id,
     * so its pass reads the run to its end marker and checks the run's CRC before anything is committed.
     */
    private void scatterRange(SpillRun run, long[] cursor, BinaryFileWriter w, long cols, long units, int lo, int hi,
            long base, long entries) throws IOException {
        scatterPasses++;
        try (Arena arena = Arena.ofConfined(); RunCursor c = run.open()) {
            MemorySegment colSeg = w.map(cols + 4 * base, 4 * entries, arena);
            MemorySegment unitSeg = w.map(units + 8 * base, 8 * entries, arena);
            yuelao.storage.format.WriteFaults.check(yuelao.storage.format.WriteFaults.Site.STORE_SCATTER, w.tempFile());
            while (c.next()) {
                int a = PairKey.first(c.key());
                if (a >= hi) {
                    break;
                }
                int b = PairKey.second(c.key());
                if (a >= lo) {
                    long k = cursor[a]++ - base;
                    colSeg.setAtIndex(Layouts.INT, k, b);
                    unitSeg.setAtIndex(Layouts.LONG, k, c.units());
                }
                if (a != b && b >= lo && b < hi) {
                    long k = cursor[b]++ - base;
                    colSeg.setAtIndex(Layouts.INT, k, a);
                    unitSeg.setAtIndex(Layouts.LONG, k, c.units());
                }
            }
            colSeg.force(); // write the dirty pages back before the unmap, so they leave memory clean
            unitSeg.force();
        } catch (InternalError e) {
            // a mapped write that failed (a full disk, or the file truncated under us) arrives as this, not an IOException
            throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device? writing the mapped store failed ("
                    + e.getMessage() + ")");
        }
    }

    /** Number of scatter passes of the last commit (for tests). */
    int scatterPasses() {
        return scatterPasses;
    }

    /** Abandons the store if not committed: deletes the temporary run. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            upper.close();
            Files.deleteIfExists(upperFile);
        }
    }
}
