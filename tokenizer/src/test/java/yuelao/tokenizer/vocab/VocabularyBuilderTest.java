package yuelao.tokenizer.vocab;

import yuelao.core.Vocabulary;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.analysis.Analyzers;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;

class VocabularyBuilderTest {
    @TempDir
    Path dir;

    static final String[] WORDS = {"the", "of", "and", "cat", "Cat", "dog's", "naïve", "café", "北京", "😀x", "z", "é", "a1",
        "running", "runs", "ran", "über", "Zebra", "zebra", "q"};

    /** A random Zipf-like corpus: the rank-r word is drawn with probability about 1/r. */
    static String randomCorpus(Random rnd, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int n = rnd.nextInt(25);
            for (int i = 0; i < n; i++) {
                int r = (int) Math.min(WORDS.length - 1, Math.floor(Math.exp(rnd.nextDouble() * Math.log(WORDS.length + 1))) - 1);
                sb.append(WORDS[Math.max(0, r)]).append(rnd.nextInt(5) == 0 ? "  " : " ");
            }
            sb.append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    /** Brute force: analyze each line on its own with a fresh chain and count terms in a HashMap. */
    static Map<String, Long> referenceCounts(String corpus, AnalyzerSpec spec) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (Analyzer a = Analyzers.create(spec, new LongAdder())) {
            for (String line : corpus.split("\n")) {
                try (TokenStream ts = a.tokenStream("f", new StringReader(line))) {
                    CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        counts.merge(t.toString(), 1L, Long::sum);
                    }
                    ts.end();
                }
            }
        }
        return counts;
    }

    static Map<String, Long> scanCounts(List<InputSource> in, AnalyzerSpec spec, int threads) throws IOException {
        var r = new CorpusScanner(spec, threads).scan(in, t -> new TermCounter());
        TermCounter all = TermCounter.merge(r.handlers());
        Map<String, Long> m = new TreeMap<>();
        for (Vocabulary.Entry e : all.entries()) {
            m.put(e.word(), e.count());
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "standard", "whitespace", "smartcn", "cjk"})
    void unigramCountsEqualBruteForceForEveryThreadCountAndGzip(String analyzer) throws IOException {
        Random rnd = new Random(analyzer.hashCode());
        String corpus = randomCorpus(rnd, 3000);
        Path plain = dir.resolve("c.txt");
        Files.writeString(plain, corpus, StandardCharsets.UTF_8);
        Path gz = dir.resolve("c.data"); // gzip detected by content, not by name
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(corpus.getBytes(StandardCharsets.UTF_8));
        }
        AnalyzerSpec spec = AnalyzerSpec.defaults(analyzer);
        Map<String, Long> ref = new TreeMap<>(referenceCounts(corpus, spec));
        assertFalse(ref.isEmpty());
        for (int threads : new int[] {1, 2, 4}) {
            assertEquals(ref, scanCounts(InputFiles.expand(List.of(plain.toString())), spec, threads), "plain, threads=" + threads);
            assertEquals(ref, scanCounts(InputFiles.expand(List.of(gz.toString())), spec, threads), "gzip, threads=" + threads);
        }
    }

    /**
     * The vocabulary pass tokenizes a whole batch of lines as one text (TermCounter does not need document
     * boundaries). Pieces that would join into one token if a line end did not break them (apostrophes, hyphens,
     * dots, digits, underscores, CR) are put at line ends at random: the counts must still equal line-by-line
     * analysis.
     */
    @ParameterizedTest
    @ValueSource(strings = {"english", "standard", "whitespace"})
    void batchesTokenizedAsOneTextGiveTheTokensOfTheirLines(String analyzer) throws IOException {
        String[] pieces = {"x'", "'s", "s", "dog", "U.S.", "3", ".14", "3.", "e-", "-mail", "a_", "_b", "don'", "t", "\u2019s", "x\u2019",
            "北", "京", "😀", "\r", "", "..."};
        Random rnd = new Random(analyzer.hashCode() * 31L);
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < 4000; l++) {
            int n = rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
                if (rnd.nextBoolean()) {
                    sb.append(' ');
                }
            }
            sb.append('\n');
        }
        String corpus = sb.toString();
        Path plain = dir.resolve("edges.txt");
        Files.writeString(plain, corpus, StandardCharsets.UTF_8);
        AnalyzerSpec spec = AnalyzerSpec.defaults(analyzer);
        assertTrue(spec.breaksAtLineEnds());
        Map<String, Long> ref = new TreeMap<>(referenceCounts(corpus, spec));
        assertFalse(ref.isEmpty());
        for (int threads : new int[] {1, 3}) {
            assertEquals(ref, scanCounts(InputFiles.expand(List.of(plain.toString())), spec, threads), "threads=" + threads);
        }
    }

    @Test
    void vocabularyIsIdenticalForOneTwoAndFourThreads() throws IOException {
        String corpus = randomCorpus(new Random(3), 20000);
        Path f = dir.resolve("c.txt");
        Files.writeString(f, corpus);
        Vocabulary first = null;
        for (int threads : new int[] {1, 2, 4}) {
            Vocabulary v = new VocabularyBuilder(new CorpusScanner(AnalyzerSpec.defaults("english"), threads)).minCount(3)
                    .build(InputFiles.expand(List.of(f.toString()))).vocabulary();
            if (first == null) {
                first = v;
            }
            assertEquals(first, v, "threads=" + threads);
            assertEquals(first.fingerprint(), v.fingerprint());
        }
    }

    @Test
    void noTokensOrNoWordAboveMinCountGivesAClearError() throws IOException {
        Path f = dir.resolve("punct.txt");
        Files.writeString(f, "... ,,, !!!\n");
        var e = assertThrows(yuelao.tokenizer.input.CorpusException.class, () ->
                new VocabularyBuilder(new CorpusScanner(AnalyzerSpec.defaults("english"), 2)).build(InputFiles.expand(List.of(f.toString()))));
        assertTrue(e.getMessage().contains("no tokens"), e.getMessage());
        Files.writeString(f, "one two three\n");
        e = assertThrows(yuelao.tokenizer.input.CorpusException.class, () ->
                new VocabularyBuilder(new CorpusScanner(AnalyzerSpec.defaults("english"), 2)).minCount(5).build(InputFiles.expand(List.of(f.toString()))));
        assertTrue(e.getMessage().contains("--min-count"), e.getMessage());
    }
}
