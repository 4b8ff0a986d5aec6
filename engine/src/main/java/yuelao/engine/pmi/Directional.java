package yuelao.engine.pmi;

/**
 * The directional measures of the 2x2 table (docs/measures.md, "Effect sizes"), which read the table by rows: how far
 * being x's neighbour raises the chance of being y. The backward forms are the same functions of the transposed
 * table.
 */
final class Directional {
    private Directional() {}

    private static final double LN2 = Math.log(2);

    /** Delta P = O11 / R1 - O21 / R2 = P(y | x) - P(y | not x); a zero margin makes its term 0. */
    static double deltaP(double o11, double o12, double o21, double o22) {
        double r1 = o11 + o12;
        double r2 = o21 + o22;
        return (r1 > 0 ? o11 / r1 : 0) - (r2 > 0 ? o21 / r2 : 0);
    }

    /**
     * Log Ratio = log2((O11 / R1) / (O21 / R2)), the binary log of the ratio of y's relative frequencies next to x and
     * elsewhere (Hardie 2014), with a zero O11 or O21 taken as 0.5 (CQPweb's convention); 0 when a margin is 0.
     */
    static double logRatio(double o11, double o12, double o21, double o22) {
        double r1 = o11 + o12;
        double r2 = o21 + o22;
        if (r1 <= 0 || r2 <= 0) {
            return 0;
        }
        double a = (o11 > 0 ? o11 : 0.5) / r1;
        double b = (o21 > 0 ? o21 : 0.5) / r2;
        return Math.log(a / b) / LN2;
    }
}
