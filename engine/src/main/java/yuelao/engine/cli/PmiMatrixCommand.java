package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.pmi.MatrixMarketExport;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.Measure;
import yuelao.engine.pmi.PairScorer;
import yuelao.storage.counts.CountStoreDirectory;

/** {@code yuelao pmi-matrix STORE --out FILE}. */
@Command(name = "pmi-matrix", header = "Export a measure's sparse matrix in Matrix Market format.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        defaultValueProvider = PmiMatrixCommand.Defaults.class,
        description = {"Export the sparse PMI matrix (or another --measure's) in Matrix Market coordinate format (real symmetric, lower " +
            "triangle, 1-based; real general for the asymmetric deltap-fwd, deltap-bwd and logratio), plus the vocabulary beside it " +
            "(FILE without .mtx + .vocab.txt; line k = word of index k). scipy.io.mmread reads it."})
public final class PmiMatrixCommand implements Callable<Integer> {
    /** The matrix exported when no measure is named: PPMI, whose zeros stay implicit. */
    public static final class Defaults implements picocli.CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(picocli.CommandLine.Model.ArgSpec arg) {
            return arg instanceof picocli.CommandLine.Model.OptionSpec o && o.longestName().equals("--measure") ? "ppmi" : null;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Matrix Market file to write (e.g. ppmi.mtx).")
    Path out;

    @Mixin
    PmiOptionsMixin measure;

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
        Measure m = measure.measure();
        double min = minValue != null ? minValue : m == PmiMeasure.PPMI ? 0 : Double.NEGATIVE_INFINITY;
        long t0 = System.nanoTime();
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            PairScorer scorer = measure.scorer(dir);
            MatrixMarketExport.Result r = MatrixMarketExport.write(scorer, out, min);
            pw.printf(Locale.ROOT, "wrote %s (%,d entries of the %s, %s) and %s in %s%n", r.matrix(), r.entries(),
                    m.symmetric() ? "lower triangle" : "general matrix", scorer.describe(), r.vocabulary(),
                    ProgressLine.duration((System.nanoTime() - t0) / 1e9));
        }
        return 0;
    }
}
