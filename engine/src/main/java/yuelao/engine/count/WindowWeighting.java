package yuelao.engine.count;

import java.util.Locale;

/**
 * The weight w(d) a co-occurrence at distance d (1..W) adds to x_ij (docs/method.md section 1). Weights are
 * counted as exact integers ("units"): w(d) = units(d) / scale(W). Integer sums do not depend on the
 * order of addition, so counts are identical for any thread count and store merges are exact.
 */
public enum WindowWeighting {
    /** w = 1: the seed's final choice. */
    UNIFORM,
    /** w = 1/d: GloVe's weighting. scale = lcm(1..W), so every 1/d is a whole number of units. */
    HARMONIC,
    /**
     * w = (W - d + 1) / W: the expected weight of word2vec's dynamic window, whose effective size is drawn
     * uniformly from 1..W (an extension; it helps analogies, docs/experiments/quality.md).
     */
    DYNAMIC;

    /** Units per 1.0 of weight for window W. */
    public long scale(int window) {
        return switch (this) {
            case UNIFORM -> 1;
            case HARMONIC -> lcm(window);
            case DYNAMIC -> window;
        };
    }

    /** units(d) for d = 0..W (index 0 unused). */
    public long[] unitsByDistance(int window) {
        long scale = scale(window);
        long[] u = new long[window + 1];
        for (int d = 1; d <= window; d++) {
            u[d] = switch (this) {
                case UNIFORM -> 1;
                case HARMONIC -> scale / d;
                case DYNAMIC -> window - d + 1;
            };
        }
        return u;
    }

    /**
     * Largest window for this weighting: harmonic units use lcm(1..W) (232,792,560 at W = 20, which still
     * leaves room for 3.9e10 co-occurrences of one pair in a signed long); the others grow linearly.
     */
    public int maxWindow() {
        return this == HARMONIC ? 20 : 10_000;
    }

    static long lcm(int n) {
        long l = 1;
        for (int i = 2; i <= n; i++) {
            l = l / gcd(l, i) * i;
        }
        return l;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WindowWeighting parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --weighting '" + s + "' (expected uniform, harmonic or dynamic)");
        }
    }
}
