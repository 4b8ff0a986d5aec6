package yuelao.spark;

import org.apache.spark.Partitioner;
import yuelao.core.Vocabulary;

/**
 * The reducers' share of the count matrix: reducer r merges the pairs (a, b), a <= b, whose first id a lies in rows
 * {@code [first[r], first[r + 1])}. Ranges are consecutive, so the reducers' merged runs, in reducer order, are the
 * whole sorted stream the store writer takes. The key of a shuffle record is its reducer (block) index.
 *
 * <p>Rows hold very different numbers of pairs (frequent words have many partners, mostly rarer than themselves), so
 * the ranges are cut at equal shares of an estimate of each row's upper-triangle pairs: row a has at most
 * {@code 2 W n_a} partners, at most {@code V - a - 1} of them after it, and a partner is after it with about the
 * probability {@code 1 - F(a)}, F being the corpus share of the words before a. Only the balance depends on it, never
 * the store.
 */
final class RowBlocks extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final int[] first;

    private RowBlocks(int[] first) {
        this.first = first;
    }

    /** At most {@code blocks} ranges (fewer for a tiny vocabulary) over the rows of {@code v}, for window {@code window}. */
    static RowBlocks of(Vocabulary v, int window, int blocks) {
        int rows = v.size();
        int n = Math.max(1, Math.min(blocks, rows));
        double total = v.totalCount();
        double[] estimate = new double[rows];
        double before = 0;
        double sum = 0;
        for (int a = 0; a < rows; a++) {
            double after = 1 - before / total;
            estimate[a] = 1 + Math.min(rows - a - 1, 2.0 * window * v.count(a) * after);
            before += v.count(a);
            sum += estimate[a];
        }
        int[] first = new int[n + 1];
        first[n] = rows;
        double acc = 0;
        int r = 1;
        for (int a = 0; a < rows && r < n; a++) {
            acc += estimate[a];
            while (r < n && acc >= sum * r / n) {
                first[r++] = a + 1;
            }
        }
        for (int i = 1; i < n; i++) { // keep every range non-empty
            first[i] = Math.max(first[i], first[i - 1] + 1);
        }
        for (int i = n - 1; i >= 1; i--) {
            first[i] = Math.min(first[i], first[i + 1] - 1);
        }
        return new RowBlocks(first);
    }

    /** First row of block {@code b}; {@code firstRow(numPartitions())} is the vocabulary size. */
    int firstRow(int b) {
        return first[b];
    }

    @Override
    public int numPartitions() {
        return first.length - 1;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowBlocks r && java.util.Arrays.equals(first, r.first);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(first);
    }
}
