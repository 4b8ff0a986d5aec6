package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yuelao.engine.api.Answers;
import yuelao.engine.api.VectorQueries;

/** {@code yuelao doesnt-match VECTORS W1 W2 W3 ...}. */
@Command(name = "doesnt-match", header = "The word least like the others.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "The word least like the others: lowest cosine to the mean of all the words' unit vectors (gensim's doesnt_match).")
public final class DoesntMatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory.")
    Path vectors;

    @Parameters(index = "1..*", arity = "2..*", paramLabel = "WORD", description = "Two or more words.")
    List<String> words;

    @Mixin
    CaseOption caseOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (VectorQueries q = caseOption.open(vectors)) {
            return json.answer(out, () -> q.doesntMatch(words), r -> {
                out.printf("doesn't match: %s%n", r.odd());
                for (Answers.Scored n : r.cosines()) {
                    out.printf(Locale.ROOT, "     %-24s cosine to the mean %8.4f%n", n.word(), n.score());
                }
            });
        }
    }
}
