package yuelao.engine.pmi;

/**
 * The measures that compare the observed frequency O with the expected one E (docs/measures.md, "Observed against
 * expected"). O = 0 gives the formula's limit: negative infinity for MI^k and the t-score, -sqrt(E) for the z-score.
 */
final class ObservedExpected {
    private ObservedExpected() {}

    private static final double LN2 = Math.log(2);

    /** MI^k = log2(O^k / E) = k log2 O - log2 E. */
    static double miK(double o, double e, double k) {
        if (o <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return (k * Math.log(o) - Math.log(e)) / LN2;
    }

    /** t = (O - E) / sqrt(O). */
    static double tScore(double o, double e) {
        if (o <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return (o - e) / Math.sqrt(o);
    }

    /** z = (O - E) / sqrt(E); 0 when E = 0 (a word the corpus does not hold: no evidence either way). */
    static double zScore(double o, double e) {
        if (e <= 0) {
            return 0;
        }
        return (o - e) / Math.sqrt(e);
    }
}
