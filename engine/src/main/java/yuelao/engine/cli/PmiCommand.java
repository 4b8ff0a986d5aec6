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
import yuelao.engine.api.Answers;
import yuelao.engine.api.PmiQueries;
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Collocations;
import yuelao.engine.pmi.PairScorer;
import yuelao.engine.pmi.PmiView;

/** {@code yuelao pmi STORE W1 W2}. */
@Command(name = "pmi", header = "PMI (or another measure) of a word pair, with its counts.", mixinStandardHelpOptions = true,
        sortOptions = false, showDefaultValues = true,
        description = {"PMI (or another --measure) of a word pair, with the pair count, both unigram counts and, for the association " +
            "measures, the expected count and the 2x2 table the value comes from (docs/measures.md)."})
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
    QueryPhrasesOption phrases;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (PmiQueries q = PmiQueries.open(store, phrases.phrases)) {
            PairScorer scorer = pmi.scorer(q);
            long scale = q.store().counts().scale();
            if (scorer instanceof AssociationView view) {
                return json.answer(out, () -> q.association(word1, word2, view), s -> printAssociation(out, s, scale, view));
            }
            PmiView view = (PmiView) scorer;
            return json.answer(out, () -> q.pmi(word1, word2, view.options()), s -> {
                String a = s.a();
                String b = s.b();
                if (!s.observed()) {
                    out.printf(Locale.ROOT, "%s(%s, %s) = unobserved (the pair never co-occurred; --smoothing gives it a finite value)%n",
                            s.measure(), a, b);
                } else if (s.smoothed()) {
                    out.printf(Locale.ROOT, "%s(%s, %s) = %.6f (unobserved pair, value from add-%s smoothing)%n", s.measure(), a, b, s.score(),
                            view.options().smoothing());
                } else {
                    out.printf(Locale.ROOT, "%s(%s, %s) = %.6f%n", s.measure(), a, b, s.score());
                }
                out.printf(Locale.ROOT, "pair count x = %s; n(%s) = %,d; n(%s) = %,d%n",
                        CountsCommand.formatCount(Math.round(s.count() * scale), scale), a, s.countA(), b, s.countB());
                out.printf(Locale.ROOT, "settings: %s%n", s.settings());
            });
        }
    }

    /** The value, then every frequency it was computed from (docs/measures.md). */
    private static void printAssociation(PrintWriter out, Answers.Association s, long scale, AssociationView view) {
        String v = s.score() == null ? "-infinity" : String.format(Locale.ROOT, "%.6f", s.score());
        out.printf(Locale.ROOT, "%s(%s, %s) = %s%s%n", s.measure(), s.a(), s.b(), v, s.observed() ? "" : " (unobserved pair)");
        out.printf(Locale.ROOT, "pair count O = f_xy = %s; f_x = n(%s) = %,d; f_y = n(%s) = %,d%n",
                CountsCommand.formatCount(Math.round(s.count() * scale), scale), s.a(), s.countA(), s.b(), s.countB());
        out.printf(Locale.ROOT, "expected E = k f_x f_y / N = %.4f (window span k = %s, N = %,.0f)%n", s.expected(),
                Collocations.number(s.span()), s.tokens());
        if (s.o12() != null) {
            out.printf(Locale.ROOT, "2x2 table of pair tokens: O11 = x_ab = %s, O12 = %s, O21 = %s, O22 = %s (N = X = %s; E11 = %.4f)%n",
                    Collocations.number(s.count()), Collocations.number(s.o12()), Collocations.number(s.o21()), Collocations.number(s.o22()),
                    Collocations.number(s.pairTokens()), s.e11());
        }
        out.printf(Locale.ROOT, "settings: %s%n", s.settings());
        CollocationsCommand.printWarnings(out, view);
    }
}
