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
            "--restrict-vocab most frequent words. With no --similarity/--analogy: every *.txt of the folder $YUELAO_EVAL_DIR."})
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

    @Option(names = "--method", defaultValue = "add", paramLabel = "add|add-raw|mul", description = "Analogy scoring (see 'analogy --help').")
    String method;

    @Option(names = "--keep-case", description = "Do not lower-case words.")
    boolean keepCase;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "T", description = "Threads for the analogy search (0 = all cores).")
    int threads;

    @Option(names = "--json", description = "One JSON line instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Analogy.Method m = Analogy.Method.parse(method);
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
        List<Evaluation.AnalogyScore> anaScores = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Path p : anas) {
            anaScores.add(Evaluation.analogy(wv, p, restrictVocab, m, keepCase, t));
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
        for (Evaluation.AnalogyScore a : anaScores) {
            out.printf(Locale.ROOT, "%-20s %s over the %,d most frequent words: %.2f%% (%d of %d answerable; %d questions, coverage %.1f%%)%n",
                    a.name(), a.method().id(), a.restrict(), 100 * a.accuracy(), a.correct(), a.answerable(), a.total(), 100 * a.coverage());
            for (Evaluation.Section s : a.sections()) {
                out.printf(Locale.ROOT, "    %-28s %6.2f%%  (%d of %d answerable, %d questions)%n", s.name(), 100 * s.accuracy(),
                        s.correct(), s.answerable(), s.total());
            }
            for (Evaluation.Section s : new Evaluation.Section[] {a.semantic(), a.syntactic()}) {
                if (s != null) {
                    out.printf(Locale.ROOT, "  %-30s %6.2f%%  (%d of %d answerable, %d questions)%n", s.name(), 100 * s.accuracy(),
                            s.correct(), s.answerable(), s.total());
                }
            }
        }
        if (!anaScores.isEmpty()) {
            out.printf(Locale.ROOT, "analogy search: %.2f s on %d threads%n", seconds, t);
        }
        return 0;
    }

    private static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new UserException(p + ": no such file");
        }
    }
}
