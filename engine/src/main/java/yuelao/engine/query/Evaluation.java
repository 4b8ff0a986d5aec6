package yuelao.engine.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/**
 * Intrinsic evaluation of a {@link WordVectors} (docs/method.md section 6), following the protocol of the reference
 * evaluator {@code shared/tools/eval_vectors.py} so that both give the same numbers on the same vectors:
 *
 * <ul>
 *   <li>Words are lower-cased on look-up, the vectors' words too, the most frequent casing winning
 *       ({@link WordVectors#caseInsensitive()}); {@code keepCase} turns that off.
 *   <li>Similarity file: {@code w1<TAB>w2<TAB>score} (whitespace also accepted), lines with fewer than three
 *       fields ignored. Spearman rho ({@link Spearman}, ties averaged) between cosine and the gold score over the
 *       pairs whose two words both have vectors; {@code covered} of {@code total} pairs; rho is NaN (JSON null)
 *       below three pairs or without variance. Unlike gensim's {@code evaluate_word_pairs}, the similarity
 *       pairs are not restricted to the top 300,000 words (irrelevant below that size) and lines starting with
 *       '#' are not skipped (the shared sets have none).
 *   <li>Analogy file ({@code questions-words.txt} layout): 3CosAdd on unit vectors, 3CosMul or both, over the
 *       {@code restrict} most frequent words (after case folding), a, b, c excluded, top-1 must equal d. A
 *       question is answerable when its four words are all among those words; accuracy = correct / answerable,
 *       coverage = answerable / total, also per section, and semantic / syntactic (sections named {@code gram*})
 *       when both occur. gensim's {@code evaluate_word_analogies} uses the same rule and also counts over
 *       answerable questions. Several methods are scored on the same answerable questions, so their accuracies
 *       compare directly.
 * </ul>
 * Ties in the top-1 go to the lower id, as numpy's argmax does; scores are float32 sums in another order than
 * numpy's, so a near-tie can, rarely, resolve differently.
 */
public final class Evaluation {
    private Evaluation() {}

    /** Spearman rho of one similarity set. */
    public record SimilarityScore(String name, double rho, int covered, int total) {}

    /** Accuracy of one section of an analogy set. */
    public record Section(String name, int correct, int answerable, int total) {
        public double accuracy() {
            return answerable == 0 ? 0 : (double) correct / answerable;
        }

        /** answerable / total (0 for an empty section). */
        public double coverage() {
            return total == 0 ? 0 : (double) answerable / total;
        }
    }

    /** Accuracy of one analogy set: total, per section, and semantic / syntactic when both kinds occur. */
    public record AnalogyScore(String name, Analogy.Method method, int restrict, int correct, int answerable, int total,
            List<Section> sections, Section semantic, Section syntactic) {
        public double accuracy() {
            return answerable == 0 ? 0 : (double) correct / answerable;
        }

        public double coverage() {
            return total == 0 ? 0 : (double) answerable / total;
        }
    }

    /** The name of an evaluation file: its base name up to the first dot (the reference evaluator's key). */
    public static String name(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    public static SimilarityScore similarity(WordVectors vectors, Path file, boolean keepCase) throws IOException {
        WordVectors wv = keepCase ? vectors : vectors.caseInsensitive();
        List<Double> gold = new ArrayList<>();
        List<Double> pred = new ArrayList<>();
        int total = 0;
        int lineNo = 0;
        for (String line : lines(file)) {
            lineNo++;
            String[] p = line.indexOf('\t') >= 0 ? line.strip().split("\t") : line.strip().split("\\s+");
            if (p.length < 3) {
                continue;
            }
            total++;
            double score;
            try {
                score = Double.parseDouble(p[2].strip());
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + lineNo + ": the score '" + p[2].strip() + "' is not a number");
            }
            OptionalInt a = wv.id(p[0].strip());
            OptionalInt b = wv.id(p[1].strip());
            if (a.isPresent() && b.isPresent()) {
                gold.add(score);
                pred.add(wv.cosine(a.getAsInt(), b.getAsInt()));
            }
        }
        double rho = Spearman.rho(pred.stream().mapToDouble(Double::doubleValue).toArray(),
                gold.stream().mapToDouble(Double::doubleValue).toArray());
        return new SimilarityScore(name(file), rho, gold.size(), total);
    }

