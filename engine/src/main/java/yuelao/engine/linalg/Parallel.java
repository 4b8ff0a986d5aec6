package yuelao.engine.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a task over [0, n) split into contiguous chunks, one per thread; results do not depend on the split. */
public final class Parallel {
    private Parallel() {}

    /** A chunk of work: rows [from, to) done by worker t. */
    @FunctionalInterface
    public interface Chunk {
        void run(int t, int from, int to);
    }

    /** Chunk boundaries splitting [0, n) into {@code parts} pieces of about equal weight (prefix sums). */
    public static int[] balanced(long[] cumulativeWeight, int n, int parts) {
        int[] b = new int[parts + 1];
        long total = cumulativeWeight[n];
        int row = 0;
        for (int p = 1; p < parts; p++) {
            long target = total * p / parts;
            while (row < n && cumulativeWeight[row] < target) {
                row++;
            }
            b[p] = Math.max(row, b[p - 1]);
        }
        b[parts] = n;
        return b;
    }

    public static void run(int threads, int[] bounds, Chunk chunk) {
        int parts = bounds.length - 1;
        if (threads <= 1 || parts == 1) {
            for (int p = 0; p < parts; p++) {
                chunk.run(p, bounds[p], bounds[p + 1]);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts), r -> {
            Thread t = new Thread(r, "yuelao-linalg");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                final int pp = p;
                fs.add(pool.submit(() -> chunk.run(pp, bounds[pp], bounds[pp + 1])));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The task's own failure (unchecked exceptions and errors as they were thrown), for {@code throw rethrow(e)}. */
    public static RuntimeException rethrow(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            throw r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getCause());
    }

    /** Even chunks of [0, n). */
    public static int[] even(int n, int parts) {
        int[] b = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            b[p] = (int) ((long) n * p / parts);
        }
        return b;
    }
}
