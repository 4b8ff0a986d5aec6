package yuelao.engine.cli;

import picocli.CommandLine.Option;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;

/** The PMI-family options shared by the PMI verbs. */
public final class PmiOptionsMixin {
    @Option(names = "--measure", defaultValue = "pmi", paramLabel = "pmi|ppmi|npmi",
            description = "pmi = log x_ij - log X - log P(i) - log P(j); ppmi = max(pmi - log k, 0); npmi = pmi / -log P(i,j).")
    String measure;

    @Option(names = "--shift", defaultValue = "1", paramLabel = "k", description = "Subtract log k (shifted PPMI); 1 = no shift.")
    double shift;

    @Option(names = "--cds", defaultValue = "1", paramLabel = "a",
            description = "Context-distribution smoothing: P(i) = c_i^a / sum c^a on both sides (0.75 is usual); 1 = none.")
    double cds;

    @Option(names = "--smoothing", defaultValue = "0", paramLabel = "lambda",
            description = "Add-lambda: x'_ij = x_ij + lambda, X' = X + lambda V(V-1); gives unseen pairs a finite PMI. 0 = none.")
    double smoothing;

    @Option(names = "--marginals", defaultValue = "unigram", paramLabel = "unigram|cooccurrence",
            description = "P(i) from unigram counts n_i/N (in force by default, as docs/method.md) or from co-occurrence row sums x_i*/X.")
    String marginals;

    PmiOptions options() {
        return new PmiOptions(PmiMeasure.parse(measure), shift, cds, smoothing, PmiOptions.Marginals.parse(marginals));
    }
}
