package yuelao.engine.pmi;

/**
 * The measures of how much the two words' occurrences overlap, from O = f_xy and the corpus frequencies f_x and f_y
 * (docs/measures.md, "Overlap"). With window counts O can exceed f_x or f_y (a word meets the other several times in
 * one window), so Dice and minimum sensitivity can exceed 1; Jaccard is capped at 1.
 */
final class Overlap {
    private Overlap() {}

    private static final double LN2 = Math.log(2);

    /** Dice = 2 O / (f_x + f_y); 0 when both frequencies are 0. */
    static double dice(double o, double fx, double fy) {
        double f = fx + fy;
        return f > 0 ? 2 * o / f : 0;
    }

    /** logDice = 14 + log2(Dice) (Rychly 2008); negative infinity for O = 0. */
    static double logDice(double o, double fx, double fy) {
        double d = dice(o, fx, fy);
        return d > 0 ? 14 + Math.log(d) / LN2 : Double.NEGATIVE_INFINITY;
    }

    /** Jaccard = O / (f_x + f_y - O), 1 where the denominator would not exceed O. */
    static double jaccard(double o, double fx, double fy) {
        double union = fx + fy - o;
        if (union <= o) {
            return o > 0 ? 1 : 0;
        }
        return o / union;
    }

    /** Minimum sensitivity = min(O / f_x, O / f_y); a zero frequency makes its ratio 0. */
    static double minSensitivity(double o, double fx, double fy) {
        double a = fx > 0 ? o / fx : 0;
        double b = fy > 0 ? o / fy : 0;
        return Math.min(a, b);
    }
}
