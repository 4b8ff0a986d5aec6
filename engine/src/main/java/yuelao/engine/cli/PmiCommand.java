package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.tokenizer.analysis.TextAnalyzer;

/** {@code yuelao pmi STORE W1 W2}. */
@Command(name = "pmi", header = "PMI of a word pair, with its counts.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "PMI of a word pair, with the pair count and both unigram counts.")
public final class PmiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Parameters(index = "1", paramLabel = "WORD1")
    String word1;

    @Parameters(index = "2", paramLabel = "WORD2")
    String word2;

    @Mixin
    PmiOptionsMixin pmi;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CountStoreDirectory dir = CountStoreDirectory.open(store); TextAnalyzer analyzer = new TextAnalyzer(dir.analyzer())) {
            PmiView view = PmiView.of(dir, pmi.options());
            int i = StoreQueries.wordId(view, analyzer, word1);
            int j = StoreQueries.wordId(view, analyzer, word2);
            PmiView.PairScore s = view.pair(i, j);
            String a = view.vocabulary().word(i);
            String b = view.vocabulary().word(j);
            String measure = view.options().measure().id();
            if (!s.observed()) {
                out.printf(Locale.ROOT, "%s(%s, %s) = unobserved (the pair never co-occurred; --smoothing gives it a finite value)%n",
                        measure, a, b);
            } else if (s.count() == 0) {
                out.printf(Locale.ROOT, "%s(%s, %s) = %.6f (unobserved pair, value from add-%s smoothing)%n", measure, a, b, s.value(),
                        view.options().smoothing());
            } else {
                out.printf(Locale.ROOT, "%s(%s, %s) = %.6f%n", measure, a, b, s.value());
            }
            out.printf(Locale.ROOT, "pair count x = %s; n(%s) = %,d; n(%s) = %,d%n", CountsCommand.formatCount(
                    Math.round(s.count() * dir.counts().scale()), dir.counts().scale()), a, view.vocabulary().count(i), b, view.vocabulary().count(j));
            out.printf(Locale.ROOT, "settings: %s%n", view.options().describe());
        }
        return 0;
    }
}
