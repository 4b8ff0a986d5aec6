package yuelao.engine.pmi;

/**
 * What an association measure knows about one word pair (x, y): the observed frequency O = f_xy, the words' corpus
 * frequencies f_x and f_y, the expected frequency E of the pair under independence, and a 2x2 contingency table
 * (docs/measures.md, "Frequencies" and "The contingency table").
 *
 * <pre>
 *                 y            not y
 *   x             O11          O12          R1 = O11 + O12
 *   not x         O21          O22          R2 = O21 + O22
 *                 C1           C2           N  = R1 + R2
 * </pre>
 *
 * The table is given by O11 and the margins R1, C1 and N; the other cells follow. A cell that would be negative (only
 * possible for a word paired with itself in an adjacent-bigram table) is 0. Expected cells E_ij = R_i C_j / N are the
 * table's own; {@link #expected()} is the measure family's E (the window-span-aware count for a store, which differs
 * from E11 by the edge effects of documents).
 *
 * @param o11 O = f_xy, the pair's count (0 for an unobserved pair)
 * @param r1 R1, the row margin of x
 * @param c1 C1, the column margin of y
 * @param n N, the table's total
 * @param fx f_x, the corpus frequency of x
 * @param fy f_y, the corpus frequency of y
 * @param expected E, the expected f_xy of the observed/expected measures
 */
public record ContingencyTable(double o11, double r1, double c1, double n, double fx, double fy, double expected) {
    public ContingencyTable {
        for (double v : new double[] {o11, r1, c1, n, fx, fy, expected}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("a contingency table needs finite counts >= 0: " + o11 + ", " + r1 + ", " + c1 + ", " + n
                        + ", " + fx + ", " + fy + ", " + expected);
            }
        }
    }

    /**
     * The table of a pair in a count store (docs/measures.md): the pair tokens of the store form the population, so
     * O11 = x_ab, R1 = x_a*, C1 = x_*b, N = X; f_x = n_a, f_y = n_b; E = k n_a n_b / N_tokens with k the window span.
     *
     * @param xab the pair's count x_ab
     * @param rowA x_a*, the row sum of a (without the diagonal)
     * @param rowB x_*b = x_b*, the row sum of b
     * @param pairTotal X, the sum over ordered pairs i != j
     * @param na n_a
     * @param nb n_b
     * @param tokens the tokens the windows ran over (N, or every token when out-of-vocabulary tokens kept positions)
     * @param span k = 2 sum_d w(d), the weight a word's window offers its neighbours
     */
    public static ContingencyTable windowed(double xab, double rowA, double rowB, double pairTotal, double na, double nb, double tokens,
            double span) {
        return new ContingencyTable(xab, rowA, rowB, pairTotal, na, nb, span * na * nb / tokens);
    }

    /**
     * The table of an adjacent bigram (x, y), as word2phrase, gensim and NLTK's {@code BigramAssocMeasures} build it:
     * O11 = f_xy, R1 = f_x, C1 = f_y, N = the corpus's tokens; E = f_x f_y / N.
     */
    public static ContingencyTable adjacent(double fxy, double fx, double fy, double tokens) {
        return new ContingencyTable(fxy, fx, fy, tokens, fx, fy, fx * fy / tokens);
    }

    /** O12 = R1 - O11. */
    public double o12() {
        return cell12(o11, r1);
    }

    /** O21 = C1 - O11. */
    public double o21() {
        return cell21(o11, c1);
    }

    /** O22 = N - R1 - C1 + O11. */
    public double o22() {
        return cell22(o11, r1, c1, n);
    }

    /** The table's own expectation of O11: R1 C1 / N. */
    public double e11() {
        return n > 0 ? r1 * c1 / n : 0;
    }

    static double cell12(double o11, double r1) {
        return Math.max(0, r1 - o11);
    }

    static double cell21(double o11, double c1) {
        return Math.max(0, c1 - o11);
    }

    static double cell22(double o11, double r1, double c1, double n) {
        return Math.max(0, n - r1 - c1 + o11);
    }
}
