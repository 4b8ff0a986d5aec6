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
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.tokenizer.analysis.TextAnalyzer;

/** {@code yuelao phrase-pmi STORE "TEXT A" "TEXT B"}. */
@Command(name = "phrase-pmi", header = "PMI of two texts: the sum of their word pairs' PMIs.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"The additive multi-feature decomposition PMI(Q,A) = sum_i sum_j PMI(q_i, a_j), with the breakdown by word pair.",
            "Both texts are tokenized with the store's own analyzer; repeated words count with multiplicity."})
public final class PhrasePmiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Parameters(index = "1", paramLabel = "TEXT_A")
    String textA;

    @Parameters(index = "2", paramLabel = "TEXT_B")
    String textB;

    @Option(names = "--unobserved", defaultValue = "skip", paramLabel = "skip|zero|smooth",
            description = "Unobserved pairs: left out (skip), counted as 0 (zero, as PPMI), or given add-lambda PMI (smooth; uses --smoothing, 1 if unset).")
    String unobserved;

    @Mixin
    PmiOptionsMixin pmi;

    @Mixin
    QueryPhrasesOption phrases;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        pmi.requireAdditive("phrase-pmi");
        PmiView.Unobserved policy = PmiView.Unobserved.parse(unobserved);
        if (policy == PmiView.Unobserved.SMOOTH && pmi.smoothing == 0) {
            pmi.smoothing = 1;
        }
        try (CountStoreDirectory dir = CountStoreDirectory.open(store); TextAnalyzer analyzer = StoreQueries.analyzer(dir, phrases.phrases)) {
            PmiView view = PmiView.of(dir, pmi.options());
            TextAnalyzer.Mapped q = analyzer.map(textA, view.vocabulary());
            TextAnalyzer.Mapped a = analyzer.map(textB, view.vocabulary());
            if (q.ids().length == 0 || a.ids().length == 0) {
                throw new UserException("no in-vocabulary word in text " + (q.ids().length == 0 ? "A" : "B") + " (out of vocabulary: "
                        + (q.ids().length == 0 ? q.outOfVocabulary() : a.outOfVocabulary()) + ")");
            }
            PmiView.PhraseScore s = view.phrase(q.ids(), a.ids(), policy);
            String measure = view.options().measure().id();
            out.printf(Locale.ROOT, "%s(A, B) = %.6f  (sum over %d x %d word pairs: %d observed, %d unobserved, %s)%n", measure,
                    s.total(), q.ids().length, a.ids().length, s.observedPairs(), s.unobservedPairs(), describe(policy, view));
            out.printf(Locale.ROOT, "settings: %s%n", view.options().describe());
            out.printf("%-16s %-16s %12s %12s  %s%n", "word in A", "word in B", "count", measure, "note");
            for (PmiView.Term t : s.terms()) {
                String note;
                if (t.q() == t.a()) {
                    note = "same word: no PMI, " + (t.skipped() ? "skipped" : "0");
                } else if (t.score().count() > 0) {
                    note = "";
                } else if (t.skipped()) {
                    note = "unobserved: skipped";
                } else if (policy == PmiView.Unobserved.SMOOTH) {
                    note = "unobserved: smoothed";
                } else {
                    note = "unobserved: 0";
                }
                String value = t.skipped() ? "-" : String.format(Locale.ROOT, "%.4f", t.contribution());
                out.printf(Locale.ROOT, "%-16s %-16s %12s %12s  %s%n", view.vocabulary().word(t.q()), view.vocabulary().word(t.a()),
                        CountsCommand.formatCount(Math.round(t.score().count() * dir.counts().scale()), dir.counts().scale()), value, note);
            }
            out.printf("out of vocabulary: A %s, B %s%n", q.outOfVocabulary(), a.outOfVocabulary());
        }
        return 0;
    }

    static String describe(PmiView.Unobserved policy, PmiView view) {
        return switch (policy) {
            case SKIP -> "unobserved pairs skipped";
            case ZERO -> "unobserved pairs counted as 0";
            case SMOOTH -> "unobserved pairs smoothed with add-" + view.options().smoothing();
        };
    }
}
