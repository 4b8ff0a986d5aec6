package yuelao.server;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies in logarithmic buckets, eight per doubling (each about 9% wide), from 1 microsecond to about 2 minutes;
 * longer ones go to the last bucket. Lock-free and allocation-free per record; quantiles are the upper bound of the
 * bucket that holds them, so they are at most 9% above the true value.
 */
final class LatencyHistogram {
    private static final int PER_OCTAVE = 8;
    private static final int BUCKETS = 27 * PER_OCTAVE;
    private static final double MIN_NANOS = 1_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder totalNanos = new LongAdder();
    private final LongAdder count = new LongAdder();

    void record(long nanos) {
        int b = nanos <= MIN_NANOS ? 0 : (int) Math.min(BUCKETS - 1, Math.ceil(PER_OCTAVE * Math.log(nanos / MIN_NANOS) / Math.log(2)));
        counts.incrementAndGet(b);
        totalNanos.add(nanos);
        count.increment();
    }

    long count() {
        return count.sum();
    }

    double sumSeconds() {
        return totalNanos.sum() / 1e9;
    }

    /** The q-quantile in seconds (0 when empty). */
    double quantileSeconds(double q) {
        long n = 0;
        long[] snap = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snap[i] = counts.get(i);
            n += snap[i];
        }
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snap[i];
            if (seen >= rank) {
                return upperNanos(i) / 1e9;
            }
        }
        return upperNanos(BUCKETS - 1) / 1e9;
    }

    private static double upperNanos(int bucket) {
        return MIN_NANOS * Math.pow(2, (double) bucket / PER_OCTAVE);
    }
}
