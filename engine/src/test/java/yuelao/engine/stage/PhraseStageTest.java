package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import yuelao.core.AnalyzerSpec;
import yuelao.engine.pmi.PhraseScoring;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;

/**
 * Phrase detection against a brute-force reference on random corpora: the passes recomputed from the raw text with
 * lists and hash maps (join the phrases found so far, count words and adjacent bigrams within lines, score, keep those
 * above the threshold), and the table byte for byte the same for any thread count and memory budget.
 */
class PhraseStageTest {
    @TempDir
    Path dir;

    /** Random lines over Zipf-distributed words, with a few planted two- and three-word expressions. */
    static String corpus(Random rnd, int lines) {
        String[][] planted = {{"new", "york"}, {"new", "york", "times"}, {"hong", "kong"}, {"per", "se"}, {"de", "facto", "standard"}};
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            for (int k = rnd.nextInt(25); k > 0; k--) {
                if (rnd.nextInt(12) == 0) {
                    sb.append(String.join(" ", planted[rnd.nextInt(planted.length)]));
                } else {
                    int r = (int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(120)));
                    sb.append('w').append(r);
                }
                sb.append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    record Found(List<String> tokens, int pass, long count, double score) {}

    static List<String> join(List<String> doc, Set<List<String>> phrases, int longest) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < doc.size()) {
            int take = 1;
            for (int k = Math.min(longest, doc.size() - i); k >= 2; k--) {
                if (phrases.contains(doc.subList(i, i + k))) {
                    take = k;
                    break;
                }
            }
            out.add(String.join("_", doc.subList(i, i + take)));
            i += take;
        }
        return out;
    }

    static Map<List<String>, Found> reference(String text, PhraseScoring scoring, double[] thresholds, long minCount, Double delta, int passes) {
        List<List<String>> docs = new ArrayList<>();
        for (String line : text.split("\n")) {
            List<String> d = new ArrayList<>();
            for (String t : line.trim().split(" +")) {
                if (!t.isEmpty()) {
                    d.add(t);
                }
            }
            docs.add(d);
        }
        Map<List<String>, Found> found = new HashMap<>();
        Map<String, List<String>> tokensOf = new HashMap<>();
        for (int p = 1; p <= passes; p++) {
            int longest = found.keySet().stream().mapToInt(List::size).max().orElse(0);
            Map<String, Long> uni = new HashMap<>();
            Map<List<String>, Long> bi = new HashMap<>();
            long n = 0;
            List<List<String>> joined = new ArrayList<>();
            for (List<String> d : docs) {
                List<String> j = join(d, found.keySet(), longest);
                joined.add(j);
                for (String t : j) {
                    uni.merge(t, 1L, Long::sum);
                    n++;
                }
            }
            for (List<String> j : joined) {
                for (int k = 0; k + 1 < j.size(); k++) {
                    if (uni.get(j.get(k)) >= minCount && uni.get(j.get(k + 1)) >= minCount) {
                        bi.merge(List.of(j.get(k), j.get(k + 1)), 1L, Long::sum);
                    }
                }
            }
            double threshold = thresholds[Math.min(p, thresholds.length) - 1];
            double d = delta != null ? delta : minCount;
            int added = 0;
            for (Map.Entry<List<String>, Long> e : bi.entrySet()) {
                long c = e.getValue();
                if (c < minCount) {
                    continue;
                }
                double fa = uni.get(e.getKey().get(0));
                double fb = uni.get(e.getKey().get(1));
                double score = scoring == PhraseScoring.WORD2PHRASE ? (c - d) / (fa * fb) * n
                        : Math.log(((double) c / n) / ((fa / n) * (fb / n))) / -Math.log((double) c / n);
                if (score > threshold) {
                    List<String> tokens = new ArrayList<>(tokensOf.getOrDefault(e.getKey().get(0), List.of(e.getKey().get(0))));
                    tokens.addAll(tokensOf.getOrDefault(e.getKey().get(1), List.of(e.getKey().get(1))));
                    if (!found.containsKey(tokens)) {
                        found.put(tokens, new Found(tokens, p, c, score));
                        added++;
                    }
                }
            }
            for (Found f : found.values()) {
                tokensOf.put(String.join("_", f.tokens()), f.tokens());
            }
            if (added == 0) {
                break;
            }
        }
        return found;
    }

    @ParameterizedTest
    @CsvSource({"1, word2phrase, '60,30', 3, 2", "2, npmi, '0.3', 4, 3", "3, word2phrase, '20', 2, 1"})
    void phrasesMatchABruteForceReference(long seed, String scoring, String thresholds, long minCount, int passes) throws IOException {
        String text = corpus(new Random(seed), 1500);
        Path f = dir.resolve("c.txt");
        Files.writeString(f, text);
        double[] t = Arrays.stream(thresholds.split(",")).mapToDouble(Double::parseDouble).toArray();
        PhraseScoring s = PhraseScoring.parse(scoring);
        Map<List<String>, Found> want = reference(text, s, t, minCount, null, passes);
        VocabularySettings vs = VocabularySettings.builder().analyzer(AnalyzerSpec.defaults("whitespace")).minCount(minCount).build();
        byte[] first = null;
        for (int[] run : new int[][] {{1, 64}, {3, 1}}) {
            PhraseSettings ps = PhraseSettings.builder().scoring(s).thresholds(t).passes(passes).memoryBytes((long) run[1] << 20).fanIn(2).build();
            PhraseStage.Result r = PhraseStage.detect(List.of(f.toString()), vs, ps, run[0], dir.resolve("spill"), n -> p -> {});
            Map<List<String>, Found> got = new HashMap<>();
            for (PhraseTable.Phrase p : r.table().phrases()) {
                got.put(p.tokens(), new Found(p.tokens(), p.pass(), p.count(), p.score()));
            }
            assertEquals(want.keySet(), got.keySet(), "the phrases");
            for (List<String> k : want.keySet()) {
                Found a = want.get(k);
                Found b = got.get(k);
                assertEquals(a.pass(), b.pass(), k + " pass");
                assertEquals(a.count(), b.count(), k + " count");
                assertEquals(a.score(), b.score(), 1e-9 * Math.abs(a.score()), k + " score");
            }
            assertTrue(want.containsKey(List.of("hong", "kong")) && want.size() >= 3, "the planted phrases are found: " + want.keySet());
            byte[] bytes = PhraseTableFile.format(r.table());
            if (first == null) {
                first = bytes;
            } else {
                assertArrayEquals(first, bytes, "the same table for 1 thread with 64 MiB and 3 threads with 1 MiB");
            }
            assertFalse(Files.exists(dir.resolve("spill")), "spill directory removed");
        }
        if (passes >= 2 && s == PhraseScoring.WORD2PHRASE) {
            assertTrue(want.keySet().stream().anyMatch(k -> k.size() >= 3), "a second pass grows longer phrases: " + want.keySet());
        }
    }

    @ParameterizedTest
    @CsvSource({"5, 2"})
    void aStartingTableIsKeptAndJoinedFromTheFirstPass(long seed, long minCount) throws IOException {
        String text = corpus(new Random(seed), 800);
        Path f = dir.resolve("c.txt");
        Files.writeString(f, text);
        AnalyzerSpec ws = AnalyzerSpec.defaults("whitespace");
        PhraseTable start = new PhraseTable(List.of(new PhraseTable.Phrase(List.of("hong", "kong"), 1, 1, 1)), ws.toProperties(), null);
        VocabularySettings vs = VocabularySettings.builder().analyzer(ws).minCount(minCount).phrases(start).build();
        PhraseStage.Result r = PhraseStage.detect(List.of(f.toString()), vs, PhraseSettings.builder().thresholds(30).passes(1).build(), 2,
                dir.resolve("spill"), n -> p -> {});
        Set<List<String>> tokens = new HashSet<>();
        r.table().phrases().forEach(p -> tokens.add(p.tokens()));
        assertTrue(tokens.contains(List.of("hong", "kong")));
        assertEquals(2, r.passes().get(0).pass(), "numbered after the starting table's pass");
        assertTrue(r.passes().get(0).phrasesJoined() > 0);
        assertTrue(r.table().phrases().stream().filter(p -> p.pass() == 2).noneMatch(p -> p.tokens().equals(List.of("hong", "kong"))));
        Map<String, String> props = new TreeMap<>(r.table().properties());
        assertEquals("whitespace", props.get("analyzer"));
    }
}
