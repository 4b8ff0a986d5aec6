package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static yuelao.engine.cli.CliRuns.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import yuelao.engine.FrameEdits;
import yuelao.engine.TestCorpora;

/**
 * The bad-input catalogue (docs/bad-input.md): every verb, driven in-process, with a bad corpus, option, store,
 * vectors directory, import file, query or phrase table. Each row is a case: its name, the command (given the
 * fixtures and a scratch output path), the exit code (2: a usage error; 1: any other failure) and the fragments
 * that the one line on stderr must hold (the file, word or option at fault). Every case also checks that stderr is
 * that one line with no stack trace, and that no file of the fixtures changed and none appeared (SHA-256 of every
 * file before and after): a bad input never costs the user anything. The fixtures (a tiny corpus, its store, its
 * vectors and the bad files derived from them) are built once for the class.
 */
class BadInputCatalogueTest {
    @TempDir
    static Path fx;

    static Path corpus;
    static Path store;
    static Path vectors;
    static Path subwordVectors;
    static Path phrases;
    static Path bad;

    /** One row of the catalogue. */
    record Case(String name, Function<Path, List<String>> args, int code, List<String> fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case usage(String name, Function<Path, List<String>> args, String... fragments) {
        return new Case(name, args, 2, List.of(fragments));
    }

    /** A bad input that is not an error: the command succeeds and its report (stdout or stderr) says what it met. */
    static Case succeeds(String name, Function<Path, List<String>> args, String... fragments) {
        return new Case(name, args, 0, List.of(fragments));
    }

    static Case fails(String name, Function<Path, List<String>> args, String... fragments) {
        return new Case(name, args, 1, List.of(fragments));
    }

    static String p(String name) {
        return bad.resolve(name).toString();
    }

    @BeforeAll
    static void fixtures() throws IOException {
        corpus = fx.resolve("corpus.txt");
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(3), 600, 120) + "new york new york new york\n".repeat(20));
        store = fx.resolve("store");
        ok("count", "-i", corpus.toString(), "-o", store.toString(), "--analyzer", "whitespace", "--min-count", "2", "-q");
        vectors = fx.resolve("vectors");
        ok("train", "--store", store.toString(), "-o", vectors.toString(), "--dim", "8", "-q");
        subwordVectors = fx.resolve("subword-vectors");
        ok("train", "--store", store.toString(), "-o", subwordVectors.toString(), "--dim", "8", "--subwords", "2-4", "-q");
        phrases = fx.resolve("phrases.txt");
        ok("phrases", "-i", corpus.toString(), "-o", phrases.toString(), "--analyzer", "whitespace", "--min-count", "5", "-q");
        bad = Files.createDirectory(fx.resolve("bad"));

