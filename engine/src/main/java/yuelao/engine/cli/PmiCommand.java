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
import yuelao.engine.api.PmiQueries;
import yuelao.engine.pmi.PmiOptions;

/** {@code yuelao pmi STORE W1 W2}. */
@Command(name = "pmi", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
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

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PmiOptions options = pmi.options();
        try (PmiQueries q = PmiQueries.open(store)) {
            long scale = q.store().counts().scale();
            return json.answer(out, () -> q.pmi(word1, word2, options), s -> {
                String a = s.a();
                String b = s.b();
                if (!s.observed()) {
                    out.printf(Locale.ROOT, "%s(%s, %s) = unobserved (the pair never co-occurred; --smoothing gives it a finite value)%n",
                            s.measure(), a, b);
                } else if (s.smoothed()) {
                    out.printf(Locale.ROOT, "%s(%s, %s) = %.6f (unobserved pair, value from add-%s smoothing)%n", s.measure(), a, b, s.score(),
                            options.smoothing());
                } else {
                    out.printf(Locale.ROOT, "%s(%s, %s) = %.6f%n", s.measure(), a, b, s.score());
                }
                out.printf(Locale.ROOT, "pair count x = %s; n(%s) = %,d; n(%s) = %,d%n",
                        CountsCommand.formatCount(Math.round(s.count() * scale), scale), a, s.countA(), b, s.countB());
                out.printf(Locale.ROOT, "settings: %s%n", s.settings());
            });
        }
    }
}
