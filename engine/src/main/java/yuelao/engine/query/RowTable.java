package yuelao.engine.query;

import yuelao.engine.linalg.VectorOps;

/**
 * An immutable table of {@code rows} float vectors of dimension {@code dim}, stored row-major in heap chunks.
 *
 * <p>Each row is padded with zeros to {@link #stride()} floats (a multiple of 4). A chunk holds whole rows and at most
 * {@code chunkFloats} floats, so the table has no 2^31-element ceiling: row i lives in chunk
 * {@code i / rowsPerChunk} at offset {@code (i % rowsPerChunk) * stride} (long arithmetic never needed
 * inside a chunk). Callers never mutate the arrays they obtain from {@link #chunk}.
 */
final class RowTable {
    /** Default chunk size: 2^27 floats (512 MiB). */
    static final int DEFAULT_CHUNK_FLOATS = 1 << 27;

    private final int rows;
    private final int dim;
    private final int stride;
    private final int rowsPerChunk;
    private final float[][] chunks;

    private RowTable(int rows, int dim, int stride, int rowsPerChunk, float[][] chunks) {
        this.rows = rows;
        this.dim = dim;
        this.stride = stride;
        this.rowsPerChunk = rowsPerChunk;
        this.chunks = chunks;
    }

    /** A zero table, to be filled by {@link #set} before it is shared (construction only). */
    static RowTable allocate(int rows, int dim, int chunkFloats) {
        if (rows < 0 || dim <= 0) {
            throw new IllegalArgumentException(rows + " rows of dimension " + dim);
        }
        int stride = paddedStride(dim);
        int rowsPerChunk = Math.max(1, chunkFloats / stride);
        int n = rows == 0 ? 0 : (rows - 1) / rowsPerChunk + 1;
        float[][] chunks = new float[n][];
        for (int c = 0; c < n; c++) {
            int r = Math.min(rowsPerChunk, rows - c * rowsPerChunk);
            chunks[c] = new float[r * stride];
        }
        return new RowTable(rows, dim, stride, rowsPerChunk, chunks);
    }

    /**
     * dim rounded up to a multiple of 4 (16-byte rows). Not to the full lane count: a single-query scan is
     * bound by memory bandwidth, so padding dim 100 to 112 (16 lanes) costs 12% more bytes than the scalar
     * tail of four it saves.
     */
    static int paddedStride(int dim) {
        return (dim + 3) / 4 * 4;
    }

    int rows() {
        return rows;
    }

    int dim() {
        return dim;
    }

    int stride() {
        return stride;
    }

    int rowsPerChunk() {
        return rowsPerChunk;
    }

    float[] chunk(int row) {
        return chunks[row / rowsPerChunk];
    }

    int offset(int row) {
        return (row % rowsPerChunk) * stride;
    }

    float get(int row, int k) {
        return chunks[row / rowsPerChunk][(row % rowsPerChunk) * stride + k];
    }

    /** Construction only: element (row, k). */
    void set(int row, int k, float value) {
        chunks[row / rowsPerChunk][(row % rowsPerChunk) * stride + k] = value;
    }

    /** Copies row {@code row} (dim floats) into {@code out} at {@code off}. */
    void copyRow(int row, float[] out, int off) {
        System.arraycopy(chunk(row), offset(row), out, off, dim);
    }

    /** <row, q> where q is a padded query of {@link #stride()} floats. */
    float dot(int row, float[] q) {
        return VectorOps.dot(chunk(row), offset(row), q, 0, stride);
    }

    /** A padded query buffer (zeros beyond dim). */
    float[] newQuery() {
        return new float[stride];
    }
}