        // Corpora.
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Files.write(bad.resolve("binary.dat"), noise);
        Files.write(bad.resolve("latin1.txt"), "caf\u00e9 na\u00efve r\u00e9sum\u00e9\n".repeat(50).getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(bad.resolve("one-huge-token.txt"), "x".repeat(3 << 20) + "\n");
        Files.write(bad.resolve("empty.txt"), new byte[0]);
        Files.createDirectory(bad.resolve("empty-dir"));
        Files.writeString(bad.resolve("blank-lines.txt"), "\n \n\t\n".repeat(100));
        byte[] gz = gzip(Files.readAllBytes(corpus));
        Files.write(bad.resolve("truncated.gz"), Arrays.copyOf(gz, gz.length / 2));
        byte[] corrupt = gz.clone();
        for (int i = 20; i < 60; i++) {
            corrupt[i] ^= (byte) 0x5A;
        }
        Files.write(bad.resolve("corrupt.gz"), corrupt);
        Files.write(bad.resolve("unreadable.txt"), Files.readAllBytes(corpus));
        bad.resolve("unreadable.txt").toFile().setReadable(false, false);

        // Stores.
        copyTree(store, bad.resolve("store-truncated"));
        truncate(bad.resolve("store-truncated/counts.bin"), 0.5);
        copyTree(store, bad.resolve("store-flipped"));
        flip(bad.resolve("store-flipped/counts.bin"), 0.6);
        copyTree(store, bad.resolve("store-no-counts"));
        Files.delete(bad.resolve("store-no-counts/counts.bin"));
        copyTree(store, bad.resolve("store-future"));
        future(bad.resolve("store-future/counts.bin"));
        copyTree(store, bad.resolve("store-foreign-vocab"));
        Path other = fx.resolve("other-corpus.txt");
        Files.writeString(other, TestCorpora.randomCorpus(new Random(4), 300, 90));
        ok("vocab", "-i", other.toString(), "-o", bad.resolve("other-vocab").toString(), "--analyzer", "whitespace", "--min-count", "2", "-q");
        Files.copy(bad.resolve("other-vocab/vocab.bin"), bad.resolve("store-foreign-vocab/vocab.bin"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        copyTree(store, bad.resolve("store-vocab-truncated"));
        truncate(bad.resolve("store-vocab-truncated/vocab.bin"), 0.5);
        Files.createDirectory(bad.resolve("not-a-store"));
        Files.writeString(bad.resolve("not-a-store/notes.txt"), "my notes\n");

        // Vectors.
        copyTree(vectors, bad.resolve("vectors-truncated"));
        truncate(bad.resolve("vectors-truncated/vectors.bin"), 0.7);
        copyTree(vectors, bad.resolve("vectors-flipped"));
        flip(bad.resolve("vectors-flipped/vectors.bin"), 0.5);
        copyTree(vectors, bad.resolve("vectors-future"));
        future(bad.resolve("vectors-future/vectors.bin"));
        copyTree(vectors, bad.resolve("vectors-no-vocab"));
        Files.delete(bad.resolve("vectors-no-vocab/vocab.bin"));
        copyTree(subwordVectors, bad.resolve("subwords-flipped"));
        flip(bad.resolve("subwords-flipped/subwords.bin"), 0.5);

        // Import files.
        Files.writeString(bad.resolve("ragged.vec"), "3 4\na 1 2 3 4\nb 1 2 3\nc 1 2 3 4\n");
        Files.writeString(bad.resolve("nan.vec"), "2 3\na 1 NaN 3\nb 1 2 3\n");
        Files.writeString(bad.resolve("wrong-dim.vec"), "2 5\na 1 2 3\nb 1 2 3\n");
        Files.writeString(bad.resolve("wrong-count.vec"), "5 3\na 1 2 3\nb 1 2 3\n");
        Files.writeString(bad.resolve("duplicate.vec"), "2 3\na 1 2 3\na 1 2 3\n");
        Files.writeString(bad.resolve("not-a-number.vec"), "2 3\na 1 two 3\nb 1 2 3\n");
        Files.write(bad.resolve("garbage.bin"), noise);

        // Phrase tables, word lists, evaluation sets.
        byte[] table = Files.readAllBytes(phrases);
        table[table.length / 2] ^= 0x01;
        Files.write(bad.resolve("phrases-flipped.txt"), table);
        Files.writeString(bad.resolve("not-a-phrase-table.txt"), "new york\nlos angeles\n");
        Files.writeString(bad.resolve("similarity-bad.txt"), "w1 w2 high\n");
    }

    static Stream<Case> cases() {
        String c = corpus.toString();
        String s = store.toString();
        String v = vectors.toString();
        List<Case> k = new ArrayList<>();
        // --- corpus files ---
        k.add(fails("count: missing corpus", o -> List.of("count", "-i", p("no-such.txt"), "-o", o.toString()), "no-such.txt"));
        k.add(fails("count: empty corpus", o -> List.of("count", "-i", p("empty.txt"), "-o", o.toString()), "empty.txt"));
        k.add(fails("count: directory with nothing", o -> List.of("count", "-i", p("empty-dir"), "-o", o.toString()), "empty-dir"));
        k.add(fails("count: only blank lines", o -> List.of("count", "-i", p("blank-lines.txt"), "-o", o.toString()), "blank-lines.txt"));
        k.add(fails("count: binary file", o -> List.of("count", "-i", p("binary.dat"), "-o", o.toString()), "binary.dat"));
        // Not an error: a stray byte must not stop a long run; the summary says how many were replaced and where the first is.
        k.add(succeeds("vocab: not UTF-8", o -> List.of("vocab", "-i", p("latin1.txt"), "-o", o.toString()), "malformed UTF-8: 200",
                "latin1.txt:1"));
        k.add(fails("count: one line, one huge token", o -> List.of("count", "-i", p("one-huge-token.txt"), "-o", o.toString()),
                "one-huge-token.txt", "over-long tokens dropped"));
        k.add(fails("count: truncated gzip", o -> List.of("count", "-i", p("truncated.gz"), "-o", o.toString()), "truncated.gz"));
        k.add(fails("vocab: corrupt gzip", o -> List.of("vocab", "-i", p("corrupt.gz"), "-o", o.toString()), "corrupt.gz"));
        k.add(fails("phrases: missing corpus", o -> List.of("phrases", "-i", p("no-such.txt"), "-o", o.toString()), "no-such.txt"));
        k.add(fails("run: truncated gzip", o -> List.of("run", "-i", p("truncated.gz"), "-o", o.toString()), "truncated.gz"));
        k.add(new Case("count: unreadable corpus", o -> List.of("count", "-i", p("unreadable.txt"), "-o", o.toString()), 1,
                List.of("unreadable.txt", "not readable")));
        // --- options ---
        k.add(fails("count: --memory not a size", o -> List.of("count", "-i", c, "-o", o.toString(), "--memory", "12q"), "--memory", "12q"));
        k.add(fails("count: --memory 0", o -> List.of("count", "-i", c, "-o", o.toString(), "--memory", "0"), "--memory"));
        k.add(fails("count: --memory negative", o -> List.of("count", "-i", c, "-o", o.toString(), "--memory", "-5m"), "--memory"));
        k.add(fails("count: --memory beyond a long", o -> List.of("count", "-i", c, "-o", o.toString(), "--memory", "99999999999t"),
                "--memory"));
        k.add(fails("count: --window 0", o -> List.of("count", "-i", c, "-o", o.toString(), "--window", "0"), "--window"));
        k.add(fails("count: --window huge", o -> List.of("count", "-i", c, "-o", o.toString(), "--window", "2000000000"), "--window"));
        k.add(usage("count: --window not a number", o -> List.of("count", "-i", c, "-o", o.toString(), "--window", "ten"), "--window", "ten"));
        k.add(fails("count: --threads 0", o -> List.of("count", "-i", c, "-o", o.toString(), "--threads", "0"), "--threads"));
        k.add(fails("count: --min-count negative", o -> List.of("count", "-i", c, "-o", o.toString(), "--min-count", "-1"), "--min-count"));
        k.add(fails("count: --fan-in 1", o -> List.of("count", "-i", c, "-o", o.toString(), "--fan-in", "1"), "--fan-in"));
        k.add(fails("count: --subsample negative", o -> List.of("count", "-i", c, "-o", o.toString(), "--subsample", "-0.1"), "--subsample"));
        k.add(fails("count: unknown analyzer", o -> List.of("count", "-i", c, "-o", o.toString(), "--analyzer", "klingon"), "klingon"));
        k.add(fails("count: unknown weighting", o -> List.of("count", "-i", c, "-o", o.toString(), "--weighting", "cubic"), "--weighting",
                "cubic"));
        k.add(usage("count: unknown option", o -> List.of("count", "-i", c, "-o", o.toString(), "--windwo", "5"), "--windwo"));
        k.add(usage("count: missing --out", o -> List.of("count", "-i", c), "--out"));
        k.add(fails("count: --stem with whitespace", o -> List.of("count", "-i", c, "-o", o.toString(), "--analyzer", "whitespace", "--stem"),
                "--stem"));
        k.add(fails("count: output is the corpus", o -> List.of("count", "-i", c, "-o", c, "--force"), "corpus.txt"));
        k.add(fails("count: --force over a folder yuelao did not write", o -> List.of("count", "-i", c, "-o", p("not-a-store"), "--force"),
                "not-a-store"));
        k.add(fails("count: output exists", o -> List.of("count", "-i", c, "-o", s), "store", "--force"));
        k.add(fails("train: --dim 0", o -> List.of("train", "--store", s, "-o", o.toString(), "--dim", "0"), "--dim"));
        k.add(fails("train: --dim beyond the limit", o -> List.of("train", "--store", s, "-o", o.toString(), "--dim", "100000"), "--dim"));
        k.add(fails("train: --dim beyond the vocabulary", o -> List.of("train", "--store", s, "-o", o.toString(), "--dim", "500"), "--dim"));
        k.add(fails("train: unknown method", o -> List.of("train", "--store", s, "-o", o.toString(), "--method", "glove"), "--method", "glove"));
        k.add(fails("train: --subwords backwards", o -> List.of("train", "--store", s, "-o", o.toString(), "--subwords", "5-2"), "--subwords"));
        k.add(fails("train: setting of another method", o -> List.of("train", "--store", s, "-o", o.toString(), "--pmi-epochs", "3"),
                "--pmi-epochs"));
        k.add(fails("run: unknown preset", o -> List.of("run", "-i", c, "-o", o.toString(), "--preset", "fastest"), "fastest"));
        k.add(fails("nearest: --top 0", o -> List.of("nearest", v, "w1", "--top", "0"), "--top"));
        k.add(usage("nearest: --ann with --exact", o -> List.of("nearest", v, "w1", "--ann", "--exact"), "--ann", "--exact"));
        k.add(usage("export: unknown format", o -> List.of("export", v, "-o", o.toString(), "--format", "npy"), "npy"));
        k.add(usage("unknown verb", o -> List.of("cuont", "-i", c), "cuont"));
        // --- stores ---
        k.add(fails("counts: truncated counts.bin", o -> List.of("counts", "--info", p("store-truncated")), "counts.bin", "truncated"));
        k.add(fails("pmi: flipped byte in counts.bin", o -> List.of("pmi", p("store-flipped"), "w1", "w2"), "counts.bin", "checksum"));
        k.add(fails("train: store without counts.bin", o -> List.of("train", "--store", p("store-no-counts"), "-o", o.toString()), "counts.bin"));
        k.add(fails("associates: store from the future", o -> List.of("associates", p("store-future"), "w1"), "counts.bin", "newer"));
        k.add(fails("counts: another store's vocabulary", o -> List.of("counts", "--info", p("store-foreign-vocab")), "store-foreign-vocab"));
        k.add(fails("counts: a folder that is no store", o -> List.of("counts", "--info", p("not-a-store")), "not-a-store"));
        k.add(fails("pmi: a vectors directory as the store", o -> List.of("pmi", v, "w1", "w2"), "vectors"));
        k.add(fails("merge: one store twice truncated", o -> List.of("merge", "-o", o.toString(), s, p("store-truncated")), "counts.bin"));
        k.add(fails("lookup-maps: flipped store", o -> List.of("lookup-maps", p("store-flipped")), "counts.bin"));
        k.add(fails("count: --vocab with a truncated vocab.bin", o -> List.of("count", "-i", c, "-o", o.toString(), "--vocab",
                p("store-vocab-truncated")), "vocab.bin", "truncated"));
        // --- vectors ---
        k.add(fails("nearest: truncated vectors.bin", o -> List.of("nearest", p("vectors-truncated"), "w1"), "vectors.bin", "truncated"));
        k.add(fails("similarity: flipped vectors.bin", o -> List.of("similarity", p("vectors-flipped"), "w1", "w2"), "vectors.bin"));
        k.add(fails("analogy: vectors from the future", o -> List.of("analogy", p("vectors-future"), "w1", "w2", "w3"), "vectors.bin", "newer"));
        k.add(fails("export: vectors without vocab.bin", o -> List.of("export", p("vectors-no-vocab"), "-o", o.toString()), "vocab.bin"));
        k.add(fails("nearest: flipped subwords.bin", o -> List.of("nearest", p("subwords-flipped"), "zzqq"), "subwords.bin"));
        k.add(fails("index: a store as the vectors", o -> List.of("index", s), "store"));
        k.add(fails("eval: missing evaluation file", o -> List.of("eval", v, "--similarity", p("no-such-set.txt")), "no-such-set.txt"));
        k.add(fails("eval: malformed similarity line", o -> List.of("eval", v, "--similarity", p("similarity-bad.txt")), "similarity-bad.txt"));
        // --- imports ---
        k.add(fails("import: ragged row", o -> List.of("import", p("ragged.vec"), "-o", o.toString()), "ragged.vec", "line 3"));
        k.add(fails("import: NaN", o -> List.of("import", p("nan.vec"), "-o", o.toString()), "nan.vec"));
        k.add(fails("import: header dimension differs", o -> List.of("import", p("wrong-dim.vec"), "-o", o.toString()), "wrong-dim.vec"));
        k.add(fails("import: header count differs", o -> List.of("import", p("wrong-count.vec"), "-o", o.toString()), "wrong-count.vec"));
        k.add(fails("import: duplicate word", o -> List.of("import", p("duplicate.vec"), "-o", o.toString()), "duplicate.vec"));
        k.add(fails("import: not a number", o -> List.of("import", p("not-a-number.vec"), "-o", o.toString()), "not-a-number.vec", "two"));
        k.add(fails("import: binary garbage", o -> List.of("import", p("garbage.bin"), "-o", o.toString()), "garbage.bin"));
        // --- queries ---
        k.add(fails("nearest: unknown word", o -> List.of("nearest", v, "zzqqxx"), "zzqqxx"));
        k.add(fails("pmi: unknown word", o -> List.of("pmi", s, "w1", "zzqqxx"), "zzqqxx"));
        k.add(fails("similarity: unknown word", o -> List.of("similarity", v, "w1", "zzqqxx"), "zzqqxx"));
        k.add(fails("sentence: empty text", o -> List.of("sentence", v, "", "w1 w2"), "text 1"));
        k.add(fails("keywords: empty text", o -> List.of("keywords", s, " "), "text"));
        k.add(fails("pmi: unknown measure", o -> List.of("pmi", s, "w1", "w2", "--measure", "bogus"), "bogus"));
        k.add(usage("doesnt-match: one word", o -> List.of("doesnt-match", v, "w1"), "WORD", "2"));
        // --- phrase tables ---
        k.add(fails("count: flipped phrase table", o -> List.of("count", "-i", c, "-o", o.toString(), "--phrases", p("phrases-flipped.txt"),
                "--analyzer", "whitespace"), "phrases-flipped.txt"));
        k.add(fails("count: not a phrase table", o -> List.of("count", "-i", c, "-o", o.toString(), "--phrases", p("not-a-phrase-table.txt"),
                "--analyzer", "whitespace"), "not-a-phrase-table.txt"));
        k.add(fails("pmi: --phrases for a store made without", o -> List.of("pmi", s, "w1", "w2", "--phrases", p("no-such-table.txt")), "no-such-table.txt"));
        // --- the other verbs ---
        k.add(fails("collocations: unknown word", o -> List.of("collocations", s, "--word", "zzqqxx"), "zzqqxx"));
        k.add(fails("collocations: missing stopword file", o -> List.of("collocations", s, "--stopwords", p("no-such-stopwords.txt")),
                "no-such-stopwords.txt"));
        k.add(fails("collocations: unknown format", o -> List.of("collocations", s, "--format", "xml"), "--format", "xml"));
        k.add(fails("collocations: flipped store", o -> List.of("collocations", p("store-flipped")), "counts.bin"));
        k.add(fails("phrase-pmi: empty text", o -> List.of("phrase-pmi", s, "", "w1 w2"), "text"));
        k.add(fails("phrase-pmi: unknown --unobserved", o -> List.of("phrase-pmi", s, "w1", "w2", "--unobserved", "guess"), "--unobserved",
                "guess"));
        k.add(fails("pmi-matrix: truncated store", o -> List.of("pmi-matrix", p("store-truncated"), "-o", o.toString()), "counts.bin"));
        k.add(fails("pmi-matrix: output over the corpus", o -> List.of("pmi-matrix", s, "-o", c, "--force"), "corpus.txt"));
        k.add(fails("subwords: a store whose vocab.bin is another's", o -> List.of("subwords", "--store", p("store-foreign-vocab"), "--vectors", v, "-o",
                o.toString()), "store-foreign-vocab"));
        k.add(fails("subwords: flipped vectors.bin", o -> List.of("subwords", "--store", s, "--vectors", p("vectors-flipped"), "-o",
                o.toString()), "vectors.bin"));
        k.add(fails("demo: missing corpus", o -> List.of("demo", "-o", o.toString(), "--corpus", p("no-such.txt")), "no-such.txt"));
        k.add(fails("demo: output over a folder of notes", o -> List.of("demo", "-o", p("not-a-store"), "--corpus", c),
                "not-a-store"));
        k.add(fails("export: output exists", o -> List.of("export", v, "-o", c), "corpus.txt"));
        k.add(fails("index: flipped vectors.bin", o -> List.of("index", p("vectors-flipped")), "vectors.bin"));
        k.add(fails("vocab: --min-count beyond every word", o -> List.of("vocab", "-i", c, "-o", o.toString(), "--min-count", "1000000000"),
                "--min-count"));
        return k.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadInputIsOneLineAndChangesNothing(Case k, @TempDir Path scratch) {
        if (k.name().contains("unreadable")) {
            assumeTrue(!Files.isReadable(bad.resolve("unreadable.txt")), "running as root: every file is readable");
        }
        Path out = scratch.resolve("out");
        Map<Path, String> before = TreeChecksums.of(fx, scratch);
        List<String> args = k.args().apply(out);
        CliRuns.Run r = run(args.toArray(String[]::new));
        String err = r.err().strip();
        record(k, args, out, r);
        assertEquals(k.code(), r.code(), "exit code; stderr: " + r.err() + " stdout: " + r.out());
        if (k.code() == 0) {
            for (String f : k.fragments()) {
                assertTrue((r.out() + r.err()).contains(f), "'" + f + "' in: " + r.out() + r.err());
            }
            Map<Path, String> after = TreeChecksums.of(fx, scratch);
            after.keySet().removeIf(p -> p.startsWith(out));
            assertEquals(Map.of(), changes(before, after), "nothing but the output changed or appeared");
            return;
        }
        assertFalse(err.isEmpty(), "says what is wrong");
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("internal error"), "no stack trace: " + err);
        for (String f : k.fragments()) {
            assertTrue(err.contains(f), "'" + f + "' in: " + err);
        }
        assertEquals(Map.of(), changes(before, TreeChecksums.of(fx, scratch)), "nothing changed or appeared");
    }

    /**
     * With {@code YUELAO_CATALOGUE_MD=FILE}, appends the case as a row of docs/bad-input.md's table (the command and
     * what the user sees, the fixtures' paths made relative): the document is regenerated from the catalogue itself.
     */
    private static void record(Case k, List<String> args, Path out, CliRuns.Run r) {
        String md = System.getenv("YUELAO_CATALOGUE_MD");
        if (md == null) {
            return;
        }
        String seen = k.code() == 0 ? summaryLine(k, r.out() + r.err()) : r.err().strip();
        String row = "| " + k.name() + " | `yuelao " + relative(String.join(" ", args.stream().map(a -> a.isEmpty() || a.contains(" ")
                ? "'" + a + "'" : a).toList()), out) + "` | " + k.code() + " | " + relative(seen, out).replace("|", "\\|") + " |\n";
        try {
            Files.writeString(Path.of(md), row, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The line of a successful run's report that holds the case's first fragment. */
    private static String summaryLine(Case k, String report) {
        return report.lines().filter(l -> l.contains(k.fragments().getFirst())).findFirst().orElse("").strip();
    }

    private static String relative(String s, Path out) {
        return s.replace(out.toString(), "out").replace(bad + "/", "").replace(fx + "/", "");
    }

    /** The files that changed, appeared or disappeared between two snapshots, each with what happened to it. */
    private static Map<Path, String> changes(Map<Path, String> before, Map<Path, String> after) {
        Map<Path, String> d = new java.util.TreeMap<>();
        before.forEach((f, h) -> {
            if (!after.containsKey(f)) {
                d.put(f, "disappeared");
            } else if (!after.get(f).equals(h)) {
                d.put(f, "changed");
            }
        });
        after.keySet().stream().filter(f -> !before.containsKey(f)).forEach(f -> d.put(f, "appeared"));
        return d;
    }

    private static void ok(String... args) {
        CliRuns.Run r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        }
        return b.toByteArray();
    }

    private static void truncate(Path f, double keep) throws IOException {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, (int) (b.length * keep)));
    }

    private static void flip(Path f, double at) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[(int) (b.length * at)] ^= 0x10;
        Files.write(f, b);
    }

    /** The format version set to 99 with a valid checksum: a file from a future yuelao. */
    private static void future(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(FrameEdits.versionOffset(b), 99);
        Files.write(f, FrameEdits.reseal(b));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
