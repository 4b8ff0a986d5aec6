package yuelao.storage.counts;

import java.io.Closeable;
import java.io.IOException;
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
import yuelao.tokenizer.vocab.Vocabulary;

/**
 * Writes {@code counts.bin} (layout: {@link CountStore}) from the merged stream of unordered pairs: strictly
 * increasing keys {@code (a <= b)}, positive units.
 *
 * <p>Two passes, so memory is O(V), never O(nnz): pass 1 ({@link #accept}) copies the stream to a temporary
 * run file and counts each row's degree ((a, b) adds to rows a and b, (a, a) once to row a); the prefix sums
 * of the degrees are the row offsets. Pass 2 ({@link #commit}) re-reads the run and scatters each pair into
 * row a and row b through a READ_WRITE mapping with one write cursor per row. Row r receives (i, r) for i < r
 * in increasing i, then (r, r), then (r, j) for j > r in increasing j (stream order), so every row comes out
 * sorted by column with no sort. The whole file is then checksummed and renamed into place atomically; the
 * temporary run is deleted in every case.
 */
public final class CountStoreWriter implements PairSink, Closeable {
    private final Path file;
    private final Vocabulary vocabulary;
    private final long scale;
    private final Map<String, String> properties;
    private final int vocabSize;
    private final int[] degree;
    private final Path upperFile;
    private final SpillRunWriter upper;
    private long previousKey = -1;
    private long offDiagonalUnits;
    private long diagonalUnits;
    private boolean done;

    private CountStoreWriter(Path file, Vocabulary vocabulary, long scale, Map<String, String> properties, Path tempDir)
            throws IOException {
        for (String k : CountStore.WRITER_PROPERTIES) {
            if (properties.containsKey(k)) {
                throw new IllegalArgumentException("property '" + k + "' is set by the writer");
            }
        }
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
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
        return new CountStoreWriter(file, vocabulary, scale, properties, tempDir);
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
            props.put(CountStore.PROP_SCALE, Long.toString(scale));
            // X counts every unordered event twice (x_ij and x_ji), METHOD.md section 1.
            props.put(CountStore.PROP_X_UNITS, Long.toString(Math.multiplyExact(2, offDiagonalUnits)));
            props.put(CountStore.PROP_DIAGONAL_UNITS, Long.toString(diagonalUnits));
            props.put(CountStore.PROP_N, Long.toString(vocabulary.totalCount()));
            FileHeader header = new FileHeader(CountStore.FORMAT, CountStore.VERSION, vocabulary.fingerprint(),
                    new long[] {vocabSize, nnz}, props);
            try (BinaryFileWriter w = BinaryFileWriter.create(file, header)) {
                w.putLongs(offsets, 0, offsets.length);
                MemorySegment cols = w.reserve(Layouts.align8(4 * nnz));
                MemorySegment units = w.reserve(8 * nnz);
                scatter(run, offsets, cols, units);
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

    /** Fills the CSR rows; {@code offsets} is consumed as the per-row write cursors. */
    private void scatter(SpillRun run, long[] offsets, MemorySegment cols, MemorySegment units) throws IOException {
        long[] cursor = offsets; // offsets[0..V) were written already; reuse the array as cursors
        try (RunCursor c = run.open()) {
            while (c.next()) {
                int a = PairKey.first(c.key());
                int b = PairKey.second(c.key());
                long u = c.units();
                long k = cursor[a]++;
                cols.setAtIndex(Layouts.INT, k, b);
                units.setAtIndex(Layouts.LONG, k, u);
                if (a != b) {
                    k = cursor[b]++;
                    cols.setAtIndex(Layouts.INT, k, a);
                    units.setAtIndex(Layouts.LONG, k, u);
                }
            }
        }
        long end = 0;
        for (int i = 0; i < vocabSize; i++) {
            end += degree[i];
            if (cursor[i] != end) {
                throw new IllegalStateException("row " + i + " was filled to " + cursor[i] + ", expected " + end);
            }
        }
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
