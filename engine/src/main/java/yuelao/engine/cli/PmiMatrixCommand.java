package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.pmi.MatrixMarketExport;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;

/** {@code yuelao pmi-matrix STORE --out FILE}. */
@Command(name = "pmi-matrix", header = "Export the sparse PMI matrix in Matrix Market format.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Export the sparse PMI matrix in Matrix Market coordinate format (real symmetric, lower triangle, 1-based),",
            "plus the vocabulary beside it (FILE without .mtx + .vocab.txt; line k = word of index k). scipy.io.mmread reads it."})
public final class PmiMatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Matrix Market file to write (e.g. ppmi.mtx).")
    Path out;

    @Option(names = "--measure", defaultValue = "ppmi", paramLabel = "pmi|ppmi|npmi", description = "The measure exported.")
    String measure;

    @Option(names = "--shift", defaultValue = "1", paramLabel = "k", description = "Subtract log k (shifted PPMI); 1 = no shift.")
    double shift;

    @Option(names = "--cds", defaultValue = "1", paramLabel = "a", description = "Context-distribution smoothing exponent on both sides; 1 = none.")
    double cds;

    @Option(names = "--marginals", defaultValue = "unigram", paramLabel = "unigram|cooccurrence", description = "Marginals in force (unigram n_i/N by default).")
    String marginals;

    @Option(names = "--min-value", paramLabel = "v",
            description = "Write only entries with value >= v. Default: > 0 for ppmi (its zeros are implicit), every observed pair otherwise.")
    Double minValue;

    @Option(names = "--force", defaultValue = "false", description = "Replace existing files.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        Path vocabFile = MatrixMarketExport.vocabularyFile(out);
        // The vocabulary beside the matrix is replaced only together with a matrix that yuelao wrote.
        Checks.outputFile(spec, out, "a Matrix Market file from yuelao pmi-matrix", MatrixMarketExport::isOwnMatrix, force, java.util.List.of(store));
        Checks.outputFile(spec, vocabFile, "the vocabulary of a yuelao pmi-matrix", f -> MatrixMarketExport.isOwnMatrix(out), force,
                java.util.List.of(store));
        PmiOptions opts = new PmiOptions(PmiMeasure.parse(measure), shift, cds, 0, PmiOptions.Marginals.parse(marginals));
        double min = minValue != null ? minValue : opts.measure() == PmiMeasure.PPMI ? 0 : Double.NEGATIVE_INFINITY;
        long t0 = System.nanoTime();
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            MatrixMarketExport.Result r = MatrixMarketExport.write(PmiView.of(dir, opts), out, min);
            pw.printf(Locale.ROOT, "wrote %s (%,d entries of the lower triangle, %s) and %s in %s%n", r.matrix(), r.entries(),
                    opts.describe(), r.vocabulary(), ProgressLine.duration((System.nanoTime() - t0) / 1e9));
        }
        return 0;
    }
}
