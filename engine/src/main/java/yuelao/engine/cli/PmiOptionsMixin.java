package yuelao.engine.cli;

import picocli.CommandLine.Option;
import yuelao.engine.api.PmiQueries;
import yuelao.engine.pmi.AssociationMeasure;
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Measure;
import yuelao.engine.pmi.PairScorer;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;

/**
 * The measure of the verbs that score word pairs ({@code --measure}, the same names everywhere; docs/measures.md), and
 * the PMI family's own options.
 */
public final class PmiOptionsMixin {
    @Option(names = "--measure", defaultValue = "pmi", paramLabel = "MEASURE",
            description = {"pmi = log x_ij - log X - log P(i) - log P(j); ppmi = max(pmi - log k, 0); npmi = pmi / -log P(i,j);",
                "or an association measure: logdice, mi, mi3 (mi<k> = MI^k), tscore, zscore, g2, chi2, dice, jaccard, minsens,",
                "deltap-fwd, deltap-bwd, logratio (formulas and when to use which: docs/measures.md)."})
    String measure;

    @Option(names = "--shift", defaultValue = "1", paramLabel = "k", description = "PMI family: subtract log k (shifted PPMI); 1 = no shift.")
    double shift;

    @Option(names = "--cds", defaultValue = "1", paramLabel = "a",
            description = "PMI family: context-distribution smoothing, P(i) = c_i^a / sum c^a on both sides (0.75 is usual); 1 = none.")
    double cds;

    @Option(names = "--smoothing", defaultValue = "0", paramLabel = "lambda",
            description = "PMI family: add-lambda, x'_ij = x_ij + lambda, X' = X + lambda V(V-1); gives unseen pairs a finite PMI. 0 = none.")
    double smoothing;

    @Option(names = "--marginals", defaultValue = "unigram", paramLabel = "unigram|cooccurrence",
            description = "PMI family: P(i) from unigram counts n_i/N (in force by default, as docs/method.md) or from co-occurrence row sums x_i*/X.")
    String marginals;

    /** The measure named by {@code --measure}. */
    Measure measure() {
        return Measure.parse(measure);
    }

    /** The PMI family's settings; a one-line error if {@code --measure} names another measure. */
    PmiOptions options() {
        Measure m = measure();
        if (!(m instanceof PmiMeasure p)) {
            throw new UserException("--measure " + m.id() + " is not of the PMI family, which this verb needs (pmi, ppmi, sppmi or npmi)");
        }
        return new PmiOptions(p, shift, cds, smoothing, PmiOptions.Marginals.parse(marginals));
    }

    /** The scorer of {@code --measure} through the query facade: a {@link PmiView} or an {@link AssociationView}. */
    PairScorer scorer(PmiQueries q) {
        return q.scorer(familyOnlyChecked(), new PmiOptions(PmiMeasure.PMI, shift, cds, smoothing, PmiOptions.Marginals.parse(marginals)));
    }

    /** The scorer of {@code --measure} over a whole store, for the verbs that need no query words. */
    PairScorer scorer(CountStoreDirectory dir) {
        Measure m = familyOnlyChecked();
        return m instanceof PmiMeasure ? PmiView.of(dir, options()) : AssociationView.of(dir, (AssociationMeasure) m);
    }

    /** The measure, refused with a PMI-family option given (they would be silently ignored). */
    private Measure familyOnlyChecked() {
        Measure m = measure();
        if (!(m instanceof PmiMeasure)
                && (shift != 1 || cds != 1 || smoothing != 0 || !PmiOptions.Marginals.parse(marginals).equals(PmiOptions.Marginals.UNIGRAM))) {
            throw new UserException("--shift, --cds, --smoothing and --marginals apply to the PMI family (pmi, ppmi, npmi), not to --measure "
                    + m.id());
        }
        return m;
    }

    /** Refuses a measure outside the PMI family for a verb built on its additive decomposition (docs/method.md 2.4). */
    void requireAdditive(String verb) {
        Measure m = measure();
        if (!(m instanceof PmiMeasure)) {
            throw new UserException(verb + " sums PMI terms (the additive decomposition, docs/method.md section 2.4), which holds for the "
                    + "PMI family only: --measure pmi, ppmi or npmi, not " + m.id());
        }
    }
}
