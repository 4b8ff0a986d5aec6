package yuelao.engine.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import yuelao.engine.linalg.VectorOps;

/**
 * Exact brute-force top-k kernels over a {@link RowTable}, for one query or a batch.
 *
 * <p>Rows [0, limit) are split into contiguous ranges, one per thread; each thread keeps one bounded
 * {@link TopK} per query and walks its range in tiles of {@value #ROW_TILE} rows, scoring two rows against four queries per
 * pass ({@link VectorOps#dot2x4}; a single query: four rows per pass, {@link VectorOps#dot4rows}), so a tile stays in cache while every query visits it. The
 * per-thread heaps are merged at the end; {@link TopK}'s total order (score, then lower id) makes the result
 * independent of the split. Excluded ids are checked only for a candidate that would enter its heap. Nothing
 * is allocated per row.
 */
final class Scan {
    private Scan() {}

    static final int ROW_TILE = 256;
    /** Below this many floats of work a single query runs on the calling thread. */
    private static final long PARALLEL_MIN_FLOATS = 1L << 21;

    private static volatile ExecutorService pool;

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (Scan.class) {
                p = pool;
                if (p == null) {
                    p = Executors.newFixedThreadPool(Math.max(1, defaultThreads()), r -> {
                        Thread t = new Thread(r, "yuelao-query");
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    /** How a row is scored against query j of a batch. */
    enum Kind {
        /** score = &lt;row, q_j&gt;; queries are packed one per stride. */
        DOT,
        /**
         * 3CosMul (Levy and Goldberg 2014, docs/method.md section 4): queries are packed as three unit vectors
         * (a, b, c) per question, rows are unit vectors, cos' = (cos + 1) / 2 and score =
         * cos'(w, b) cos'(w, c) / (cos'(w, a) + 0.001).
         */
        COSMUL
    }

    static final double COSMUL_EPSILON = 0.001;

    /**
     * The top k of rows [0, limit) for each of nq queries.
     *
     * @param queries packed padded queries: DOT nq * stride floats, COSMUL nq * 3 * stride (a, b, c)
     * @param exclude nq * perQuery ids never returned for that query (-1 = unused slot)
     */
    static TopK[] top(RowTable t, Kind kind, float[] queries, int nq, int limit, int requested, int[] exclude, int perQuery,
            int threads) {
        int k = Math.min(requested, limit); // no more answers than candidates: a huge k must not allocate huge heaps
        long work = (long) limit * t.stride() * nq * (kind == Kind.COSMUL ? 3 : 1);
        int parts = Math.max(1, Math.min(threads, (int) Math.min(Integer.MAX_VALUE, work / PARALLEL_MIN_FLOATS)));
        parts = Math.min(parts, Math.max(1, limit / ROW_TILE));
        TopK[][] partial = new TopK[parts][];
        if (parts == 1) {
            partial[0] = range(t, kind, queries, nq, 0, limit, k, exclude, perQuery);
        } else {
            List<Callable<TopK[]>> tasks = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) limit * p / parts);
                int to = (int) ((long) limit * (p + 1) / parts);
                tasks.add(() -> range(t, kind, queries, nq, from, to, k, exclude, perQuery));
            }
            try {
                List<Future<TopK[]>> fs = pool().invokeAll(tasks);
                for (int p = 0; p < parts; p++) {
                    partial[p] = fs.get(p).get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw yuelao.engine.linalg.Parallel.rethrow(e);
            }
        }
        TopK[] out = partial[0];
        for (int p = 1; p < parts; p++) {
            for (int q = 0; q < nq; q++) {
                out[q].addAll(partial[p][q]);
            }
        }
        return out;
    }

    private static TopK[] range(RowTable t, Kind kind, float[] queries, int nq, int from, int to, int k, int[] exclude,
            int perQuery) {
        TopK[] heaps = new TopK[nq];
        for (int q = 0; q < nq; q++) {
            heaps[q] = new TopK(k);
        }
        if (kind == Kind.DOT) {
            dotRange(t, queries, nq, from, to, heaps, exclude, perQuery);
        } else {
            cosmulRange(t, queries, nq, from, to, heaps, exclude, perQuery);
        }
        return heaps;
    }

    private static void dotRange(RowTable t, float[] qs, int nq, int from, int to, TopK[] heaps, int[] ex, int e) {
        int s = t.stride();
        float[] out = new float[8];
        for (int rb = from; rb < to; rb += ROW_TILE) {
            int re = Math.min(to, rb + ROW_TILE);
            int q = 0;
            for (; q + 4 <= nq; q += 4) {
                TopK h0 = heaps[q];
                TopK h1 = heaps[q + 1];
                TopK h2 = heaps[q + 2];
                TopK h3 = heaps[q + 3];
                int r = rb;
                for (; r + 2 <= re; r += 2) {
                    VectorOps.dot2x4(t.chunk(r), t.offset(r), t.chunk(r + 1), t.offset(r + 1), qs, q * s, (q + 1) * s,
                            (q + 2) * s, (q + 3) * s, s, out);
                    offer(h0, r, out[0], ex, q * e, e);
                    offer(h1, r, out[1], ex, (q + 1) * e, e);
                    offer(h2, r, out[2], ex, (q + 2) * e, e);
                    offer(h3, r, out[3], ex, (q + 3) * e, e);
                    offer(h0, r + 1, out[4], ex, q * e, e);
                    offer(h1, r + 1, out[5], ex, (q + 1) * e, e);
                    offer(h2, r + 1, out[6], ex, (q + 2) * e, e);
                    offer(h3, r + 1, out[7], ex, (q + 3) * e, e);
                }
                for (; r < re; r++) {
                    VectorOps.dot4(t.chunk(r), t.offset(r), qs, q * s, (q + 1) * s, (q + 2) * s, (q + 3) * s, s, out);
                    offer(h0, r, out[0], ex, q * e, e);
                    offer(h1, r, out[1], ex, (q + 1) * e, e);
                    offer(h2, r, out[2], ex, (q + 2) * e, e);
                    offer(h3, r, out[3], ex, (q + 3) * e, e);
                }
            }
            for (; q < nq; q++) {
                TopK h = heaps[q];
                int r = rb;
                for (; r + 4 <= re; r += 4) {
                    VectorOps.dot4rows(t.chunk(r), t.offset(r), t.chunk(r + 1), t.offset(r + 1), t.chunk(r + 2), t.offset(r + 2),
                            t.chunk(r + 3), t.offset(r + 3), qs, q * s, s, out);
                    offer(h, r, out[0], ex, q * e, e);
                    offer(h, r + 1, out[1], ex, q * e, e);
                    offer(h, r + 2, out[2], ex, q * e, e);
                    offer(h, r + 3, out[3], ex, q * e, e);
                }
                for (; r < re; r++) {
                    offer(h, r, VectorOps.dot(t.chunk(r), t.offset(r), qs, q * s, s), ex, q * e, e);
                }
            }
        }
    }

    private static void cosmulRange(RowTable t, float[] qs, int nq, int from, int to, TopK[] heaps, int[] ex, int e) {
        int s = t.stride();
        float[] ca = new float[4];
        float[] cb = new float[4];
        float[] cc = new float[4];
        for (int rb = from; rb < to; rb += ROW_TILE) {
            int re = Math.min(to, rb + ROW_TILE);
            for (int q = 0; q < nq; q += 4) {
                // Four questions per pass (the last group may repeat its last question; repeats are not offered):
                // three dot4 calls give cos(w, a_j), cos(w, b_j), cos(w, c_j) for j < 4.
                int g = Math.min(4, nq - q);
                int a0 = 3 * q * s;
                int a1 = 3 * (q + Math.min(1, g - 1)) * s;
                int a2 = 3 * (q + Math.min(2, g - 1)) * s;
                int a3 = 3 * (q + Math.min(3, g - 1)) * s;
                for (int r = rb; r < re; r++) {
                    float[] c = t.chunk(r);
                    int o = t.offset(r);
                    VectorOps.dot4(c, o, qs, a0, a1, a2, a3, s, ca);
                    VectorOps.dot4(c, o, qs, a0 + s, a1 + s, a2 + s, a3 + s, s, cb);
                    VectorOps.dot4(c, o, qs, a0 + 2 * s, a1 + 2 * s, a2 + 2 * s, a3 + 2 * s, s, cc);
                    for (int j = 0; j < g; j++) {
                        offer(heaps[q + j], r, cosmul(ca[j], cb[j], cc[j]), ex, (q + j) * e, e);
                    }
                }
            }
        }
    }

    /** cos'(w,b) cos'(w,c) / (cos'(w,a) + 0.001), cos' = (cos + 1) / 2. */
    private static float cosmul(float ca, float cb, float cc) {
        return (float) (((cb + 1.0) * 0.5) * ((cc + 1.0) * 0.5) / ((ca + 1.0) * 0.5 + COSMUL_EPSILON));
    }

    private static void offer(TopK h, int r, float score, int[] ex, int eo, int e) {
        if (h.accepts(r, score)) {
            for (int j = 0; j < e; j++) {
                if (ex[eo + j] == r) {
                    return;
                }
            }
            h.offer(r, score);
        }
    }
}
