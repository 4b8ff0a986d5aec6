package yuelao.engine.sampling;

import java.util.SplittableRandom;

/**
 * Draws an id from a range [first, first + size) with probability proportional to its weight, by a binary search
 * over the cumulative weights: O(log size) per draw where {@link AliasTable} takes O(1), but the table of a range is
 * just its running sums, so a trainer can keep one per vocabulary block and draw only inside the block (the
 * conflict-free tasks of a deterministic schedule) or ask where a draw fell inside its interval. Immutable,
 * thread-safe; draws allocate nothing.
 *
 * <p>The sums are added in id order, c[0] = 0 and c[r + 1] = c[r] + w[first + r], so a table is a fixed function of
 * its weights.
 */
public final class CumulativeTable {
    private final double[] cumulative;
    private final int first;

    private CumulativeTable(double[] cumulative, int first) {
        this.cumulative = cumulative;
        this.first = first;
    }

    /**
     * The table of ids [from, to) with weights {@code weights[from..to)} (non-negative; zero weights are never drawn
     * while some weight is positive).
     *
     * @throws IllegalArgumentException if the range is not inside the array
     */
    public static CumulativeTable of(double[] weights, int from, int to) {
        if (from < 0 || to < from || to > weights.length) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not inside " + weights.length + " weights");
        }
        double[] c = new double[to - from + 1];
        for (int i = from; i < to; i++) {
            c[i - from + 1] = c[i - from] + weights[i];
        }
        return new CumulativeTable(c, from);
    }

    /** The number of ids in the table. */
    public int size() {
        return cumulative.length - 1;
    }

    /** The first id: draws return ids in [first(), first() + size()). */
    public int first() {
        return first;
    }

    /** The sum of the weights. */
    public double total() {
        return cumulative[cumulative.length - 1];
    }

    /** The sum of the weights of the first r entries (r in [0, size()]). */
    public double before(int r) {
        return cumulative[r];
    }

    /**
     * The entry r (0-based, not the id) whose interval [before(r), before(r + 1)) holds m, for m in [0, total());
     * {@link BinarySearch#interval} says what m outside that range gives. Needs size() &gt;= 1.
     */
    public int index(double m) {
        return BinarySearch.interval(cumulative, m);
    }

    /** One id, drawn with probability weight / total() by one {@code nextDouble()} of the stream. Needs size() &gt;= 1. */
    public int draw(SplittableRandom rnd) {
        return first + index(rnd.nextDouble() * total());
    }
}
