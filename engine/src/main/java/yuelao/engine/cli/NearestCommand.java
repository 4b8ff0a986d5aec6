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
import yuelao.engine.query.Mode;
import yuelao.engine.query.Nearest;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.WordVectors;

/** {@code yuelao nearest VECTORS WORD}. */
@Command(name = "nearest", header = "The nearest words of a word.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"The nearest words of WORD (exact search; WORD itself left out).",
            "cosine: cos(v_a, v_w); relatedness: <v_a, v_w> (the PMI estimate); similarity: Pearson correlation of the PMI profiles over the K most frequent words."})
public final class NearestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory (yuelao train --out).")
    Path vectors;

    @Parameters(index = "1", paramLabel = "WORD")
    String word;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "How many neighbours.")
    int top;

    @Option(names = "--mode", defaultValue = "cosine", paramLabel = "cosine|relatedness|similarity", description = "The measure.")
    String mode;

    @Option(names = "--context-words", defaultValue = "100000", paramLabel = "K",
            description = "similarity: the K most frequent words form the profile (capped at the vocabulary size).")
    int contextWords;

    @Mixin
    CaseOption caseOption;

    @Option(names = "--restrict-vocab", defaultValue = "0", paramLabel = "N", description = "Search only the N most frequent words (0 = all).")
    int restrictVocab;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Mode m = Mode.parse(mode);
        VectorArgs.requirePositive("--top", top);
        VectorArgs.requirePositive("--context-words", contextWords);
        WordVectors wv = caseOption.open(vectors, restrictVocab);
        WordVectors.Lookup l = VectorArgs.lookup(wv, vectors, List.of(word), out).get(0);
        List<Neighbor> hits = l.composed() ? Nearest.ofVector(wv, l.vector(), top, m, contextWords, new int[0])
                : Nearest.of(wv, l.word(), top, m, contextWords).orElseThrow();
        String how = m == Mode.SIMILARITY ? "similarity over the " + Math.min(contextWords, wv.size()) + " most frequent words" : m.id();
        out.printf(Locale.ROOT, "nearest to '%s' by %s (of %,d words):%n", word, how, wv.searchLimit());
        print(out, hits);
        return 0;
    }

    static void print(PrintWriter out, List<Neighbor> hits) {
        int rank = 1;
        for (Neighbor n : hits) {
            out.printf(Locale.ROOT, "%3d  %-24s %9.4f%n", rank++, n.word(), n.score());
        }
    }
}
