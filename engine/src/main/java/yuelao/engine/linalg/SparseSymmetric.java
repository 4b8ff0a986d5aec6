package yuelao.engine.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import yuelao.storage.counts.CountStore;

/**
 * A symmetric sparse matrix over a count store's CSR structure (row offsets and columns stay memory-mapped
 * in the store) with its own float values, off-heap and long-indexed: no 2^31 ceiling on non-zeros.
 * {@link #multiply} computes Y = M X for a row-major block X (V x b) on several threads; every row of Y is
 * computed by one thread in a fixed order, so the result does not depend on the thread count.
 */
public final class SparseSymmetric implements AutoCloseable {
    /** Fixed work split (independent of the thread count, so sums are deterministic). */
    public static final int CHUNKS = 64;

    private final CountStore structure;
    private final int n;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment values;
    private final int[] chunkBounds;

    /** Values computed per entry: (row, column, count) to M_ij (0 drops nothing, it is just a zero). */
    @FunctionalInterface
    public interface EntryFunction {
        float value(int i, int j, double count);
    }

    public SparseSymmetric(CountStore store, EntryFunction f) {
        this.structure = store;
        this.n = store.vocabSize();
        long nnz = store.nonZeros();
        this.values = arena.allocate(Math.max(4, nnz * 4), 8);
        double scale = store.scale();
        for (int i = 0; i < n; i++) {
            for (long k = store.rowStart(i); k < store.rowEnd(i); k++) {
                values.setAtIndex(ValueLayout.JAVA_FLOAT, k, f.value(i, store.column(k), store.units(k) / scale));
            }
        }
        long[] cumulative = new long[n + 1];
        for (int i = 0; i < n; i++) {
            cumulative[i + 1] = store.rowEnd(i) + (i + 1); // entries plus one per row: empty rows still cost
        }
        this.chunkBounds = Parallel.balanced(cumulative, n, Math.min(CHUNKS, Math.max(1, n)));
    }

    public int size() {
        return n;
    }

    public float value(long k) {
        return values.getAtIndex(ValueLayout.JAVA_FLOAT, k);
    }

    public CountStore structure() {
        return structure;
    }

    /** The fixed row chunks used by {@link #multiply}. */
    public int[] chunks() {
        return chunkBounds;
    }

    /** Y = M X; X and Y are n x b row-major. */
    public void multiply(double[] x, double[] y, int b, int threads) {
        Parallel.run(threads, chunkBounds, (t, from, to) -> {
            for (int i = from; i < to; i++) {
                int yo = i * b;
                java.util.Arrays.fill(y, yo, yo + b, 0.0);
                for (long k = structure.rowStart(i), end = structure.rowEnd(i); k < end; k++) {
                    float m = values.getAtIndex(ValueLayout.JAVA_FLOAT, k);
                    if (m != 0) {
                        VectorOps.axpy(m, x, structure.column(k) * b, y, yo, b);
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        arena.close();
    }
}
