package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.api.Answers;
import yuelao.engine.api.PmiQueries;
import yuelao.engine.pmi.PairScorer;

/** {@code yuelao associates STORE WORD}. */
@Command(name = "associates", header = "The top contexts of a word by PMI or another measure.", mixinStandardHelpOptions = true,
        sortOptions = false, showDefaultValues = true,
        description = {"The top contexts of a word by PMI or another --measure (collocations, associated words), from one row of the store.",
            "The corpus-wide list, with filters and --json: 'yuelao collocations STORE'."})
public final class AssociatesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Parameters(index = "1", paramLabel = "WORD")
    String word;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "How many associates.")
    int top;

    @Option(names = "--min-pair-count", defaultValue = "5", paramLabel = "c",
            description = "Skip pairs seen fewer than c times (rare pairs have unreliable, inflated PMI).")
    double minPairCount;

    @Mixin
    PmiOptionsMixin pmi;

    @Mixin
    QueryPhrasesOption phrases;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VectorArgs.requirePositive("--top", top);
        try (PmiQueries q = PmiQueries.open(store, phrases.phrases)) {
            PairScorer scorer = pmi.scorer(q);
            long scale = q.store().counts().scale();
            return json.answer(out, () -> q.associates(word, top, minPairCount, scorer), r -> {
                out.printf(Locale.ROOT, "top %d associates of '%s' (n = %,d) by %s, pairs seen >= %s times:%n", r.results().size(), r.word(),
                        r.count(), r.settings(), minPairCount);
                int rank = 1;
                for (Answers.Associate a : r.results()) {
                    out.printf(Locale.ROOT, "%3d  %-20s %9.4f  (x = %s)%n", rank++, a.word(), a.score(),
                            CountsCommand.formatCount(Math.round(a.count() * scale), scale));
                }
                CollocationsCommand.printWarnings(out, scorer);
            });
        }
    }
}
