package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.StoreKeys;
import yuelao.engine.cli.CliRuns.Run;
import yuelao.engine.pmi.AssociationMeasure;
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Collocations;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;

/**
 * The collocation and phrase verbs end to end: {@code collocations} in its three formats against the library (which
 * {@code AssociationMeasuresTest} checks against brute force), {@code --measure} on the other pair verbs, and a phrase
 * table from {@code phrases} through {@code vocab}, {@code count}, {@code run} and the queries, including a moved or
 * foreign table, and Chinese through smartcn.
 */
class CollocationsCliTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path store;

    /** Random lines with planted expressions ("new york", "new york times", "hong kong" ...). */
    static String text(Random rnd, int lines) {
        String[] planted = {"new york", "new york times", "hong kong", "per se", "prima facie"};
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            for (int k = rnd.nextInt(20); k > 0; k--) {
                if (rnd.nextInt(10) == 0) {
                    sb.append(planted[rnd.nextInt(planted.length)]);
                } else {
                    sb.append('w').append((int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(150))));
                }
                sb.append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @BeforeAll
    static void setUp() throws IOException {
        corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, text(new Random(3), 2500));
        store = dir.resolve("store");
        Run r = run("count", "-i", corpus.toString(), "-o", store.toString(), "--analyzer", "whitespace", "--window", "3", "--min-count", "3", "-q");
        assertEquals(0, r.code(), r.err());
    }

    record Row(String word1, String word2, double count, double score) {}

    static List<Row> json(String out) {
        Matcher m = Pattern.compile("\\{\"word1\": \"([^\"]*)\", \"word2\": \"([^\"]*)\", \"pairCount\": ([-0-9.E]+), \"score\": ([-0-9.E]+)\\}")
                .matcher(out);
        List<Row> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new Row(m.group(1), m.group(2), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
        }
        return rows;
    }

    @Test
    void collocationsInEveryFormatMatchTheLibrary() throws IOException {
        for (String measure : new String[] {"logdice", "g2", "deltap-bwd", "mi3"}) {
            Run j = run("collocations", store.toString(), "--measure", measure, "--top", "15", "--json", "-t", "2");
            assertEquals(0, j.code(), j.err());
            assertTrue(j.out().startsWith("{\"measure\": \"" + measure + "\", \"settings\": "), j.out());
            List<Row> rows = json(j.out());
            List<Collocations.Collocation> lib;
            try (CountStoreDirectory s = CountStoreDirectory.open(store)) {
                lib = Collocations.top(AssociationView.of(s, (AssociationMeasure) yuelao.engine.pmi.Measure.parse(measure)), 15,
                        Collocations.Filter.minCount(5), 1);
            }
            assertEquals(15, rows.size(), j.out());
            for (int k = 0; k < 15; k++) {
                Collocations.Collocation c = lib.get(k);
                assertEquals(new Row(c.word1(), c.word2(), c.pairCount(), c.score()), rows.get(k), "rank " + k);
            }
            Run tsv = run("collocations", store.toString(), "--measure", measure, "--top", "15", "--format", "tsv");
            assertEquals(0, tsv.code(), tsv.err());
            List<String> lines = tsv.out().lines().toList();
            assertEquals("word1\tword2\tpair_count\tscore", lines.get(0));
            for (int k = 0; k < 15; k++) {
                String[] f = lines.get(k + 1).split("\t");
                assertEquals(rows.get(k), new Row(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
            Run table = run("collocations", store.toString(), "--measure", measure, "--top", "15");
            assertEquals(0, table.code(), table.err());
            assertTrue(table.out().contains(rows.get(0).word1()) && table.out().contains(String.format(Locale.ROOT, "%.4f", rows.get(0).score())),
                    table.out());
        }
        Run def = run("collocations", store.toString(), "--top", "3", "--json");
        assertTrue(def.out().startsWith("{\"measure\": \"logdice\""), "logdice by default: " + def.out());
        assertTrue(run("collocations", "--help").out().contains("Default: logdice"));
        assertTrue(run("pmi-matrix", "--help").out().contains("Default: ppmi"));
        assertTrue(run("associates", "--help").out().contains("Default: pmi"));
    }

    @Test
    void filtersAndNodeWords() throws IOException {
        Path stop = dir.resolve("stop.txt");
        Files.writeString(stop, "w1\nw2\nnew\n");
        List<Row> rows = json(run("collocations", store.toString(), "--top", "40", "--json", "--stopwords", stop.toString(), "--min-length", "3",
                "--min-count", "8").out());
        assertEquals(40, rows.size());
        for (Row r : rows) {
            assertTrue(r.count() >= 8, r.toString());
            for (String w : new String[] {r.word1(), r.word2()}) {
                assertTrue(w.length() >= 3 && !w.equals("new") && !w.equals("w1") && !w.equals("w2"), r.toString());
            }
        }
        List<Row> node = json(run("collocations", store.toString(), "--word", "york", "--measure", "g2", "--json").out());
        assertFalse(node.isEmpty());
        assertTrue(node.stream().allMatch(r -> r.word1().equals("york")));
        assertEquals("new", node.get(0).word2(), "york's strongest collocate");
        Run assoc = run("associates", store.toString(), "york", "--measure", "g2", "--top", "3");
        assertEquals(0, assoc.code(), assoc.err());
        assertTrue(assoc.out().lines().skip(1).findFirst().orElseThrow().contains(String.format(Locale.ROOT, "%9.4f", node.get(0).score())),
                assoc.out());
    }

    @Test
    void measuresOnThePairVerbs() throws IOException {
        Run g2 = run("pmi", store.toString(), "new", "york", "--measure", "g2");
        assertEquals(0, g2.code(), g2.err());
        try (CountStoreDirectory s = CountStoreDirectory.open(store)) {
            AssociationView v = AssociationView.of(s, AssociationMeasure.of(AssociationMeasure.Kind.G2));
            int a = s.vocabulary().id("new");
            int b = s.vocabulary().id("york");
            assertTrue(g2.out().startsWith(String.format(Locale.ROOT, "g2(new, york) = %.6f%n", v.value(a, b, s.counts().count(a, b)))), g2.out());
        }
        assertTrue(g2.out().contains("2x2 table of pair tokens") && g2.out().contains("expected E = k f_x f_y / N"), g2.out());
        assertTrue(run("pmi", store.toString(), "new", "york").out().startsWith("pmi(new, york) = "), "PMI output unchanged");
        // an asymmetric measure exports a general matrix, a symmetric one the lower triangle
        Path general = dir.resolve("dp.mtx");
        Run m = run("pmi-matrix", store.toString(), "-o", general.toString(), "--measure", "deltap-fwd");
        assertEquals(0, m.code(), m.err());
        List<String> lines = Files.readAllLines(general);
        assertEquals("%%MatrixMarket matrix coordinate real general", lines.get(0));
        try (CountStoreDirectory s = CountStoreDirectory.open(store)) {
            AssociationView v = AssociationView.of(s, AssociationMeasure.of(AssociationMeasure.Kind.DELTAP_FWD));
            assertEquals(s.counts().nonZeros() + " entries", lines.get(2).split(" ")[2] + " entries", "every observed ordered pair");
            for (String line : lines.subList(3, 200)) {
                String[] f = line.split(" ");
                int i = Integer.parseInt(f[0]) - 1;
                int j = Integer.parseInt(f[1]) - 1;
                assertEquals(v.value(i, j, s.counts().count(i, j)), Double.parseDouble(f[2]), 0.0, line);
            }
        }
        assertEquals(0, run("pmi-matrix", store.toString(), "-o", general.toString(), "--measure", "logdice", "--force").code(), "own file replaced");
        assertEquals("%%MatrixMarket matrix coordinate real symmetric", Files.readAllLines(general).get(0));

        assertOneLineError(run("collocations", store.toString(), "--measure", "bogus"), "bogus", "logdice", "deltap-fwd");
        assertOneLineError(run("collocations", store.toString(), "--measure", "logdice", "--cds", "0.75"), "--cds", "PMI family");
        assertOneLineError(run("collocations", store.toString(), "--format", "xml"), "xml");
        assertOneLineError(run("collocations", store.toString(), "--word", "zebra"), "zebra");
        assertOneLineError(run("collocations", store.toString(), "--stopwords", dir.resolve("none.txt").toString()), "none.txt");
        assertOneLineError(run("keywords", store.toString(), "new york", "--measure", "logdice"), "keywords", "PMI family", "logdice");
        assertOneLineError(run("phrase-pmi", store.toString(), "new", "york", "--measure", "tscore"), "phrase-pmi", "tscore");
    }

    @Test
    void aPhraseTableFromPhrasesToVectorsAndQueries() throws IOException {
        Path table = dir.resolve("phrases.txt");
        Run p = run("phrases", "-i", corpus.toString(), "-o", table.toString(), "--analyzer", "whitespace", "--min-count", "3", "--threshold",
                "20,10", "-q");
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("pass 1:") && p.out().contains("pass 2:") && p.out().contains("wrote"), p.out());
        PhraseTable t = PhraseTableFile.read(table);
        List<String> joined = t.phrases().stream().map(PhraseTable.Phrase::joined).toList();
        assertTrue(joined.contains("new_york") && joined.contains("hong_kong") && joined.contains("new_york_times"), joined.toString());

        Path vocab = dir.resolve("vocab");
        assertEquals(0, run("vocab", "-i", corpus.toString(), "-o", vocab.toString(), "--analyzer", "whitespace", "--min-count", "3",
                "--phrases", table.toString(), "-q").code());
        var v = VocabularyFile.read(vocab);
        assertTrue(v.vocabulary().id("new_york") >= 0 && v.vocabulary().id("new_york_times") >= 0);
        assertEquals(t.fingerprintHex(), v.properties().get(StoreKeys.PHRASES_FINGERPRINT));

        Path joinedStore = dir.resolve("joined");
        Run c = run("count", "-i", corpus.toString(), "-o", joinedStore.toString(), "--analyzer", "whitespace", "--min-count", "3",
                "--window", "3", "--phrases", table.toString(), "-q");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("phrases joined") || c.out().contains("joined into one token"), c.out());
        Path viaVocab = dir.resolve("via-vocab");
        assertEquals(0, run("count", "-i", corpus.toString(), "-o", viaVocab.toString(), "--vocab", vocab.toString(), "--window", "3", "-q").code());
        try (CountStoreDirectory a = CountStoreDirectory.open(joinedStore); CountStoreDirectory b = CountStoreDirectory.open(viaVocab)) {
            assertEquals(t.fingerprintHex(), a.property(StoreKeys.PHRASES_FINGERPRINT, null));
            assertEquals(a.counts().totalPairUnits(), b.counts().totalPairUnits(), "--vocab reuses the vocabulary's phrase table");
        }
        // queries tokenize with the store's phrases: "new york" is one word
        Run q = run("pmi", joinedStore.toString(), "new york", "hong kong", "--measure", "logdice");
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().startsWith("logdice(new_york, hong_kong) = "), q.out());
        assertEquals(0, run("collocations", joinedStore.toString(), "--word", "new york", "--top", "3").code());

        // a moved table: a clear error, then --phrases names its new place; another table is refused
        Path moved = dir.resolve("moved.txt");
        Files.move(table, moved);
        assertOneLineError(run("pmi", joinedStore.toString(), "new york", "w1"), "missing", "--phrases");
        assertEquals(0, run("pmi", joinedStore.toString(), "new york", "w1", "--phrases", moved.toString()).code());
        Path other = dir.resolve("other.txt");
        assertEquals(0, run("phrases", "-i", corpus.toString(), "-o", other.toString(), "--analyzer", "whitespace", "--min-count", "3",
                "--passes", "1", "--threshold", "400", "-q").code());
        assertOneLineError(run("pmi", joinedStore.toString(), "new york", "w1", "--phrases", other.toString()), "other.txt", "not the phrase table");
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", dir.resolve("s3").toString(), "--phrases", moved.toString(), "-q"),
                "moved.txt", "whitespace", "english");
        assertOneLineError(run("pmi", store.toString(), "new", "york", "--phrases", moved.toString()), "without phrases");
        Files.writeString(other, "not a table\n");
        assertOneLineError(run("phrases", "-i", corpus.toString(), "-o", other.toString(), "--force", "-q"), "other.txt", "not a phrase table");
        assertOneLineError(run("phrases", "-i", "-", "-o", dir.resolve("p2.txt").toString(), "-q"), "standard input");
        Files.move(moved, table);

        // vectors from the phrase-joined corpus: nearest new_york, and sentences join the phrases
        Path out = dir.resolve("run");
        Run r = run("run", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace", "--min-count", "3", "--phrases",
                table.toString(), "--preset", "words", "--dim", "8", "--window", "3", "--subsample", "0", "-q");
        assertEquals(0, r.code(), r.err());
        Run nn = run("nearest", out.resolve("vectors").toString(), "new_york");
        assertEquals(0, nn.code(), nn.err());
        assertTrue(nn.out().contains("nearest to 'new_york'"), nn.out());
        Run s = run("sentence", out.resolve("vectors").toString(), "we read the new york times in hong kong");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("text 1: 2 in-vocabulary tokens"), "new_york_times and hong_kong: " + s.out());
    }

    @Test
    void chinesePhrasesThroughSmartcn() throws IOException {
        Path full = Path.of("..", "corpus-samples", "chinese-sample.txt.gz");
        assertTrue(Files.isRegularFile(full), full.toAbsolutePath().toString());
        Path sample = dir.resolve("zh-sample.txt"); // the first 2,000 lines: smartcn is slow, and the suite must stay quick
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(Files.newInputStream(full)),
                java.nio.charset.StandardCharsets.UTF_8))) {
            Files.write(sample, in.lines().limit(2000).toList());
        }
        Path table = dir.resolve("zh.txt");
        Run p = run("phrases", "-i", sample.toString(), "-o", table.toString(), "--analyzer", "smartcn", "--min-count", "5", "--passes", "1",
                "--scoring", "npmi", "--threshold", "0.6", "-q");
        assertEquals(0, p.code(), p.err());
        PhraseTable t = PhraseTableFile.read(table);
        assertTrue(t.size() > 20, p.out());
        assertEquals("smartcn", t.analyzer().name());
        assertTrue(t.phrases().stream().allMatch(ph -> ph.score() > 0.6 && ph.count() >= 5));
        Path vocab = dir.resolve("zh-vocab");
        assertEquals(0, run("vocab", "-i", sample.toString(), "-o", vocab.toString(), "--analyzer", "smartcn", "--phrases", table.toString(),
                "--min-count", "5", "-q").code());
        var v = VocabularyFile.read(vocab).vocabulary();
        long present = t.phrases().stream().filter(ph -> v.id(ph.joined()) >= 0).count();
        assertTrue(present > t.size() / 2, present + " of " + t.size() + " phrases are words of the joined corpus");
        List<String> chinese = t.phrases().stream().map(PhraseTable.Phrase::joined)
                .filter(w -> w.codePoints().allMatch(cp -> cp == '_' || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).toList();
        assertTrue(chinese.size() > 10 && chinese.stream().filter(w -> v.id(w) >= 0).count() > chinese.size() / 2, chinese.toString());
        assertOneLineError(run("vocab", "-i", sample.toString(), "-o", dir.resolve("zh2").toString(), "--phrases", table.toString(), "-q"),
                "smartcn", "english");
    }
}
