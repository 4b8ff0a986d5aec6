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
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;

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

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        pmi.requireAdditive("phrase-pmi");
        PmiView.Unobserved policy = PmiView.Unobserved.parse(unobserved);
        PmiOptions options = pmi.options();
        try (PmiQueries q = PmiQueries.open(store, phrases.phrases)) {
            long scale = q.store().counts().scale();
            return json.answer(out, () -> q.phrase(textA, textB, policy, options), s -> {
                out.printf(Locale.ROOT, "%s(A, B) = %.6f  (sum over %d x %d word pairs: %d observed, %d unobserved, %s)%n", s.measure(), s.score(),
                        s.tokensA(), s.tokensB(), s.observedPairs(), s.unobservedPairs(), s.unobserved());
                out.printf(Locale.ROOT, "settings: %s%n", s.settings());
                out.printf("%-16s %-16s %12s %12s  %s%n", "word in A", "word in B", "count", s.measure(), "note");
                for (Answers.Term t : s.terms()) {
                    String value = t.score() == null ? "-" : String.format(Locale.ROOT, "%.4f", t.score());
                    out.printf(Locale.ROOT, "%-16s %-16s %12s %12s  %s%n", t.a(), t.b(), CountsCommand.formatCount(Math.round(t.count() * scale), scale),
                            value, t.note());
                }
                out.printf("out of vocabulary: A %s, B %s%n", s.outOfVocabularyA(), s.outOfVocabularyB());
            });
        }
    }
}
