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

/** {@code yuelao keywords STORE "TEXT"}. */
@Command(name = "keywords", header = "The words of a text ranked by their PMI with the rest of it.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Rank the distinct in-vocabulary words w of a text by sum_j PMI(w, t_j) over the text's other tokens t_j.")
public final class KeywordsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Parameters(index = "1", paramLabel = "TEXT")
    String text;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "How many keywords to show.")
    int top;

    @Option(names = "--unobserved", defaultValue = "skip", paramLabel = "skip|zero|smooth",
            description = "Unobserved pairs: left out (skip), counted as 0 (zero), or add-lambda smoothed (smooth; --smoothing, 1 if unset).")
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
        pmi.requireAdditive("keywords");
        VectorArgs.requirePositive("--top", top);
        PmiView.Unobserved policy = PmiView.Unobserved.parse(unobserved);
        PmiOptions options = pmi.options();
        try (PmiQueries q = PmiQueries.open(store, phrases.phrases)) {
            return json.answer(out, () -> q.keywords(text, top, policy, options), r -> {
                out.printf(Locale.ROOT, "keywords by sum of %s with the other tokens (%s; %s):%n", r.measure(), r.settings(), r.unobserved());
                int rank = 1;
                for (Answers.Keyword k : r.results()) {
                    out.printf(Locale.ROOT, "%3d  %-20s %10.4f  (%d observed pairs)%n", rank++, k.word(), k.score(), k.pairs());
                }
                if (!r.outOfVocabulary().isEmpty()) {
                    out.printf("out of vocabulary: %s%n", r.outOfVocabulary());
                }
            });
        }
    }
}
