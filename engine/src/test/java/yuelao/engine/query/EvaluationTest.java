package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.cli.CliRuns.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.cli.CliRuns.Run;

/**
 * Analogy scoring ({@link Evaluation#analogy}) against a brute-force reference in double precision: 3CosAdd on unit
 * vectors and 3CosMul over the {@code restrict} most frequent words, a, b, c excluded, with answerable / total per
 * section, per semantic / syntactic part and in all. The table has planted analogies (y = x + offset of the section +
 * noise), so that both methods answer part of the questions and differ; some questions use words beyond the
 * restriction or outside the vocabulary and are not answerable.
 */
class EvaluationTest {
    private static final int WORDS = 300;
    private static final int DIM = 16;
    private static final int RESTRICT = 270;
    private static final String[] SECTIONS = {"capital-common", "family", "gram1-adjective-to-adverb", "gram3-comparative"};

    @TempDir
    static Path dir;
    static List<String> words;
    static float[] data;
    static Path questions;
    static Path vectorsDir;
    /** Per question: its section, and its four words' ids (-1 for a word outside the vocabulary). */
    static List<String> sectionOf = new ArrayList<>();
    static List<int[]> asked = new ArrayList<>();

    @BeforeAll
    static void plantAnalogies() throws Exception {
        Random rnd = new Random(19);
        words = new ArrayList<>();
        for (int i = 0; i < WORDS; i++) {
            words.add("w" + i);
        }
        data = new float[WORDS * DIM];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        // pairs (x, y) per section: y = x + offset + noise; ids shuffled so that some pairs straddle the restriction
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < WORDS; i++) {
            ids.add(i);
        }
        java.util.Collections.shuffle(ids, rnd);
        int pairsPerSection = WORDS / 2 / SECTIONS.length;
        StringBuilder file = new StringBuilder();
        int next = 0;
        for (String section : SECTIONS) {
            double[] offset = new double[DIM];
            for (int k = 0; k < DIM; k++) {
                offset[k] = 1.5 * rnd.nextGaussian();
            }
            int[][] pairs = new int[pairsPerSection][];
            for (int p = 0; p < pairsPerSection; p++) {
                int x = ids.get(next++);
                int y = ids.get(next++);
                for (int k = 0; k < DIM; k++) {
                    data[y * DIM + k] = (float) (data[x * DIM + k] + offset[k] + 0.9 * rnd.nextGaussian());
                }
                pairs[p] = new int[] {x, y};
            }
            file.append(": ").append(section).append('\n');
            for (int q = 0; q < 60; q++) {
                int[] a = pairs[rnd.nextInt(pairsPerSection)];
                int[] c = pairs[rnd.nextInt(pairsPerSection)];
                if (a == c) {
                    continue;
                }
                boolean unknown = q % 17 == 0; // a word outside the vocabulary: never answerable
                String d = unknown ? "zebra" : "W" + c[1]; // upper case: the evaluation folds case
                file.append("w").append(a[0]).append(" w").append(a[1]).append(" w").append(c[0]).append(' ').append(d).append('\n');
                sectionOf.add(section);
                asked.add(new int[] {a[0], a[1], c[0], unknown ? -1 : c[1]});
            }
        }
        questions = dir.resolve("questions.txt");
        Files.writeString(questions, file.toString());
    }

    /** The reference: each method's answer (an id) to one answerable question, in double precision, checked for near ties. */
    private static int[] reference(int[] q) {
        double[][] u = new double[RESTRICT][DIM];
        for (int w = 0; w < RESTRICT; w++) {
            double n = 0;
            for (int k = 0; k < DIM; k++) {
                n += (double) data[w * DIM + k] * data[w * DIM + k];
            }
            for (int k = 0; k < DIM; k++) {
                u[w][k] = data[w * DIM + k] / Math.sqrt(n);
            }
        }
        double[] bestScore = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] second = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int[] best = {-1, -1};
        for (int w = 0; w < RESTRICT; w++) {
            if (w == q[0] || w == q[1] || w == q[2]) {
                continue;
            }
            double add = 0;
            double ca = 0;
            double cb = 0;
            double cc = 0;
            for (int k = 0; k < DIM; k++) {
                add += (u[q[1]][k] - u[q[0]][k] + u[q[2]][k]) * u[w][k];
                ca += u[q[0]][k] * u[w][k];
                cb += u[q[1]][k] * u[w][k];
                cc += u[q[2]][k] * u[w][k];
            }
            // 3CosMul (Levy and Goldberg 2014) with cosines shifted to [0, 1]
            double mul = ((cb + 1) / 2) * ((cc + 1) / 2) / ((ca + 1) / 2 + 0.001);
            double[] s = {add, mul};
            for (int m = 0; m < 2; m++) {
                if (s[m] > bestScore[m]) {
                    second[m] = bestScore[m];
                    bestScore[m] = s[m];
                    best[m] = w;
                } else if (s[m] > second[m]) {
                    second[m] = s[m];
                }
            }
        }
        for (int m = 0; m < 2; m++) {
            assertTrue(bestScore[m] - second[m] > 1e-5, "a near tie would make float and double disagree: pick another seed");
        }
        return best;
    }

    /** Per section and in all: {correct by 3CosAdd, correct by 3CosMul, answerable, total}. */
    private static Map<String, int[]> expectedCounts() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            int[] q = asked.get(i);
            String s = sectionOf.get(i);
            String part = s.startsWith("gram") ? "syntactic" : "semantic";
            List<int[]> into = List.of(counts.computeIfAbsent(s, k -> new int[4]), counts.computeIfAbsent(part, k -> new int[4]),
                    counts.computeIfAbsent("all", k -> new int[4]));
            boolean answerable = q[3] >= 0 && q[0] < RESTRICT && q[1] < RESTRICT && q[2] < RESTRICT && q[3] < RESTRICT;
            int[] answer = answerable ? reference(q) : null;
            for (int[] c : into) {
                c[3]++;
                if (answerable) {
                    c[2]++;
                    c[0] += answer[0] == q[3] ? 1 : 0;
                    c[1] += answer[1] == q[3] ? 1 : 0;
                }
            }
        }
        return counts;
    }

    @Test
    void addAndMulMatchTheBruteForceReferenceWithCoverage() throws Exception {
        WordVectors wv = WordVectors.of(words, data, DIM);
        Map<String, int[]> expected = expectedCounts();
        int[] all = expected.get("all");
        assertTrue(all[2] < all[3] && all[2] > 50, "some questions are not answerable, most are: " + all[2] + " of " + all[3]);
        assertTrue(all[0] > 0 && all[0] < all[2] && all[1] > 0 && all[1] < all[2], "both methods answer part of the questions");
        assertNotEquals(all[0], all[1], "the planted set separates the two methods");
        for (int threads : new int[] {1, 3}) {
            List<Evaluation.AnalogyScore> byMethod = Evaluation.analogy(wv, questions, RESTRICT,
                    List.of(Analogy.Method.ADD, Analogy.Method.MUL), false, threads);
            assertEquals(2, byMethod.size());
            for (int m = 0; m < 2; m++) {
                Evaluation.AnalogyScore a = byMethod.get(m);
                assertEquals(m == 0 ? Analogy.Method.ADD : Analogy.Method.MUL, a.method());
                assertEquals(RESTRICT, a.restrict());
                assertCounts(all, m, a.correct(), a.answerable(), a.total());
                assertEquals((double) all[2] / all[3], a.coverage(), 1e-12);
                assertEquals((double) all[m] / all[2], a.accuracy(), 1e-12);
                assertCounts(expected.get("semantic"), m, a.semantic().correct(), a.semantic().answerable(), a.semantic().total());
                assertCounts(expected.get("syntactic"), m, a.syntactic().correct(), a.syntactic().answerable(), a.syntactic().total());
                assertEquals(SECTIONS.length, a.sections().size());
                for (Evaluation.Section s : a.sections()) {
                    assertCounts(expected.get(s.name()), m, s.correct(), s.answerable(), s.total());
                    assertEquals(s.total() == 0 ? 0 : (double) s.answerable() / s.total(), s.coverage(), 1e-12);
                }
            }
            // one method alone scores as it does beside the other
            Evaluation.AnalogyScore mulAlone = Evaluation.analogy(wv, questions, RESTRICT, Analogy.Method.MUL, false, threads);
            assertEquals(byMethod.get(1), mulAlone);
        }
    }

    private static void assertCounts(int[] expected, int method, int correct, int answerable, int total) {
        assertEquals(expected[method], correct, "correct");
        assertEquals(expected[2], answerable, "answerable");
        assertEquals(expected[3], total, "total");
    }

    @Test
    void evalVerbShowsBothMethodsAndCoverageInTheTableAndTheJson() throws Exception {
        Path corpus = dir.resolve("c.txt");
        // a vectors directory with the planted table: import it from word2vec text
        StringBuilder txt = new StringBuilder(WORDS + " " + DIM + "\n");
        for (int w = 0; w < WORDS; w++) {
            txt.append(words.get(w));
            for (int k = 0; k < DIM; k++) {
                txt.append(' ').append(data[w * DIM + k]);
            }
            txt.append('\n');
        }
        Files.writeString(corpus, txt.toString());
        Path vec = dir.resolve("vec");
        Run imp = run("import", corpus.toString(), "--out", vec.toString());
        assertEquals(0, imp.code(), imp.err());
        Map<String, int[]> expected = expectedCounts();
        int[] all = expected.get("all");

        Run json = run("eval", vec.toString(), "--analogy", questions.toString(), "--restrict-vocab", String.valueOf(RESTRICT), "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode q = new ObjectMapper().readTree(json.out()).get("questions");
        assertEquals("add", q.get("method").asText());
        assertEquals(all[0], q.get("correct").asInt());
        assertEquals(all[2], q.get("answerable").asInt());
        assertEquals(all[3], q.get("total").asInt());
        assertEquals((double) all[2] / all[3], q.get("coverage").asDouble(), 1e-4);
        assertEquals(all[1], q.get("mul").get("correct").asInt());
        assertEquals((double) all[1] / all[2], q.get("mul").get("acc").asDouble(), 1e-4);
        assertEquals(expected.get("syntactic")[1], q.get("mul").get("syn_correct").asInt());
        assertEquals(expected.get("semantic")[0], q.get("sem_correct").asInt());
        for (String s : SECTIONS) {
            JsonNode sec = q.get("sections").get(s);
            assertEquals(expected.get(s)[0], sec.get("correct").asInt(), s);
            assertEquals(expected.get(s)[1], sec.get("mul_correct").asInt(), s);
            assertEquals(expected.get(s)[2], sec.get("answerable").asInt(), s);
        }

        Run table = run("eval", vec.toString(), "--analogy", questions.toString(), "--restrict-vocab", String.valueOf(RESTRICT));
        assertEquals(0, table.code(), table.err());
        String allRow = table.out().lines().filter(l -> l.strip().startsWith("all ")).findFirst().orElseThrow(() -> new AssertionError(table.out()));
        assertTrue(allRow.contains(String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * all[0] / all[2]))
                && allRow.contains(String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * all[1] / all[2]))
                && allRow.contains(all[2] + " of " + all[3]), table.out());

        Run mulOnly = run("eval", vec.toString(), "--analogy", questions.toString(), "--restrict-vocab", String.valueOf(RESTRICT), "--method",
                "mul", "--json");
        assertEquals(all[1], new ObjectMapper().readTree(mulOnly.out()).get("questions").get("correct").asInt());
        yuelao.engine.cli.CliRuns.assertOneLineError(run("eval", vec.toString(), "--analogy", questions.toString(), "--method", "add,add"),
                "add", "twice");
    }
}
