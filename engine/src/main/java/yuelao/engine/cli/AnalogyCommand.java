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
import yuelao.engine.query.Analogy;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.WordVectors;

/** {@code yuelao analogy VECTORS A B C}. */
@Command(name = "analogy", header = "A is to B as C is to ?", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"A is to B as C is to ? (A, B and C are never answers).",
            "add: cos(u_b - u_a + u_c, u_w) on unit vectors (as gensim and the evaluator); add-raw: cos(v_b + v_c - v_a, v_w) on raw vectors (the seed code);",
            "mul: 3CosMul, cos'(w,b) cos'(w,c) / (cos'(w,a) + 0.001) with cos' = (cos + 1) / 2."})
public final class AnalogyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory.")
    Path vectors;

    @Parameters(index = "1", paramLabel = "A")
    String a;

    @Parameters(index = "2", paramLabel = "B")
    String b;

    @Parameters(index = "3", paramLabel = "C")
    String c;

    @Option(names = "--method", defaultValue = "add", paramLabel = "add|add-raw|mul", description = "Scoring.")
    String method;

    @Option(names = "--top", defaultValue = "1", paramLabel = "N", description = "How many answers.")
    int top;

    @Mixin
    CaseOption caseOption;

    @Option(names = "--restrict-vocab", defaultValue = "0", paramLabel = "N", description = "Search only the N most frequent words (0 = all).")
    int restrictVocab;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Analogy.Method m = Analogy.Method.parse(method);
        VectorArgs.requirePositive("--top", top);
        WordVectors wv = caseOption.open(vectors, restrictVocab);
        List<WordVectors.Lookup> ls = VectorArgs.lookup(wv, vectors, List.of(a, b, c), out);
        List<Neighbor> hits = ls.stream().anyMatch(WordVectors.Lookup::composed)
                ? Analogy.solve(wv, ls.get(0).vector(), ls.get(1).vector(), ls.get(2).vector(), VectorArgs.ids(wv, ls), m, top)
                : Analogy.solve(wv, ls.get(0).word(), ls.get(1).word(), ls.get(2).word(), m, top).orElseThrow();
        out.printf(Locale.ROOT, "%s : %s :: %s : ?  (%s, of %,d words)%n", a, b, c, m.id(), wv.searchLimit());
        NearestCommand.print(out, hits);
        return 0;
    }
}
