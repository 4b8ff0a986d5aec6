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
import yuelao.engine.query.Analogy;
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

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Analogy.Method m = Analogy.Method.parse(method);
        VectorArgs.requirePositive("--top", top);
        VectorArgs.requireNonNegative("--restrict-vocab", restrictVocab, "0 = all words");
        try (VectorQueries q = caseOption.open(vectors)) {
            return json.answer(out, () -> q.analogy(a, b, c, m, top, restrictVocab), r -> {
                for (WordVectors.Lookup l : q.lookup(r.composed() == null ? List.of() : r.composed())) {
                    out.println(l.note());
                }
                out.printf(Locale.ROOT, "%s : %s :: %s : ?  (%s, of %,d words)%n", a, b, c, m.id(), r.candidates());
                NearestCommand.print(out, r.results());
            });
        }
    }
}
