package yuelao.engine.pmi;

/**
 * The significance tests of the 2x2 table (docs/measures.md, "Significance"): Dunning's log-likelihood G^2 and Pearson's
 * X^2, each signed by O11 - E11 so that a pair seen less often than chance ranks below every attracted pair (Evert
 * 2008). Computed from d = O11 - E11, which every cell shares up to its sign (O_ij - E_ij = +-d), so that a table with
 * huge cells keeps its precision: terms O ln(O / E) are O log1p(+-d / E), X^2 is d^2 sum 1 / E_ij. A zero cell adds
 * nothing (0 ln 0 = 0); a zero margin gives 0.
 */
final class Significance {
    private Significance() {}

    /** Signed G^2 of the table (O11, O12; O21, O22). */
    static double g2(double o11, double o12, double o21, double o22) {
        double r1 = o11 + o12;
        double r2 = o21 + o22;
        double c1 = o11 + o21;
        double c2 = o12 + o22;
        double n = r1 + r2;
        if (r1 <= 0 || r2 <= 0 || c1 <= 0 || c2 <= 0) {
            return 0;
        }
        double d = o11 - r1 * c1 / n;
        double sum = term(o11, r1 * c1 / n, d) + term(o12, r1 * c2 / n, -d) + term(o21, r2 * c1 / n, -d) + term(o22, r2 * c2 / n, d);
        double g2 = Math.max(0, 2 * sum);
        return d < 0 ? -g2 : g2;
    }

    /** O ln(O / E) with O - E = diff; 0 for O = 0. */
    private static double term(double o, double e, double diff) {
        if (o <= 0) {
            return 0;
        }
        double ratio = diff / e;
        return ratio > -1 ? o * Math.log1p(ratio) : o * Math.log(o / e);
    }

    /** Signed X^2 of the table (O11, O12; O21, O22). */
    static double chi2(double o11, double o12, double o21, double o22) {
        double r1 = o11 + o12;
        double r2 = o21 + o22;
        double c1 = o11 + o21;
        double c2 = o12 + o22;
        double n = r1 + r2;
        if (r1 <= 0 || r2 <= 0 || c1 <= 0 || c2 <= 0) {
            return 0;
        }
        double d = o11 - r1 * c1 / n;
        double x2 = d * d * (n / (r1 * c1) + n / (r1 * c2) + n / (r2 * c1) + n / (r2 * c2));
        return d < 0 ? -x2 : x2;
    }
}
