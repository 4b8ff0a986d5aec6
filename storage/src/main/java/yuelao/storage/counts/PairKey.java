package yuelao.storage.counts;

/**
 * An unordered pair of word ids packed into one long: {@code ((long) a << 32) | b} with {@code 0 <= a <= b}.
 *
 * <p>Because both ids are non-negative, comparing packed keys as signed longs is the (a, b) lexicographic
 * order, which is the order of runs, merges and CSR rows.
 */
public final class PairKey {
    private PairKey() {}

    /** Packs {@code a <= b}, both non-negative. */
    public static long of(int a, int b) {
        if (a < 0 || a > b) {
            throw new IllegalArgumentException("need 0 <= a <= b: " + a + ", " + b);
        }
        return ((long) a << 32) | b;
    }

    /** Packs the pair in canonical order (smaller id first); both ids non-negative. */
    public static long unordered(int x, int y) {
        return x <= y ? of(x, y) : of(y, x);
    }

    /** The smaller id. */
    public static int first(long key) {
        return (int) (key >>> 32);
    }

    /** The larger id. */
    public static int second(long key) {
        return (int) key;
    }
}
