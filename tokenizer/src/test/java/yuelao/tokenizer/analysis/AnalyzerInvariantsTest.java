package yuelao.tokenizer.analysis;

import yuelao.core.AnalyzerSpec;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants every analyzer must keep, in the manner of Lucene's BaseTokenStreamTestCase: checked for each
 * analyzer by name on random mixed-script text.
 */
class AnalyzerInvariantsTest {
    static final String[] PIECES = {"the", "The", "cat's", "DOG", "naïve", "café", "x", "1984", "e-mail", "U.S.A.",
        "北京大学", "我爱北京天安门", "。", "，", "日本語", "𝔘𝔫𝔦", "😀", "don't", "  ", "\t", "--", "a.b", "Straße", "İstanbul",
        "hello,world", "ÅÄÖ", "\u00ad", "ﬁ", "ｆｕｌｌ", "مرحبا", "שלום", "привет"};

    static String randomText(Random rnd, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            sb.append(rnd.nextInt(4) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    record Tok(String term, int start, int end) {}

    static List<Tok> analyze(Analyzer a, String text) throws IOException {
        List<Tok> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Tok(term.toString(), off.startOffset(), off.endOffset()));
            }
            ts.end();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "standard", "whitespace", "smartcn", "cjk"})
    void invariantsHoldOnRandomText(String name) throws IOException {
        AnalyzerSpec spec = new AnalyzerSpec(name, false, "none", 1, 12);
        LongAdder overLong = new LongAdder();
        Random rnd = new Random(name.hashCode());
        try (Analyzer reused = Analyzers.create(spec, overLong)) {
            for (int iter = 0; iter < 200; iter++) {
                String text = randomText(rnd, 1 + rnd.nextInt(30));
                List<Tok> first = analyze(reused, text);
                for (Tok t : first) {
                    assertFalse(t.term().isEmpty(), "empty term");
                    int cps = t.term().codePointCount(0, t.term().length());
                    assertTrue(cps >= 1 && cps <= 12, "length bound broken: " + t);
                    assertTrue(t.start() >= 0 && t.start() <= t.end() && t.end() <= text.length(), "bad offsets " + t);
                    assertFalse(t.term().chars().anyMatch(Character::isWhitespace), "whitespace inside " + t);
                    assertFalse(Character.isLowSurrogate(t.term().charAt(0)), "term starts inside a character: " + t);
                    assertFalse(Character.isHighSurrogate(t.term().charAt(t.term().length() - 1)), "term cut inside a character: " + t);
                    if (!name.equals("whitespace")) {
                        assertEquals(t.term().toLowerCase(java.util.Locale.ROOT).length(), t.term().length());
                    }
                }
                for (int i = 1; i < first.size(); i++) {
                    assertTrue(first.get(i).start() >= first.get(i - 1).start(), "offsets go backwards");
                }
                // Reuse gives the same tokens as a fresh chain (components are cached per thread).
                try (Analyzer fresh = Analyzers.create(spec, new LongAdder())) {
                    assertEquals(first, analyze(fresh, text));
                }
                assertEquals(first, analyze(reused, text), "second pass over the same text differs");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "standard", "whitespace", "cjk"})
    void overLongTokensAreDroppedAndCountedNeverCut(String name) throws IOException {
        LongAdder overLong = new LongAdder();
        try (Analyzer a = Analyzers.create(new AnalyzerSpec(name, false, "none", 1, 5), overLong)) {
            List<Tok> toks = analyze(a, "ab abcdefgh abcde 𝔘𝔫𝔦𝔘𝔫 𝔘𝔫𝔦𝔘𝔫𝔦");
            List<String> terms = toks.stream().map(Tok::term).toList();
            assertFalse(terms.contains("abcdefgh"));
            assertTrue(terms.contains("abcde"), terms.toString());
            for (String t : terms) {
                assertTrue(t.codePointCount(0, t.length()) <= 5, t);
            }
            assertTrue(overLong.sum() >= 2, "dropped tokens counted: " + overLong.sum());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "standard"})
    void noTokenIsCutByTheTokenizerLimit(String name) throws IOException {
        String longWord = "a".repeat(300);
        try (Analyzer a = Analyzers.create(new AnalyzerSpec(name, false, "none", 1, 1000), new LongAdder())) {
            assertEquals(List.of(longWord), analyze(a, longWord).stream().map(Tok::term).toList());
        }
    }

    @org.junit.jupiter.api.Test
    void englishLowercasesStripsPossessivesAndStemsOnlyOnRequest() throws IOException {
        try (Analyzer plain = Analyzers.create(AnalyzerSpec.defaults("english"), new LongAdder());
                Analyzer stem = Analyzers.create(new AnalyzerSpec("english", true, "none", 1, 100), new LongAdder());
                Analyzer stop = Analyzers.create(new AnalyzerSpec("english", false, "english", 1, 100), new LongAdder())) {
            assertEquals(List.of("the", "cat", "was", "running"), terms(plain, "The cat's was Running"));
            assertEquals(List.of("the", "cat", "wa", "run"), terms(stem, "The cat's was Running"));
            assertEquals(List.of("cat", "running"), terms(stop, "The cat's was Running"));
        }
    }

    @org.junit.jupiter.api.Test
    void whitespaceKeepsTokensAsWritten() throws IOException {
        try (Analyzer a = Analyzers.create(AnalyzerSpec.defaults("whitespace"), new LongAdder())) {
            assertEquals(List.of("The", "cat's,", "DOG."), terms(a, " The\tcat's,  DOG. "));
        }
    }

    @org.junit.jupiter.api.Test
    void smartcnSegmentsChineseWords() throws IOException {
        try (Analyzer a = Analyzers.create(AnalyzerSpec.defaults("smartcn"), new LongAdder())) {
            assertEquals(List.of("我", "爱", "北京", "天安门"), terms(a, "我爱北京天安门。"));
            List<String> t = terms(a, "北京大学是一所大学，位于北京。");
            assertTrue(t.contains("北京大学"), t.toString());
            assertFalse(t.contains("，") || t.contains("。"), "punctuation removed: " + t);
        }
    }

    @org.junit.jupiter.api.Test
    void cjkMakesBigrams() throws IOException {
        try (Analyzer a = Analyzers.create(AnalyzerSpec.defaults("cjk"), new LongAdder())) {
            assertEquals(List.of("北京", "京大", "大学"), terms(a, "北京大学"));
        }
    }

    /** A stop-word file that does not exist is an I/O error naming it (the spec itself is validated in core's AnalyzerSpecTest). */
    @org.junit.jupiter.api.Test
    void aMissingStopWordFileIsAnIoErrorNamingIt() {
        var io = assertThrows(IOException.class, () -> Analyzers.create(new AnalyzerSpec("english", false, "/no/such/stop.txt", 1, 100), new LongAdder()));
        assertTrue(io.getMessage().startsWith("/no/such/stop.txt"));
    }

    static List<String> terms(Analyzer a, String text) throws IOException {
        return analyze(a, text).stream().map(Tok::term).toList();
    }
}
