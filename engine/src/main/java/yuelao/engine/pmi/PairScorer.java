package yuelao.engine.pmi;

import yuelao.core.Vocabulary;
import yuelao.storage.counts.CountStoreDirectory;

/**
 * Scores word pairs of a count store by one {@link Measure}: {@link PmiView} for the PMI family, {@link AssociationView}
 * for the association measures. Implementations are immutable and thread-safe, and allocate nothing per scored pair.
 */
public interface PairScorer {
    /** The measure. */
    Measure measure();

    /** The store scored. */
    CountStoreDirectory store();

    default Vocabulary vocabulary() {
        return store().vocabulary();
    }

    /**
     * The score of the ordered pair (i, j) given its count x_ij (0 = unobserved), with i as x (word1) and j as y (word2).
     * Never NaN; an unobserved pair gets the measure's defined value (docs/method.md 2.3, docs/measures.md).
     */
    double value(int i, int j, double x);

    /** One line describing the measure and its settings, for output headers. */
    String describe();
}