    /**
     * Analogy accuracy, searched among the {@code restrict} most frequent words (all if restrict <= 0) with
     * {@code threads} threads.
     */
    public static AnalogyScore analogy(WordVectors vectors, Path file, int restrict, Analogy.Method method, boolean keepCase,
            int threads) throws IOException {
        return analogy(vectors, file, restrict, List.of(method), keepCase, threads).get(0);
    }

    /**
     * The same analogy set scored by each of {@code methods} (in that order) on the same answerable questions: the
     * file is read and its words looked up once.
     *
     * @throws IllegalArgumentException if {@code methods} is empty
     */
    public static List<AnalogyScore> analogy(WordVectors vectors, Path file, int restrict, List<Analogy.Method> methods, boolean keepCase,
            int threads) throws IOException {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no analogy method");
        }
        WordVectors wv = (keepCase ? vectors : vectors.caseInsensitive()).restrict(restrict);
        int limit = wv.searchLimit();
        List<String> sectionOf = new ArrayList<>();
        List<String[]> questions = new ArrayList<>();
        String section = "";
        for (String line : lines(file)) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith(":")) {
                section = s.substring(1).strip();
                continue;
            }
            String[] q = (keepCase ? s : s.toLowerCase(Locale.ROOT)).split("\\s+");
            if (q.length == 4) {
                questions.add(q);
                sectionOf.add(section);
            }
        }
        List<int[]> ok = new ArrayList<>();
        List<Integer> okIndex = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            int[] ids = new int[4];
            boolean all = true;
            for (int j = 0; j < 4 && all; j++) {
                OptionalInt id = wv.id(questions.get(i)[j]);
                all = id.isPresent() && id.getAsInt() < limit;
                ids[j] = all ? id.getAsInt() : -1;
            }
            if (all) {
                ok.add(ids);
                okIndex.add(i);
            }
        }
        int[][] asked = ok.toArray(new int[0][]);
        List<AnalogyScore> out = new ArrayList<>();
        for (Analogy.Method method : methods) {
            out.add(score(name(file), method, limit, Analogy.best(wv, asked, method, threads), asked, okIndex, questions.size(), sectionOf));
        }
        return List.copyOf(out);
    }

    /** Counts of one method's answers {@code best} to the answerable questions {@code asked} (file positions {@code okIndex}). */
    private static AnalogyScore score(String name, Analogy.Method method, int limit, int[] best, int[][] asked, List<Integer> okIndex,
            int questionCount, List<String> sectionOf) {
        boolean[] answerable = new boolean[questionCount];
        boolean[] correct = new boolean[questionCount];
        for (int j = 0; j < asked.length; j++) {
            answerable[okIndex.get(j)] = true;
            correct[okIndex.get(j)] = best[j] == asked[j][3];
        }
        Map<String, int[]> bySection = new LinkedHashMap<>();
        int[] sem = new int[3];
        int[] syn = new int[3];
        int nCorrect = 0;
        for (int i = 0; i < questionCount; i++) {
            int[] c = bySection.computeIfAbsent(sectionOf.get(i), k -> new int[3]);
            int[] kind = sectionOf.get(i).startsWith("gram") ? syn : sem;
            for (int[] acc : new int[][] {c, kind}) {
                acc[0] += correct[i] ? 1 : 0;
                acc[1] += answerable[i] ? 1 : 0;
                acc[2]++;
            }
            nCorrect += correct[i] ? 1 : 0;
        }
        List<Section> sections = new ArrayList<>();
        bySection.forEach((k, c) -> sections.add(new Section(k, c[0], c[1], c[2])));
        boolean split = sem[2] > 0 && syn[2] > 0;
        return new AnalogyScore(name, method, limit, nCorrect, asked.length, questionCount, List.copyOf(sections),
                split ? new Section("semantic", sem[0], sem[1], sem[2]) : null,
                split ? new Section("syntactic", syn[0], syn[1], syn[2]) : null);
    }

    /** True if the file looks like an analogy set: its first non-empty line is ": section" or has four fields. */
    public static boolean isAnalogyFile(Path file) throws IOException {
        for (String line : lines(file)) {
            String s = line.strip();
            if (!s.isEmpty()) {
                return s.startsWith(":") || s.split("\\s+").length == 4;
            }
        }
        return false;
    }

    /** The folder named by $YUELAO_EVAL_DIR when it exists, else null: the sets {@code eval} scores by default. */
    public static Path defaultEvalDir() {
        String env = System.getenv("YUELAO_EVAL_DIR");
        if (env == null || env.isBlank()) {
            return null;
        }
        Path p = Path.of(env);
        return Files.isDirectory(p) ? p : null;
    }

    /** The *.txt and *.txt.gz files of a folder, sorted by name. */
    public static List<Path> filesIn(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".txt") || p.getFileName().toString().endsWith(".txt.gz"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * One JSON object with every score (keys as the reference evaluator's; NaN as null). Each element of {@code anas}
     * is one analogy file scored by one or more methods on the same questions: the first method's scores take the
     * reference evaluator's keys ({@code acc}, {@code correct}, {@code answerable}, {@code total}, {@code acc_all},
     * {@code sem_acc}, ...), with {@code coverage} = answerable / total beside them; every further method adds an
     * object under its id ({@code "mul": {"acc": ..., "correct": ..., "acc_all": ..., "sem_acc": ...}}) and, per
     * section, {@code "<id>_acc"} and {@code "<id>_correct"}.
     */
    public static String toJson(String vectors, int vocab, int dim, List<SimilarityScore> sims, List<List<AnalogyScore>> anas) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"vectors\": ").append(quote(vectors)).append(", \"vocab\": ").append(vocab).append(", \"dim\": ").append(dim);
        for (SimilarityScore s : sims) {
            sb.append(", ").append(quote(s.name())).append(": {\"rho\": ").append(num(s.rho(), 4)).append(", \"n\": ")
                    .append(s.covered()).append(", \"total\": ").append(s.total()).append('}');
        }
        for (List<AnalogyScore> byMethod : anas) {
            AnalogyScore a = byMethod.get(0);
            sb.append(", ").append(quote(a.name())).append(": {\"method\": ").append(quote(a.method().id()))
                    .append(", \"restrict\": ").append(a.restrict());
            appendCounts(sb, a, false);
            sb.append(", \"answerable\": ").append(a.answerable()).append(", \"total\": ").append(a.total())
                    .append(", \"coverage\": ").append(num(a.coverage(), 4));
            for (Section s : new Section[] {a.semantic(), a.syntactic()}) {
                if (s != null) {
                    String k = s.name().substring(0, 3);
                    sb.append(", \"").append(k).append("_answerable\": ").append(s.answerable()).append(", \"").append(k)
                            .append("_total\": ").append(s.total());
                }
            }
            for (AnalogyScore other : byMethod.subList(1, byMethod.size())) {
                sb.append(", ").append(quote(other.method().id())).append(": {");
                appendCounts(sb, other, true);
                sb.append('}');
            }
            sb.append(", \"sections\": {");
            for (int i = 0; i < a.sections().size(); i++) {
                Section s = a.sections().get(i);
                sb.append(i > 0 ? ", " : "").append(quote(s.name())).append(": {\"acc\": ").append(num(s.accuracy(), 4))
                        .append(", \"correct\": ").append(s.correct());
                for (AnalogyScore other : byMethod.subList(1, byMethod.size())) {
                    Section o = other.sections().get(i);
                    String k = other.method().id().replace('-', '_');
                    sb.append(", \"").append(k).append("_acc\": ").append(num(o.accuracy(), 4)).append(", \"").append(k)
                            .append("_correct\": ").append(o.correct());
                }
                sb.append(", \"answerable\": ").append(s.answerable()).append(", \"total\": ").append(s.total())
                        .append(", \"coverage\": ").append(num(s.coverage(), 4)).append('}');
            }
            sb.append("}}");
        }
        return sb.append('}').toString();
    }

    /** "acc", "correct", "acc_all" and the semantic / syntactic accuracies; {@code first}: no comma before them. */
    private static void appendCounts(StringBuilder sb, AnalogyScore a, boolean first) {
        sb.append(first ? "" : ", ").append("\"acc\": ").append(num(a.accuracy(), 4)).append(", \"correct\": ").append(a.correct())
                .append(", \"acc_all\": ").append(num(a.total() == 0 ? 0 : (double) a.correct() / a.total(), 4));
        for (Section s : new Section[] {a.semantic(), a.syntactic()}) {
            if (s != null) {
                sb.append(", \"").append(s.name(), 0, 3).append("_acc\": ").append(num(s.accuracy(), 4)).append(", \"")
                        .append(s.name(), 0, 3).append("_correct\": ").append(s.correct());
            }
        }
    }

    private static String num(double x, int places) {
        if (!Double.isFinite(x)) {
            return "null";
        }
        return new java.math.BigDecimal(x).setScale(places, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The lines of a UTF-8 (optionally gzipped) file, malformed bytes replaced. */
    static List<String> lines(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var in = Files.newInputStream(file);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, decoder))) {
            return r.lines().toList();
        }
    }
}
