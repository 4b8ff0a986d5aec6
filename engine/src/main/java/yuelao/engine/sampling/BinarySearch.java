package yuelao.engine.sampling;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.LongToIntFunction;

/**
 * The binary searches of the trainers, over non-decreasing arrays: cumulative weight tables (which interval holds a
 * uniform draw), a CSR row's running sums (which entry a draw falls on) and a row's sorted columns. Every method
 * needs its range sorted in non-decreasing order (it does not check) and returns the one index that the contract
 * defines, so the result does not depend on how the search proceeds. O(log n), no allocation.
 */
public final class BinarySearch {
    private BinarySearch() {}

    /** The first k in [from, to) with c[k] &gt; m, or {@code to} if there is none (C++'s upper_bound). */
    public static int upperBound(double[] c, int from, int to, double m) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] <= m) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@link #upperBound(double[], int, int, double)} over a float array, compared in float. */
    public static int upperBound(float[] c, int from, int to, float m) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] <= m) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@link #upperBound(double[], int, int, double)} over a long array. */
    public static int upperBound(long[] c, int from, int to, long m) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] <= m) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link #upperBound(double[], int, int, double)} over the doubles of an off-heap segment (element k at byte 8k),
     * long-indexed: tables indexed by a store's CSR entries, which may exceed 2^31.
     */
    public static long upperBound(MemorySegment c, long from, long to, double m) {
        long lo = from;
        long hi = to;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (c.getAtIndex(ValueLayout.JAVA_DOUBLE, mid) <= m) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The interval of a cumulative table that holds m: for c[0] &lt;= m &lt; c[c.length - 1], the r in
     * [0, c.length - 2] with c[r] &lt;= m &lt; c[r + 1], which is never an empty interval; for m at or beyond the
     * last value (a draw rounded up), the last non-empty interval (0 if all are empty); for m &lt; c[0], 0.
     *
     * @param c cumulative weights, c.length &gt;= 2: interval r is [c[r], c[r + 1])
     */
    public static int interval(double[] c, double m) {
        int r = upperBound(c, 1, c.length - 1, m) - 1;
        while (r > 0 && c[r + 1] == c[r]) {
            r--;
        }
        return r;
    }

    /** {@link #interval(double[], double)} over a long array (cumulative record counts). */
    public static int interval(long[] c, long m) {
        int r = upperBound(c, 1, c.length - 1, m) - 1;
        while (r > 0 && c[r + 1] == c[r]) {
            r--;
        }
        return r;
    }

    /**
     * The first k in [from, to) with key(k) &gt;= value, or {@code to} if there is none (C++'s lower_bound), for keys
     * read through an accessor (a count store's columns). Not for hot paths: the accessor is a call per probe.
     */
    public static long lowerBound(long from, long to, LongToIntFunction key, int value) {
        long lo = from;
        long hi = to;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (key.applyAsInt(mid) < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
