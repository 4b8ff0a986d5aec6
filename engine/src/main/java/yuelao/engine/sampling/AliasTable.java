package yuelao.engine.sampling;

import java.util.SplittableRandom;

/**
 * Draws an index i in [0, n) with probability w_i / sum w in O(1): Walker's alias method with Vose's stable
 * construction. Column k of the table is chosen uniformly, kept with probability keep[k] and otherwise replaced by
 * alias[k]; the construction makes the two add up to w_i / sum w for every i, up to the float rounding of keep
 * (relative error about 1e-7). A zero weight is never drawn while some weight is positive; all weights zero (or
 * none positive) gives the uniform distribution. Immutable, thread-safe; draws allocate nothing.
 */
public final class AliasTable {
    private final float[] keep;
    private final int[] alias;
    private final double total;

    private AliasTable(float[] keep, int[] alias, double total) {
        this.keep = keep;
        this.alias = alias;
        this.total = total;
    }

    /**
     * The table of the given non-negative weights (copied; summed in index order).
     *
     * @throws IllegalArgumentException if there are no weights
     */
    public static AliasTable of(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("an alias table needs at least one weight");
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        float[] keep = new float[n];
        int[] alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = total > 0 ? weights[i] * n / total : 1;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            keep[s] = (float) scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            keep[l] = 1f;
            alias[l] = l;
        }
        while (ns > 0) { // only rounding leaves these (their scaled weights are 1 up to rounding)
            int s = small[--ns];
            keep[s] = 1f;
            alias[s] = s;
        }
        return new AliasTable(keep, alias, total);
    }

    /** The number of indices n. */
    public int size() {
        return alias.length;
    }

    /** The sum of the weights, added in index order. */
    public double total() {
        return total;
    }

    /** One index: column k = {@code nextInt(n)}, then k if {@code nextFloat() < keep[k]}, else alias[k]. */
    public int draw(SplittableRandom rnd) {
        int k = rnd.nextInt(alias.length);
        return rnd.nextFloat() < keep[k] ? k : alias[k];
    }

    /**
     * The exact probability that {@link #draw} returns i under the table as built (keep and alias as stored, a
     * uniform column): what a test compares with w_i / sum w. O(n).
     */
    public double probability(int i) {
        int n = alias.length;
        double p = 0;
        for (int k = 0; k < n; k++) {
            if (k == i) {
                p += keep[k] / (double) n;
            }
            if (alias[k] == i) {
                p += (1 - keep[k]) / (double) n;
            }
        }
        return p;
    }
}
