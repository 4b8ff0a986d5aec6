package yuelao.engine.pmi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.AnalyzerSpec;
import yuelao.core.Vocabulary;
import yuelao.engine.PythonPeers;
import yuelao.engine.count.AdjacentPairCounter;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.TokenHandler;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/**
 * yuelao's association measures against a real peer: NLTK's {@code BigramAssocMeasures} on the adjacent bigrams of the
 * first lines of the bundled English sample. yuelao tokenizes the text and counts its adjacent bigrams with the phrase
 * detector's counter ({@link AdjacentPairCounter}); NLTK's {@code BigramCollocationFinder.from_documents} counts the
 * same tokens; both counts must agree exactly, and every measure NLTK defines as yuelao does must agree to 1e-9
 * (relative above 1, absolute below). Skipped, with the reason printed, when no python3 can import nltk (Debian: python3-nltk).
 */
class NltkComparisonTest {
    static final int LINES = 6000;
    static final int MIN_COUNT = 3;

    @TempDir
    Path dir;

    static String python;

    @BeforeAll
    static void findPython() {
        python = PythonPeers.find("nltk", "NLTK comparison");
    }

    /** NLTK's name, yuelao's measure, and how NLTK's value (given N) maps onto yuelao's scale. */
    record Pairing(String nltk, AssociationMeasure yuelao, java.util.function.DoubleBinaryOperator fromNltk, boolean absolute) {}

    static final double LN2 = Math.log(2);

    static final List<Pairing> PAIRINGS = List.of(
            new Pairing("pmi", AssociationMeasure.mi(1), (v, n) -> v, false),
            // NLTK's mi_like is O^3 / (f_x f_y) = O^3 / (E N), without the logarithm; MI3 = log2(O^3 / E)
            new Pairing("mi_like", AssociationMeasure.mi(3), (v, n) -> (Math.log(v) + Math.log(n)) / LN2, false),
            new Pairing("student_t", AssociationMeasure.of(AssociationMeasure.Kind.TSCORE), (v, n) -> v, false),
            new Pairing("chi_sq", AssociationMeasure.of(AssociationMeasure.Kind.CHI2), (v, n) -> v, true), // NLTK's is unsigned
            new Pairing("likelihood_ratio", AssociationMeasure.of(AssociationMeasure.Kind.G2), (v, n) -> v, true), // unsigned
            new Pairing("dice", AssociationMeasure.of(AssociationMeasure.Kind.DICE), (v, n) -> v, false),
            new Pairing("dice", AssociationMeasure.of(AssociationMeasure.Kind.LOGDICE), (v, n) -> 14 + Math.log(v) / LN2, false),
            new Pairing("jaccard", AssociationMeasure.of(AssociationMeasure.Kind.JACCARD), (v, n) -> v, false));

