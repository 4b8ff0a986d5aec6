package yuelao.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import yuelao.engine.query.Analogy;
import yuelao.engine.query.Evaluation;
import yuelao.engine.query.WordVectors;
import yuelao.engine.train.Evaluator;

/** Evaluation during training ({@code train}, {@code run}): similarity and analogy sets scored as {@code eval} scores them. */
public final class EvalOptions {
    @ArgGroup(validate = false, heading = "%nEvaluation while training:%n", order = 50)
    Sets sets = new Sets();

    static final class Sets {
        @Option(names = "--eval-similarity", arity = "1..*", paramLabel = "FILE",
                description = "Word-similarity sets (word1 word2 score) scored after each epoch (pmi) or at the end: Spearman rho of cosine.")
        List<Path> similarity = new ArrayList<>();

        @Option(names = "--eval-analogy", arity = "1..*", paramLabel = "FILE",
                description = "Analogy sets (word2vec questions-words format) scored the same way: 3CosAdd and 3CosMul over the 30,000 most frequent words, question words excluded, with the coverage.")
        List<Path> analogy = new ArrayList<>();
    }

    /** The evaluation files (inputs of the command). */
    List<Path> files() {
        List<Path> all = new ArrayList<>(sets.similarity);
        all.addAll(sets.analogy);
        return all;
    }

    /** The evaluator of the --eval-* files, or null when none is given; a missing file fails now, before any work. */
    Evaluator evaluator(int threads) {
        if (files().isEmpty()) {
            return null;
        }
        for (Path f : files()) {
            if (!Files.isRegularFile(f)) {
                throw new UserException(f + ": no such evaluation file");
            }
        }
        List<Path> similarity = sets.similarity;
        List<Path> analogy = sets.analogy;
        return (vocabulary, vectors, dim) -> {
            WordVectors wv = WordVectors.of(List.of(vocabulary.words()), vectors, dim);
            StringBuilder sb = new StringBuilder();
            for (Path p : similarity) {
                var s = Evaluation.similarity(wv, p, false);
                sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f", s.name(), s.rho()));
            }
            for (Path p : analogy) {
                List<Evaluation.AnalogyScore> byMethod = Evaluation.analogy(wv, p, 30_000, List.of(Analogy.Method.ADD, Analogy.Method.MUL), false,
                        threads);
                Evaluation.AnalogyScore add = byMethod.get(0);
                sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f%% 3CosAdd, %.1f%% 3CosMul (%d of %d answerable)",
                        add.name(), 100 * add.accuracy(), 100 * byMethod.get(1).accuracy(), add.answerable(), add.total()));
            }
            return sb.toString();
        };
    }
}
