package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.PairKey;
import yuelao.storage.counts.RunCursor;
import yuelao.core.Vocabulary;

/** {@code yuelao counts STORE --info|--dump}: inspect a count store. */
@Command(name = "counts", header = "Inspect a count store: its figures and settings, or every pair.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Inspect a count store: --info prints its figures and settings; --dump prints every counted pair once, as word1<TAB>word2<TAB>count.")
public final class CountsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--info", required = true, description = "Vocabulary size, non-zeros, N, X, window, weighting, analyzer, disk size.")
        boolean info;

        @Option(names = "--dump", required = true, description = "Every pair once per unordered pair (self-pairs, if kept, as word<TAB>word<TAB>count).")
        boolean dump;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            if (mode.info) {
                info(out, dir);
            } else {
                dump(out, dir);
            }
        }
        out.flush();
        return 0;
    }

    private static void info(PrintWriter out, CountStoreDirectory dir) throws java.io.IOException {
        CountStore c = dir.counts();
        long diagonalEntries = 0;
        for (int i = 0; i < c.vocabSize(); i++) {
            diagonalEntries += c.find(i, i) >= 0 ? 1 : 0;
        }
        out.printf(Locale.ROOT, "store:            %s%n", dir.path());
        out.printf(Locale.ROOT, "vocabulary size:  %,d%n", c.vocabSize());
        out.printf(Locale.ROOT, "non-zeros:        %,d unordered pairs (%,d stored CSR entries, %,d on the diagonal)%n",
                (c.nonZeros() + diagonalEntries) / 2, c.nonZeros(), diagonalEntries);
        out.printf(Locale.ROOT, "N:                %,d (sum of unigram counts n_i)%n", c.totalTokens());
        out.printf(Locale.ROOT, "X:                %s (sum of x_ij over ordered pairs, i != j)%n", c.totalPairUnits() % c.scale() == 0
                ? String.format(Locale.ROOT, "%,d", c.totalPairUnits() / c.scale()) : formatCount(c.totalPairUnits(), c.scale()));
        out.printf(Locale.ROOT, "window:           %s%n", dir.property("window", "?"));
        out.printf(Locale.ROOT, "weighting:        %s (scale %d units per count)%n", dir.property("weighting", "?"), c.scale());
        out.printf(Locale.ROOT, "oov positions:    %s%n", Boolean.parseBoolean(dir.property("keepOovPositions", "false")) ? "kept as gaps" : "deleted before windowing");
        out.printf(Locale.ROOT, "self-pairs:       %s%n", Boolean.parseBoolean(dir.property("selfPairs", "false")) ? "kept on the diagonal" : "not counted");
        out.printf(Locale.ROOT, "subsample:        %s%n", dir.property("subsample", "0"));
        out.printf(Locale.ROOT, "analyzer:         %s%n", dir.analyzer().describe());
        out.printf(Locale.ROOT, "min count:        %s%n", dir.property("minCount", "?"));
        out.printf(Locale.ROOT, "corpus:           %,d documents, %,d tokens%n", Long.parseLong(dir.property("corpus.documents", "0")),
                Long.parseLong(dir.property("corpus.tokens", "0")));
        out.printf(Locale.ROOT, "disk size:        %s (%,d bytes)%n", ProgressLine.bytes(dir.diskBytes()), dir.diskBytes());
    }

    private static void dump(PrintWriter out, CountStoreDirectory dir) throws java.io.IOException {
        CountStore c = dir.counts();
        Vocabulary v = dir.vocabulary();
        long scale = c.scale();
        StringBuilder sb = new StringBuilder(256);
        try (RunCursor cur = c.upperPairs()) {
            while (cur.next()) {
                long key = cur.key();
                sb.setLength(0);
                sb.append(v.word(PairKey.first(key))).append('\t').append(v.word(PairKey.second(key))).append('\t')
                        .append(formatCount(cur.units(), scale)).append('\n');
                out.append(sb);
            }
        }
    }

    /** units / scale: an integer when exact, else the shortest double that round-trips. */
    static String formatCount(long units, long scale) {
        if (units % scale == 0) {
            return Long.toString(units / scale);
        }
        return Double.toString((double) units / scale);
    }
}
