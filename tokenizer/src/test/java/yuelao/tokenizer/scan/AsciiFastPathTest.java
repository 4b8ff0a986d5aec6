package yuelao.tokenizer.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.analysis.Analyzers;
import yuelao.tokenizer.input.InputSource;

/** {@link AsciiFastPath} against the Lucene chain it stands for: the same tokens, in order, and the same drop counts. */
class AsciiFastPathTest {
    /** Every character class of the fast path's rules, several members of some, and a few breaks. */
    private static final String ALPHABET = "aAbBsSzZ0159_:,;.'\" -\t\n\r@#$*/()!?+=<>[]{}|\\~`^&%x";

    static Stream<AnalyzerSpec> specs() {
        return Stream.of(AnalyzerSpec.defaults("english"), AnalyzerSpec.defaults("standard"), new AnalyzerSpec("english", false, "english", 1, 255),
                new AnalyzerSpec("standard", false, "english", 2, 4), new AnalyzerSpec("english", false, "none", 1, 3));
    }

    private static List<String> lucene(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", new StringReader(text))) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        }
        return out;
    }

    private static final class Recorder implements TokenHandler {
        final List<String> tokens = new ArrayList<>();

        @Override
        public void startDocument(long index) {}

        @Override
        public void token(char[] term, int length) {
            tokens.add(new String(term, 0, length));
        }

        @Override
        public void endDocument() {}

        @Override
        public boolean needsDocuments() {
            return false;
        }
    }

    private static String random(Random rnd, String alphabet, int maxLen) {
        int n = rnd.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            // letters and digits often, so that the joining rules get exercised between them
            sb.append(rnd.nextInt(3) == 0 ? "ab09".charAt(rnd.nextInt(4)) : alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void sameTokensAsTheLuceneChainOnRandomAsciiText(AnalyzerSpec spec) throws IOException {
        LongAdder luceneDropped = new LongAdder();
        LongAdder fastDropped = new LongAdder();
        AsciiFastPath fast = AsciiFastPath.forSpec(spec, fastDropped);
        assertNotNull(fast);
        Random rnd = new Random(spec.hashCode());
        long tokens = 0;
        try (Analyzer a = Analyzers.create(spec, luceneDropped)) {
            for (int k = 0; k < 40_000; k++) {
                String text = random(rnd, ALPHABET, k % 100 == 0 ? 400 : 24);
                char[] chars = ("#" + text + "#").toCharArray(); // an offset slice: from and to are honoured
                Recorder r = new Recorder();
                long n = fast.tokenize(chars, 1, chars.length - 1, r);
                List<String> expected = lucene(a, text);
                assertEquals(expected, r.tokens, () -> "text: [" + text + "]");
                assertEquals(expected.size(), n);
                tokens += n;
                assertEquals(luceneDropped.sum(), fastDropped.sum(), () -> "over-long count after [" + text + "]");
            }
        }
        assertTrue(tokens > 40_000, "the random texts make tokens");
    }

    /** Written forms the corpus has: abbreviations, possessives, numbers with separators, snake case, times. */
    @Test
    void realisticFormsMatchTheLuceneChain() throws IOException {
        String text = "It's O'Neil's U.S.A. e.g. 3.14 1,000,000 3,a a,3 foo_bar _x x_ __ 10:30 a:b:c 'quoted' \"q\" dog's DOGS' "
                + "x.y.z. ..a.. 1.2.3 a1.2b v2.0 www.example.com user@mail.org C++ AT&T don't rock'n'roll 's s' ''s a''s 9's";
        for (AnalyzerSpec spec : specs().toList()) {
            try (Analyzer a = Analyzers.create(spec, new LongAdder())) {
                Recorder r = new Recorder();
                AsciiFastPath.forSpec(spec, new LongAdder()).tokenize(text.toCharArray(), 0, text.length(), r);
                assertEquals(lucene(a, text), r.tokens, spec.toString());
            }
        }
    }

    @Test
    void onlyEnglishAndStandardWithoutStemmingHaveAFastPath() throws IOException {
        assertNull(AsciiFastPath.forSpec(AnalyzerSpec.defaults("whitespace"), new LongAdder()));
        assertNull(AsciiFastPath.forSpec(AnalyzerSpec.defaults("smartcn"), new LongAdder()));
        assertNull(AsciiFastPath.forSpec(AnalyzerSpec.defaults("cjk"), new LongAdder()));
        assertNull(AsciiFastPath.forSpec(new AnalyzerSpec("english", true, "none", 1, 255), new LongAdder()));
        assertTrue(AsciiFastPath.isAscii("plain text\n".toCharArray(), 0, 11));
        assertFalse(AsciiFastPath.isAscii("café".toCharArray(), 0, 4));
        assertTrue(AsciiFastPath.isAscii("café".toCharArray(), 0, 3), "the range is honoured");
    }

    /**
     * The scanner with the fast path on and off, on a corpus mixing ASCII and other lines: the same tokens per
     * document (a handler that needs documents) and the same counts (whole batches, runs of both kinds of line).
     */
    @Test
    void scannerGivesTheSameTokensWithAndWithoutTheFastPath() throws IOException {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        String mixed = ALPHABET + "éü’北😀";
        for (int l = 0; l < 5000; l++) {
            sb.append(random(rnd, rnd.nextInt(4) == 0 ? mixed : ALPHABET, 60).replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        byte[] corpus = sb.toString().getBytes(StandardCharsets.UTF_8);
        List<InputSource> in = List.of(InputSource.stream("mixed", () -> new ByteArrayInputStream(corpus)));
        for (String name : new String[] {"english", "standard"}) {
            AnalyzerSpec spec = AnalyzerSpec.defaults(name);
            assertEquals(documents(spec, in, false), documents(spec, in, true), name + ": tokens per document");
            assertEquals(sortedTokens(spec, in, false), sortedTokens(spec, in, true), name + ": whole-batch tokens");
        }
    }

    private static List<List<String>> documents(AnalyzerSpec spec, List<InputSource> in, boolean fast) throws IOException {
        final class PerDocument implements TokenHandler {
            final java.util.TreeMap<Long, List<String>> docs = new java.util.TreeMap<>();
            List<String> current;

            @Override
            public void startDocument(long index) {
                current = new ArrayList<>();
                docs.put(index, current);
            }

            @Override
            public void token(char[] term, int length) {
                current.add(new String(term, 0, length));
            }

            @Override
            public void endDocument() {}

            @Override
            public boolean needsDocuments() {
                return true;
            }
        }
        var r = new CorpusScanner(spec, 2).asciiFastPath(fast).scan(in, t -> new PerDocument());
        java.util.TreeMap<Long, List<String>> all = new java.util.TreeMap<>();
        r.handlers().forEach(h -> all.putAll(h.docs));
        return new ArrayList<>(all.values());
    }

    private static List<String> sortedTokens(AnalyzerSpec spec, List<InputSource> in, boolean fast) throws IOException {
        var r = new CorpusScanner(spec, 2).asciiFastPath(fast).scan(in, t -> new Recorder());
        List<String> all = new ArrayList<>();
        r.handlers().forEach(h -> all.addAll(h.tokens));
        all.sort(null);
        return all;
    }
}
