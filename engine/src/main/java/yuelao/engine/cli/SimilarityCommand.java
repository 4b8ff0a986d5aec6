package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yuelao.engine.api.VectorQueries;
import yuelao.engine.query.WordVectors;

/** {@code yuelao similarity VECTORS W1 W2}. */
@Command(name = "similarity", header = "Cosine, inner product and profile correlation of two words.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Cosine and inner product (the PMI estimate) of two words; with --context-words K also the Pearson correlation of their PMI profiles.")
public final class SimilarityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory.")
    Path vectors;

    @Parameters(index = "1", paramLabel = "W1")
    String w1;

    @Parameters(index = "2", paramLabel = "W2")
    String w2;

    @Option(names = "--context-words", defaultValue = "0", paramLabel = "K", description = "Also the profile correlation over the K most frequent words (0 = no).")
    int contextWords;

    @Mixin
    CaseOption caseOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VectorArgs.requireNonNegative("--context-words", contextWords, "0 = no profile correlation");
        try (VectorQueries q = caseOption.open(vectors)) {
            return json.answer(out, () -> q.similarity(w1, w2, contextWords), s -> {
                for (WordVectors.Lookup l : q.lookup(s.composed() == null ? List.of() : s.composed())) {
                    out.println(l.note());
                }
                out.printf(Locale.ROOT, "cosine(%s, %s) = %.4f%n", w1, w2, s.cosine());
                out.printf(Locale.ROOT, "inner product (PMI estimate) = %.4f%n", s.dot());
                if (s.profileCorrelation() != null) {
                    out.printf(Locale.ROOT, "profile correlation over the %,d most frequent words = %.4f%n", s.contextWords(), s.profileCorrelation());
                }
            });
        }
    }
}
