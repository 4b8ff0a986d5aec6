package yuelao.engine.query;

import java.util.Arrays;

/** Spearman's rank correlation with tied ranks averaged (scipy.stats.spearmanr, the reference evaluator). */
public final class Spearman {
    private Spearman() {}

    /** 1-based ranks; a group of ties gets the mean of its positions. */
    public static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[order[t]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Pearson correlation of the ranks; NaN with fewer than 3 pairs or no variance. */
    public static double rho(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        if (a.length < 3) {
            return Double.NaN;
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < ra.length; i++) {
            ma += ra[i];
            mb += rb[i];
        }
        ma /= ra.length;
        mb /= rb.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            double x = ra[i] - ma;
            double y = rb[i] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        double den = Math.sqrt(saa * sbb);
        return den > 0 ? sab / den : Double.NaN;
    }
}
