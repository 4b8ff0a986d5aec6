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
import yuelao.engine.query.Nearest;
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (contextWords < 0) {
            throw new UserException("--context-words must be >= 0, not " + contextWords);
        }
        WordVectors wv = caseOption.open(vectors, 0);
        List<WordVectors.Lookup> ls = VectorArgs.lookup(wv, vectors, List.of(w1, w2), out);
        boolean composed = ls.get(0).composed() || ls.get(1).composed();
        WordVectors.PairSimilarity s = composed ? WordVectors.PairSimilarity.of(ls.get(0).vector(), ls.get(1).vector())
                : wv.similarity(ls.get(0).word(), ls.get(1).word());
        out.printf(Locale.ROOT, "cosine(%s, %s) = %.4f%n", w1, w2, s.cosine());
        out.printf(Locale.ROOT, "inner product (PMI estimate) = %.4f%n", s.dot());
        if (contextWords > 0) {
            int k = Math.min(contextWords, wv.size());
            out.printf(Locale.ROOT, "profile correlation over the %,d most frequent words = %.4f%n", k,
                    composed ? Nearest.profileCorrelation(wv, ls.get(0).vector(), ls.get(1).vector(), k)
                            : Nearest.profileCorrelation(wv, wv.id(ls.get(0).word()).getAsInt(), wv.id(ls.get(1).word()).getAsInt(), k));
        }
        return 0;
    }
}
