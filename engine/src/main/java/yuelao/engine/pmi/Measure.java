package yuelao.engine.pmi;

import java.util.Locale;

/**
 * A way to score a word pair from the counts, as {@code --measure} names it: the PMI family ({@link PmiMeasure}, computed
 * by {@link PmiView} with its options) or one of the corpus linguists' association measures ({@link AssociationMeasure},
 * computed by {@link AssociationView}). docs/measures.md gives every formula and when to use which.
 */
public sealed interface Measure permits PmiMeasure, AssociationMeasure {
    /** The name {@code --measure} takes. */
    String id();

    /** True if the score of (x, y) always equals that of (y, x). */
    boolean symmetric();

    /** Every name {@code --measure} accepts, for help texts. */
    String NAMES = "pmi, ppmi (sppmi), npmi, logdice, mi, mi2, mi3 (any mi<k>), tscore, zscore, g2, chi2, dice, jaccard, minsens, "
            + "deltap-fwd, deltap-bwd, logratio";

    /**
     * The measure a name stands for. Accepted: the PMI family ({@code pmi}, {@code ppmi}, {@code sppmi}, {@code npmi}), and
     * {@code logdice}, {@code mi} and {@code mi<k>} (MI^k, e.g. {@code mi3}), {@code tscore}, {@code zscore}, {@code g2},
     * {@code chi2}, {@code dice}, {@code jaccard}, {@code minsens}, {@code deltap-fwd}, {@code deltap-bwd}, {@code logratio}
     * and the synonyms listed in docs/measures.md; case is ignored.
     *
     * @throws IllegalArgumentException naming every accepted measure for anything else
     */
    static Measure parse(String name) {
        String t = name.toLowerCase(Locale.ROOT).strip();
        try {
            return PmiMeasure.parse(t);
        } catch (IllegalArgumentException e) {
            // not of the PMI family
        }
        AssociationMeasure m = AssociationMeasure.parseOrNull(t);
        if (m == null) {
            throw new IllegalArgumentException("unknown measure '" + name + "' (expected one of: " + NAMES + ")");
        }
        return m;
    }
}
