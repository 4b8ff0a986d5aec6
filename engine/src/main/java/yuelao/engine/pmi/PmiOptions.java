package yuelao.engine.pmi;

/**
 * How PMI is computed from counts.
 *
 * @param measure pmi, ppmi (sppmi with shift > 1) or npmi
 * @param shift k > 0: log k is subtracted from PMI (shifted PPMI, Levy et al. 2015; k < 1 keeps some negative
 *     PMI); 1 = no shift
 * @param cds context-distribution smoothing exponent a in (0, 1]: P_a(j) = c_j^a / sum_c c^a, applied to both
 *     marginals so the matrix stays symmetric; 1 = none
 * @param smoothing add-lambda on every pair count (lambda >= 0; 0 = none), giving finite PMI to unseen pairs
 * @param marginals which counts c_i give the marginals
 */
public record PmiOptions(PmiMeasure measure, double shift, double cds, double smoothing, Marginals marginals) {
    /** Where P(i) comes from. */
    public enum Marginals {
        /** P(i) = n_i / N, the unigram counts (the seed's estimator, the default). */
        UNIGRAM,
        /** P(i) = x_i* / X, the row sums of the co-occurrence matrix without its diagonal. */
        COOCCURRENCE;

        public static Marginals parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "unigram", "unigrams" -> UNIGRAM;
                case "cooccurrence", "co-occurrence", "rowsums" -> COOCCURRENCE;
                default -> throw new IllegalArgumentException("unknown marginals '" + s + "' (expected unigram or cooccurrence)");
            };
        }
    }

    public PmiOptions {
        if (!(shift > 0) || Double.isInfinite(shift)) {
            throw new IllegalArgumentException("--shift must be a number > 0 (log k is subtracted; k < 1 adds), got " + shift);
        }
        if (!(cds > 0 && cds <= 1)) {
            throw new IllegalArgumentException("--cds must be in (0, 1] (1 = no smoothing; 0.75 is usual), got " + cds);
        }
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("--smoothing must be a number >= 0, got " + smoothing);
        }
    }

    public static PmiOptions of(PmiMeasure measure) {
        return new PmiOptions(measure, 1, 1, 0, Marginals.UNIGRAM);
    }

    /** One line describing the settings, for output headers. */
    public String describe() {
        StringBuilder sb = new StringBuilder(measure.id());
        if (shift != 1) {
            sb.append(", shift k=").append(shift);
        }
        if (cds != 1) {
            sb.append(", cds a=").append(cds);
        }
        if (smoothing != 0) {
            sb.append(", add-").append(smoothing).append(" smoothing");
        }
        sb.append(", ").append(marginals == Marginals.UNIGRAM ? "unigram marginals n_i/N" : "co-occurrence marginals x_i*/X");
        return sb.toString();
    }
}