    @Test
    void adjacentBigramScoresAgreeWithNltk() throws Exception {
        Assumptions.assumeTrue(python != null, "no python3 with nltk");
        Path sample = Path.of("..", "corpus-samples", "english-sample.txt.gz");
        Assumptions.assumeTrue(Files.isRegularFile(sample), "the bundled sample is not at " + sample.toAbsolutePath());
        Path raw = dir.resolve("raw.txt");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(sample));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String l = r.readLine(); l != null && lines.size() < LINES; l = r.readLine()) {
                lines.add(l);
            }
            Files.write(raw, lines);
        }
        // yuelao's tokens, one document per line, for both counters
        Path tokens = dir.resolve("tokens.txt");
        List<InputSource> rawIn = List.of(InputSource.file(raw, true));
        var docs = new CorpusScanner(AnalyzerSpec.defaults("english"), 1).scan(rawIn, t -> new Lines());
        Files.writeString(tokens, docs.handlers().get(0).text.toString());

        AnalyzerSpec ws = AnalyzerSpec.defaults("whitespace");
        List<InputSource> in = List.of(InputSource.file(tokens, true));
        VocabularyBuilder.Result vr = new VocabularyBuilder(new CorpusScanner(ws, 2)).minCount(1).build(in);
        Vocabulary v = vr.vocabulary();
        long n = vr.scan().tokens();
        Map<Long, Long> bigrams = new HashMap<>();
        try (CooccurrenceAccumulator acc = new CooccurrenceAccumulator(dir.resolve("spill"), 64 << 20, 2, 8)) {
            var scan = new CorpusScanner(ws, 2).scan(in, t -> new AdjacentPairCounter(v, acc, 256));
            scan.handlers().forEach(AdjacentPairCounter::flushDense);
            acc.finish((key, count) -> bigrams.put(key, count));
        }

        ProcessBuilder pb = new ProcessBuilder(python, script().toString(), tokens.toString(), Integer.toString(MIN_COUNT));
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "python finished");
        assertEquals(0, p.exitValue(), err);

        List<String> lines = out.lines().toList();
        String[] header = lines.get(0).substring(2).split("\t"); // after the "#\t" that marks the header
        Map<String, Integer> col = new HashMap<>();
        for (int k = 0; k < header.length; k++) {
            col.put(header[k], k);
        }
        Map<String, Double> worst = new LinkedHashMap<>();
        long nltkPairs = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            int a = v.id(c[col.get("w1")]);
            int b = v.id(c[col.get("w2")]);
            assertTrue(a >= 0 && b >= 0, line);
            long fab = bigrams.getOrDefault(AdjacentPairCounter.key(a, b), 0L);
            assertEquals(Long.parseLong(c[col.get("n_ii")]), fab, "bigram count of " + c[0] + " " + c[1]);
            assertEquals(Long.parseLong(c[col.get("n_ix")]), v.count(a));
            assertEquals(Long.parseLong(c[col.get("n_xi")]), v.count(b));
            assertEquals(Long.parseLong(c[col.get("n_xx")]), n);
            ContingencyTable t = ContingencyTable.adjacent(fab, v.count(a), v.count(b), n);
            for (Pairing pr : PAIRINGS) {
                double want = pr.fromNltk().applyAsDouble(Double.parseDouble(c[col.get(pr.nltk())]), n);
                double got = pr.yuelao().score(t);
                if (pr.absolute()) {
                    got = Math.abs(got);
                }
                // relative for values above 1, absolute below: NLTK sums O ln(O / E) directly, which near independence
                // (G2 ~ 0.02 from terms ~ 1e5) keeps only about 1e-11 of absolute precision
                double rel = Math.abs(got - want) / Math.max(Math.abs(want), 1);
                worst.merge(pr.yuelao().id(), rel, Math::max);
                assertTrue(rel < 1e-9, pr.yuelao().id() + " vs NLTK " + pr.nltk() + " of " + c[0] + " " + c[1] + ": " + got + " vs " + want);
            }
            nltkPairs++;
        }
        long yuelaoPairs = bigrams.values().stream().filter(x -> x >= MIN_COUNT).count();
        assertEquals(yuelaoPairs, nltkPairs, "the same bigrams seen >= " + MIN_COUNT + " times");
        assertTrue(nltkPairs > 5000, nltkPairs + " bigrams compared");
        StringBuilder sb = new StringBuilder();
        worst.forEach((k, x) -> sb.append(String.format(Locale.ROOT, " %s %.1e", k, x)));
        System.out.printf(Locale.ROOT, "NLTK agreement: %,d adjacent bigrams (f >= %d) of %,d tokens, counts identical; largest relative "
                + "difference:%s%n", nltkPairs, MIN_COUNT, n, sb);
    }

    private Path script() throws IOException {
        Path s = dir.resolve("nltk_bigram_measures.py");
        try (InputStream in = NltkComparisonTest.class.getResourceAsStream("nltk_bigram_measures.py")) {
            Files.copy(in, s);
        }
        return s;
    }

    /** Writes each document's tokens as one line. */
    static final class Lines implements TokenHandler {
        final StringBuilder text = new StringBuilder();
        private StringBuilder current;

        @Override
        public void startDocument(long index) {
            current = new StringBuilder();
        }

        @Override
        public void token(char[] term, int length) {
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(term, 0, length);
        }

        @Override
        public void endDocument() {
            if (current.length() > 0) {
                text.append(current).append('\n');
            }
        }
    }
}
