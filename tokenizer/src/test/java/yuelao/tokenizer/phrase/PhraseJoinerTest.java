package yuelao.tokenizer.phrase;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.analysis.TextAnalyzer;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.TokenHandler;

/** The joiner against a plain greedy longest-match over lists, the scanner's line rule, and the table file's checks. */
class PhraseJoinerTest {
    @TempDir
    Path dir;

    /** Collects tokens per document. */
    static final class Documents implements TokenHandler {
        final TreeMap<Long, List<String>> docs = new TreeMap<>();
        final boolean needsDocuments;
        List<String> current;

        Documents(boolean needsDocuments) {
            this.needsDocuments = needsDocuments;
        }

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
            return needsDocuments;
        }
    }

    /** The rule written as plainly as possible: at each position the longest listed phrase, else the token. */
    static List<String> reference(List<String> doc, Set<List<String>> phrases, int longest) {
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

    static PhraseTable table(Set<List<String>> phrases, AnalyzerSpec spec) {
        List<PhraseTable.Phrase> list = new ArrayList<>();
        for (List<String> p : phrases) {
            list.add(new PhraseTable.Phrase(p, 1, 10, 1.5));
        }
        return new PhraseTable(list, spec.toProperties(), null);
    }

    @Test
    void greedyLongestMatchAsAPlainReference() {
        Random rnd = new Random(5);
        String[] words = {"a", "b", "c", "d", "ee", "ff", "g"};
        for (int trial = 0; trial < 300; trial++) {
            Set<List<String>> phrases = new HashSet<>();
            int longest = 0;
            for (int p = rnd.nextInt(12); p >= 0; p--) {
                List<String> ph = new ArrayList<>();
                for (int k = 2 + rnd.nextInt(4); k > 0; k--) {
                    ph.add(words[rnd.nextInt(words.length)]);
                }
                phrases.add(ph);
                longest = Math.max(longest, ph.size());
            }
            PhraseTable table = table(phrases, AnalyzerSpec.defaults("whitespace"));
            Documents out = new Documents(true);
            PhraseJoiner joiner = new PhraseJoiner(table, out);
            List<List<String>> want = new ArrayList<>();
            long tokensOut = 0;
            for (int d = 0; d < 5; d++) {
                List<String> doc = new ArrayList<>();
                for (int k = rnd.nextInt(40); k > 0; k--) {
                    doc.add(words[rnd.nextInt(words.length)]);
                }
                joiner.startDocument(d);
                for (String t : doc) {
                    char[] buf = (t + "junk").toCharArray(); // the joiner must read only term[0, length)
                    joiner.token(buf, t.length());
                }
                joiner.endDocument();
                List<String> ref = reference(doc, phrases, longest);
                want.add(ref);
                tokensOut += ref.size();
            }
            assertEquals(want, new ArrayList<>(out.docs.values()), "phrases " + phrases);
            assertEquals(tokensOut, joiner.tokensOut());
        }
    }

    @Test
    void neverJoinsAcrossALineWhateverTheHandlerNeeds() throws IOException {
        AnalyzerSpec english = AnalyzerSpec.defaults("english");
        PhraseTable table = table(Set.of(List.of("new", "york"), List.of("new", "york", "times")), english);
        String text = "I read the New York Times in new\nYork, then new york again\nnew york\ntimes";
        for (boolean fast : new boolean[] {true, false}) {
            for (boolean needs : new boolean[] {true, false}) {
                CorpusScanner scanner = new CorpusScanner(english, 2).asciiFastPath(fast).phrases(table);
                var r = scanner.scan(List.of(InputSource.stream("t", () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))),
                        t -> new Documents(needs));
                TreeMap<Long, List<String>> docs = new TreeMap<>();
                r.handlers().forEach(h -> docs.putAll(h.docs));
                assertEquals(List.of(List.of("i", "read", "the", "new_york_times", "in", "new"), List.of("york", "then", "new_york", "again"),
                        List.of("new_york"), List.of("times")), new ArrayList<>(docs.values()), "fast path " + fast + ", documents " + needs);
                assertEquals(3, r.summary().phrasesJoined());
                assertEquals(12, r.summary().tokens(), "tokens after joining");
            }
        }
    }

    @Test
    void theAsciiFastPathJoinsAsTheLuceneChainDoes() throws IOException {
        Random rnd = new Random(11);
        String[] words = {"New", "york", "TIMES", "city", "of", "Hong", "kong", "state's", "u.s.", "co-op", "caf\u00e9", "na\u00efve"};
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < 3000; l++) {
            for (int k = rnd.nextInt(20); k > 0; k--) {
                sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(5) == 0 ? ", " : " ");
            }
            sb.append('\n');
        }
        byte[] corpus = sb.toString().getBytes(StandardCharsets.UTF_8);
        AnalyzerSpec english = AnalyzerSpec.defaults("english");
        PhraseTable table = table(Set.of(List.of("new", "york"), List.of("new", "york", "times"), List.of("hong", "kong"),
                List.of("state", "u.s"), List.of("café", "naïve"), List.of("city", "of", "new", "york")), english);
        List<List<String>> results = new ArrayList<>();
        for (boolean fast : new boolean[] {true, false}) {
            var r = new CorpusScanner(english, 3).asciiFastPath(fast).phrases(table)
                    .scan(List.of(InputSource.stream("c", () -> new ByteArrayInputStream(corpus))), t -> new Documents(true));
            TreeMap<Long, List<String>> docs = new TreeMap<>();
            r.handlers().forEach(h -> docs.putAll(h.docs));
            List<String> flat = new ArrayList<>();
            docs.values().forEach(d -> {
                flat.addAll(d);
                flat.add("\n");
            });
            results.add(flat);
        }
        assertEquals(results.get(1), results.get(0));
        assertTrue(results.get(0).contains("new_york_times") && results.get(0).contains("café_naïve") && results.get(0).contains("city_of_new_york"));
    }

    @Test
    void queriesJoinPhrasesLineByLine() {
        AnalyzerSpec english = AnalyzerSpec.defaults("english");
        try (TextAnalyzer a = new TextAnalyzer(english, table(Set.of(List.of("new", "york")), english))) {
            assertEquals(List.of("i", "love", "new_york", "new"), a.tokens("I love New York. New"));
            assertEquals(List.of("new", "york"), a.tokens("new\nyork"));
        }
        assertThrows(IllegalArgumentException.class, () -> new TextAnalyzer(AnalyzerSpec.defaults("standard"),
                table(Set.of(List.of("new", "york")), english)));
    }

    @Test
    void theFileRoundTripsAndRejectsWhatItCannotTrust() throws IOException {
        AnalyzerSpec english = AnalyzerSpec.defaults("english");
        Map<String, String> props = new TreeMap<>(english.toProperties());
        props.put("phrases.scoring", "word2phrase");
        List<PhraseTable.Phrase> phrases = List.of(new PhraseTable.Phrase(List.of("new", "york"), 1, 4942, 812.0439),
                new PhraseTable.Phrase(List.of("new", "york", "times"), 2, 100, 1.0 / 3), new PhraseTable.Phrase(List.of("香港", "特区"), 1, 7, 1e-7));
        PhraseTable t = new PhraseTable(phrases, props, null);
        Path f = dir.resolve("p.txt");
        Files.write(f, PhraseTableFile.format(t));
        PhraseTable back = PhraseTableFile.read(f);
        assertEquals(phrases, back.phrases());
        assertEquals(props, back.properties());
        assertEquals(t.fingerprint(), back.fingerprint());
        assertEquals(f.toAbsolutePath().normalize(), back.source());
        assertTrue(PhraseTableFile.isPhraseTable(f));
        // the fingerprint is the set's, not the order's or the statistics'
        List<PhraseTable.Phrase> reordered = new ArrayList<>(List.of(phrases.get(2), phrases.get(0),
                new PhraseTable.Phrase(List.of("new", "york", "times"), 3, 1, 2)));
        assertEquals(t.fingerprint(), new PhraseTable(reordered, Map.of(), null).fingerprint());
        assertNotEquals(t.fingerprint(), new PhraseTable(phrases.subList(0, 2), props, null).fingerprint());

        byte[] good = Files.readAllBytes(f);
        String text = new String(good, StandardCharsets.UTF_8);
        assertRejected(text.replace("4942", "4943").getBytes(StandardCharsets.UTF_8), "corrupt");
        assertRejected(java.util.Arrays.copyOf(good, good.length - 20), "truncated");
        assertRejected(text.replace("yuelao-phrases 1", "yuelao-phrases 2").getBytes(StandardCharsets.UTF_8), "newer");
        assertRejected("word count\nthe 5\n".getBytes(StandardCharsets.UTF_8), "not a phrase table");
        assertRejected(new byte[0], "not a phrase table");
        String wrongCount = text.substring(0, text.indexOf("#end")) + "#end entries=4 crc32c=" + text.substring(text.indexOf("crc32c=") + 7);
        assertRejected(wrongCount.getBytes(StandardCharsets.UTF_8), "3 phrases");
        PhraseTableException missing = assertThrows(PhraseTableException.class, () -> PhraseTableFile.read(dir.resolve("none.txt")));
        assertTrue(missing.getMessage().contains("none.txt"));
        assertThrows(IllegalArgumentException.class, () -> new PhraseTable(List.of(phrases.get(0), phrases.get(0)), props, null));
        assertThrows(IllegalArgumentException.class, () -> new PhraseTable.Phrase(List.of("new"), 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PhraseTable.Phrase(List.of("new york", "x"), 1, 1, 1));
    }

    private void assertRejected(byte[] content, String fragment) throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.write(f, content);
        PhraseTableException e = assertThrows(PhraseTableException.class, () -> PhraseTableFile.read(f));
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains("bad.txt") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
