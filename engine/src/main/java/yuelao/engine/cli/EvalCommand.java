package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yuelao.engine.query.Analogy;
import yuelao.engine.query.Evaluation;
import yuelao.engine.query.WordVectors;

/** {@code yuelao eval VECTORS}. */
@Command(name = "eval", header = "Word-similarity and analogy scores of vectors.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Word-similarity (Spearman rho of cosine vs gold, OOV pairs skipped) and analogy accuracy (a, b, c excluded, top-1).",
            "The protocol of docs/method.md section 6 (the reference evaluator's and gensim's): words lower-cased, analogies over the " +
            "--restrict-vocab most frequent words, 3CosAdd and 3CosMul side by side on the same answerable questions, each accuracy " +
            "with its coverage (answerable / total). With no --similarity/--analogy: every *.txt of the folder $YUELAO_EVAL_DIR."})
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory.")
    Path vectors;

    @Option(names = "--similarity", paramLabel = "FILE", description = "A word-pair file: w1<TAB>w2<TAB>score (repeatable).")
    List<Path> similarity = new ArrayList<>();

    @Option(names = "--analogy", paramLabel = "FILE", description = "An analogy file in questions-words.txt layout (repeatable).")
    List<Path> analogy = new ArrayList<>();

    @Option(names = "--restrict-vocab", defaultValue = "30000", paramLabel = "N", description = "Analogy candidates and answerable words: the N most frequent (0 = all).")
    int restrictVocab;

    @Option(names = "--method", defaultValue = "add,mul", split = ",", paramLabel = "add|add-raw|mul",
            description = "Analogy scoring, one or more comma-separated (see 'analogy --help'); the first fills the reference evaluator's JSON keys.")
    List<String> method = new ArrayList<>();

    @Option(names = "--keep-case", description = "Do not lower-case words.")
    boolean keepCase;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "T", description = "Threads for the analogy search (0 = all cores).")
    int threads;

    @Option(names = "--json", description = "One JSON line instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Analogy.Method> methods = new ArrayList<>();
        for (String m : method) {
            Analogy.Method parsed = Analogy.Method.parse(m);
            if (methods.contains(parsed)) {
                throw new UserException("--method names " + parsed.id() + " twice");
            }
            methods.add(parsed);
        }
        if (restrictVocab < 0) {
            throw new UserException("--restrict-vocab must be >= 0 (0 = all words), not " + restrictVocab);
        }
        List<Path> sims = new ArrayList<>(similarity);
        List<Path> anas = new ArrayList<>(analogy);
        if (sims.isEmpty() && anas.isEmpty()) {
            Path dir = Evaluation.defaultEvalDir();
            if (dir == null) {
                throw new UserException("no evaluation files: pass --similarity FILE and/or --analogy FILE, or set YUELAO_EVAL_DIR"
                        + " to a folder of them");
            }
            for (Path p : Evaluation.filesIn(dir)) {
                (Evaluation.isAnalogyFile(p) ? anas : sims).add(p);
            }
            if (sims.isEmpty() && anas.isEmpty()) {
                throw new UserException(dir + ": no *.txt evaluation files in it");
            }
        }
        for (Path p : sims) {
            requireFile(p);
        }
        for (Path p : anas) {
            requireFile(p);
        }
        WordVectors wv = WordVectors.open(vectors);
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<Evaluation.SimilarityScore> simScores = new ArrayList<>();
        for (Path p : sims) {
            simScores.add(Evaluation.similarity(wv, p, keepCase));
        }
        List<List<Evaluation.AnalogyScore>> anaScores = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Path p : anas) {
            anaScores.add(Evaluation.analogy(wv, p, restrictVocab, methods, keepCase, t));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            out.println(Evaluation.toJson(vectors.toString(), wv.size(), wv.dim(), simScores, anaScores));
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %,d words x %d%n", vectors, wv.size(), wv.dim());
        for (Evaluation.SimilarityScore s : simScores) {
            out.printf(Locale.ROOT, "%-20s Spearman rho %s   pairs %d of %d%n", s.name(),
                    Double.isNaN(s.rho()) ? "   n/a" : String.format(Locale.ROOT, "%6.4f", s.rho()), s.covered(), s.total());
        }
        for (List<Evaluation.AnalogyScore> byMethod : anaScores) {
            printAnalogy(out, byMethod);
        }
        if (!anaScores.isEmpty()) {
            out.printf(Locale.ROOT, "analogy search: %.2f s on %d threads%n", seconds, t);
        }
        return 0;
    }

    /**
     * One analogy file: a header, then one row per section, the semantic and syntactic parts and the whole set, each
     * with every method's accuracy side by side and the coverage they share.
     */
    private static void printAnalogy(PrintWriter out, List<Evaluation.AnalogyScore> byMethod) {
        Evaluation.AnalogyScore a = byMethod.get(0);
        out.printf(Locale.ROOT, "%s over the %,d most frequent words: %,d of %,d questions answerable (coverage %.1f%%)%n", a.name(),
                a.restrict(), a.answerable(), a.total(), 100 * a.coverage());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "    %-30s", "section"));
        for (Evaluation.AnalogyScore m : byMethod) {
            head.append(String.format(Locale.ROOT, " %9s", m.method().id()));
        }
        out.println(head.append("   answerable of questions (coverage)"));
        for (int i = 0; i < a.sections().size(); i++) {
            int k = i;
            printRow(out, "    ", byMethod.stream().map(m -> m.sections().get(k)).toList());
        }
        if (a.semantic() != null) {
            printRow(out, "  ", byMethod.stream().map(Evaluation.AnalogyScore::semantic).toList());
            printRow(out, "  ", byMethod.stream().map(Evaluation.AnalogyScore::syntactic).toList());
        }
        printRow(out, "  ", byMethod.stream().map(m -> new Evaluation.Section("all", m.correct(), m.answerable(), m.total())).toList());
    }

    /** One row: the part's name, each method's accuracy, then answerable of total and the coverage (the same for every method). */
    private static void printRow(PrintWriter out, String indent, List<Evaluation.Section> byMethod) {
        Evaluation.Section s = byMethod.get(0);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%s%-" + (34 - indent.length()) + "s", indent, s.name()));
        for (Evaluation.Section m : byMethod) {
            row.append(String.format(Locale.ROOT, " %8.2f%%", 100 * m.accuracy()));
        }
        out.println(row.append(String.format(Locale.ROOT, "   %,d of %,d (%.1f%%)", s.answerable(), s.total(), 100 * s.coverage())));
    }

    private static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new UserException(p + ": no such file");
        }
    }
}
