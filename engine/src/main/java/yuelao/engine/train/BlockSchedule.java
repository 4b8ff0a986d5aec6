package yuelao.engine.train;

import java.util.ArrayList;
import java.util.List;
import yuelao.engine.sampling.BinarySearch;
import yuelao.storage.counts.CountStore;

/**
 * The conflict-free strata of deterministic parallel training (DSGD, as Swivel's k x k blocks, for a
 * symmetric model): the vocabulary is cut into B contiguous id blocks of about equal non-zeros; a task is a
 * block pair {a, b} and updates only the vectors of blocks a and b; a round is a set of tasks with no block in
 * common (the rounds of a round-robin tournament, plus one round of the diagonal pairs {a, a}). Tasks of a
 * round run in parallel on disjoint vectors, each in a fixed order, so the result is the same for any number
 * of threads.
 *
 * <p>A task's records are the CSR entries (i, j) with i in a and j in b, and (if a != b) i in b and j in a:
 * both orders of every unordered pair, as the seed's objective visits them.
 */
public final class BlockSchedule {
    /** Vocabulary blocks of the trainers' schedule: fixed, so the result never depends on the thread count. */
    public static final int BLOCKS = 16;

    private final int blocks;
    private final int[] blockStart;
    private final List<int[][]> rounds = new ArrayList<>();
    private final Task[][] tasks;

    /** One block pair's records: rows, the start of each row's sub-range, and cumulative record counts. */
    public static final class Task {
        final int a;
        final int b;
        final int[] rows;
        final long[] start;
        final long[] cumulative; // cumulative[r] = records before rows[r]; last = total

        Task(int a, int b, int[] rows, long[] start, long[] cumulative) {
            this.a = a;
            this.b = b;
            this.rows = rows;
            this.start = start;
            this.cumulative = cumulative;
        }

        public long records() {
            return cumulative[rows.length];
        }

        /** Row index of record t in [0, records()): the row whose records hold it. */
        int rowIndex(long t) {
            return BinarySearch.interval(cumulative, t);
        }
    }

    public BlockSchedule(CountStore store, int blocks) {
        int n = store.vocabSize();
        this.blocks = Math.max(1, Math.min(blocks, n));
        this.blockStart = new int[this.blocks + 1];
        long total = store.nonZeros();
        int row = 0;
        for (int b = 1; b < this.blocks; b++) {
            long target = total * b / this.blocks;
            while (row < n && store.rowStart(row) < target) {
                row++;
            }
            blockStart[b] = row; // non-decreasing; a block may be empty on a tiny vocabulary
        }
        blockStart[this.blocks] = n;
        tasks = new Task[this.blocks][this.blocks];
        for (int a = 0; a < this.blocks; a++) {
            for (int b = a; b < this.blocks; b++) {
                tasks[a][b] = buildTask(store, a, b);
            }
        }
        // Round-robin tournament (circle method) over B blocks (a dummy when B is odd), then the diagonal.
        int m = this.blocks % 2 == 0 ? this.blocks : this.blocks + 1;
        int[] circle = new int[m];
        for (int i = 0; i < m; i++) {
            circle[i] = i;
        }
        for (int r = 0; r < m - 1; r++) {
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < m / 2; i++) {
                int x = circle[i];
                int y = circle[m - 1 - i];
                if (x < this.blocks && y < this.blocks) {
                    pairs.add(new int[] {Math.min(x, y), Math.max(x, y)});
                }
            }
            rounds.add(pairs.toArray(new int[0][]));
            int last = circle[m - 1];
            System.arraycopy(circle, 1, circle, 2, m - 2);
            circle[1] = last;
        }
        int[][] diagonal = new int[this.blocks][];
        for (int b = 0; b < this.blocks; b++) {
            diagonal[b] = new int[] {b, b};
        }
        rounds.add(diagonal);
    }

    private Task buildTask(CountStore store, int a, int b) {
        int[][] sides = a == b ? new int[][] {{a, a}} : new int[][] {{a, b}, {b, a}};
        int count = 0;
        for (int[] s : sides) {
            count += blockStart[s[0] + 1] - blockStart[s[0]];
        }
        int[] rows = new int[count];
        long[] start = new long[count];
        long[] cum = new long[count + 1];
        int r = 0;
        for (int[] s : sides) {
            int colLo = blockStart[s[1]];
            int colHi = blockStart[s[1] + 1];
            for (int i = blockStart[s[0]]; i < blockStart[s[0] + 1]; i++) {
                long lo = lowerBound(store, i, colLo);
                long hi = lowerBound(store, i, colHi);
                rows[r] = i;
                start[r] = lo;
                cum[r + 1] = cum[r] + (hi - lo);
                r++;
            }
        }
        return new Task(a, b, rows, start, cum);
    }

    /** First entry of row i whose column is >= c (the row's end if none). */
    private static long lowerBound(CountStore store, int i, int c) {
        return BinarySearch.lowerBound(store.rowStart(i), store.rowEnd(i), store::column, c);
    }

    /** First id of block b (b = blocks() gives the vocabulary size). */
    public int blockStart(int b) {
        return blockStart[b];
    }

    public int blocks() {
        return blocks;
    }

    public List<int[][]> rounds() {
        return rounds;
    }

    public Task task(int a, int b) {
        return tasks[Math.min(a, b)][Math.max(a, b)];
    }
}
