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
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Collocations;
import yuelao.engine.pmi.ContingencyTable;
import yuelao.engine.pmi.PairScorer;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.tokenizer.analysis.TextAnalyzer;

/** {@code yuelao pmi STORE W1 W2}. */
@Command(name = "pmi", header = "PMI (or another measure) of a word pair, with its counts.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"PMI (or another --measure) of a word pair, with the pair count, both unigram counts and, for the association",
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CountStoreDirectory dir = CountStoreDirectory.open(store); TextAnalyzer analyzer = StoreQueries.analyzer(dir, phrases.phrases)) {
            PairScorer scorer = pmi.scorer(dir);
            int i = StoreQueries.wordId(scorer, analyzer, word1);
            int j = StoreQueries.wordId(scorer, analyzer, word2);
            if (scorer instanceof PmiView view) {
                printPmi(out, dir, view, i, j);
            } else {
                printAssociation(out, dir, (AssociationView) scorer, i, j);
            }
        }
        return 0;
    }

    private static void printPmi(PrintWriter out, CountStoreDirectory dir, PmiView view, int i, int j) {
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

    /** The value, then every frequency it was computed from (docs/measures.md). */
    private static void printAssociation(PrintWriter out, CountStoreDirectory dir, AssociationView view, int i, int j) {
        ContingencyTable t = view.table(i, j);
        String a = view.vocabulary().word(i);
        String b = view.vocabulary().word(j);
        String measure = view.measure().id();
        double v = view.value(i, j, t.o11());
        if (t.o11() == 0) {
            out.printf(Locale.ROOT, "%s(%s, %s) = %s (unobserved pair)%n", measure, a, b, Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v)
                    : "-infinity");
        } else {
            out.printf(Locale.ROOT, "%s(%s, %s) = %.6f%n", measure, a, b, v);
        }
        long scale = dir.counts().scale();
        out.printf(Locale.ROOT, "pair count O = f_xy = %s; f_x = n(%s) = %,d; f_y = n(%s) = %,d%n",
                CountsCommand.formatCount(Math.round(t.o11() * scale), scale), a, view.vocabulary().count(i), b, view.vocabulary().count(j));
        out.printf(Locale.ROOT, "expected E = k f_x f_y / N = %.4f (window span k = %s, N = %,.0f)%n", t.expected(),
                Collocations.number(view.span()), view.tokens());
        if (view.measure().needsTable()) {
            out.printf(Locale.ROOT, "2x2 table of pair tokens: O11 = x_ab = %s, O12 = %s, O21 = %s, O22 = %s (N = X = %s; E11 = %.4f)%n",
                    Collocations.number(t.o11()), Collocations.number(t.o12()), Collocations.number(t.o21()), Collocations.number(t.o22()),
                    Collocations.number(t.n()), t.e11());
        }
        out.printf(Locale.ROOT, "settings: %s%n", view.describe());
        CollocationsCommand.printWarnings(out, view);
    }
}
