package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import yuelao.engine.TestCorpora;
import yuelao.storage.format.WriteFaults;
import yuelao.storage.format.WriteFaults.Site;

/**
 * A write that fails at any of yuelao's write sites, as a full disk ({@code No space left on device}) or a failing
 * device ({@code Input/output error}) would, ends the command with exit 1 and one line naming the file; the output it
 * was replacing with {@code --force} is intact byte for byte (as is every input); and no temporary is left behind.
 * Each row is one site of one verb; every row runs with both faults. The injector counts its failures, so a row whose
 * site is never reached fails instead of passing vacuously.
 */
class FaultInjectionTest {
    @TempDir
    static Path shared;

    static Path corpus;
    static Path store;
    static Path store2;
    static Path vectors;
    static Path vectorsText;

    /** What a row's previous output is, and what is checked after the failure. */
    enum Before {
        /** Nothing: the output must not appear. */
        NOTHING,
        /** The same command's complete output, replaced with --force: it must be intact byte for byte. */
        PREVIOUS,
        /** A copy of an input the verb writes into (lookup-maps, index): it must be intact byte for byte. */
        COPY,
        /**
         * Nothing, for a verb of several stages that keeps each finished stage (run): the stages finished before the
         * fault may stay, and the same command then finishes the run, equal to one never interrupted.
         */
        RESUMABLE
    }

    /**
     * One write site of one verb.
     *
     * @param file the name (glob) of the file whose writes fail
     * @param afterBytes how many bytes of it are written before the writes fail
     * @param out the output's name in the row's directory
     * @param args the command, given the output's path
     * @param resume what the rerun of a {@link Before#RESUMABLE} row adds to the command, given the output's path
     */
    record Row(String name, Site site, String file, long afterBytes, Before before, String out, Function<Path, List<String>> args,
            Function<Path, List<String>> resume) {
        Row(String name, Site site, String file, long afterBytes, Before before, String out, Function<Path, List<String>> args) {
            this(name, site, file, afterBytes, before, out, args, o -> List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A fault, as the JDK words it. */
    enum Fault {
        DISK_FULL("No space left on device", WriteFaults::diskFull),
        DEVICE_ERROR("Input/output error", WriteFaults::deviceError);

        final String words;
        final Function<Path, IOException> make;

        Fault(String words, Function<Path, IOException> make) {
            this.words = words;
            this.make = make;
        }
    }

    @BeforeAll
    static void inputs() throws IOException {
        corpus = shared.resolve("corpus.txt");
        // 2,000 types: enough distinct pairs that a 1 MiB counting budget spills runs.
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(11), 2500, 2000));
        Path corpus2 = shared.resolve("corpus2.txt");
        Files.writeString(corpus2, TestCorpora.randomCorpus(new Random(12), 800, 2000));
        store = shared.resolve("store");
        ok("count", "-i", corpus.toString(), "-o", store.toString(), "--analyzer", "whitespace", "--min-count", "2", "-q");
        store2 = shared.resolve("store2");
        ok("count", "-i", corpus2.toString(), "-o", store2.toString(), "--vocab", store.toString(), "-q");
        vectors = shared.resolve("vectors");
        ok("train", "--store", store.toString(), "-o", vectors.toString(), "--dim", "8", "-q");
        vectorsText = shared.resolve("vectors.txt");
        ok("export", vectors.toString(), "-o", vectorsText.toString());
    }

    private static void ok(String... args) {
        CliRuns.Run r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Function<Path, List<String>> count = out -> List.of("count", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace",
                "--min-count", "2", "--memory", "1m", "--threads", "1", "-q");
        rows.add(new Row("count: spill run", Site.SPILL_RUN, "*.run", 0, Before.PREVIOUS, "store", count));
        rows.add(new Row("count: spill run, mid-file", Site.SPILL_RUN, "*.run", 1 << 16, Before.PREVIOUS, "store", count));
        rows.add(new Row("count: counts.bin", Site.BINARY_FILE, "counts.bin", 0, Before.PREVIOUS, "store", count));
        // The scatter writes into the store's temporary file through a mapping (the default budget: one window).
        rows.add(new Row("count: counts.bin scatter", Site.STORE_SCATTER, ".counts.bin.tmp-*", 0, Before.PREVIOUS, "store",
                out -> List.of("count", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace", "--min-count", "2", "-q")));
        rows.add(new Row("count: vocab.bin", Site.BINARY_FILE, "vocab.bin", 0, Before.PREVIOUS, "store", count));
        rows.add(new Row("count: vocab.txt", Site.TEXT_FILE, "vocab.txt", 0, Before.PREVIOUS, "store", count));
        rows.add(new Row("count: directory rename", Site.DIRECTORY_COMMIT, "store", 0, Before.PREVIOUS, "store", count));
        rows.add(new Row("count: fresh output", Site.BINARY_FILE, "counts.bin", 0, Before.NOTHING, "store", count));
        rows.add(new Row("vocab: vocab.bin", Site.BINARY_FILE, "vocab.bin", 0, Before.PREVIOUS, "vocab",
                out -> List.of("vocab", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace", "-q")));
        Function<Path, List<String>> merge = out -> List.of("merge", "-o", out.toString(), store.toString(), store2.toString(), "--memory", "1m");
        rows.add(new Row("merge: counts.bin", Site.BINARY_FILE, "counts.bin", 0, Before.PREVIOUS, "merged", merge));
        rows.add(new Row("merge: spill run", Site.SPILL_RUN, "*.run", 0, Before.PREVIOUS, "merged", merge));
        Function<Path, List<String>> train = out -> List.of("train", "--store", store.toString(), "-o", out.toString(), "--dim", "8", "-q");
        rows.add(new Row("train: vectors.bin", Site.BINARY_FILE, "vectors.bin", 0, Before.PREVIOUS, "vectors", train));
        rows.add(new Row("train: vectors.txt", Site.TEXT_FILE, "vectors.txt", 0, Before.PREVIOUS, "vectors", train));
        rows.add(new Row("train: subwords.bin", Site.BINARY_FILE, "subwords.bin", 0, Before.PREVIOUS, "vectors",
                out -> List.of("train", "--store", store.toString(), "-o", out.toString(), "--dim", "8", "--subwords", "2-4", "-q")));
        rows.add(new Row("subwords: subwords.bin", Site.BINARY_FILE, "subwords.bin", 0, Before.PREVIOUS, "sub",
                out -> List.of("subwords", "--store", store.toString(), "--vectors", vectors.toString(), "-o", out.toString(), "--subwords",
                        "2-4", "-q")));
        // The second checkpoint fails: the first stays, and training resumed from it equals an uninterrupted run.
        rows.add(new Row("train: checkpoint", Site.BINARY_FILE, "epoch-0002.ckpt", 0, Before.RESUMABLE, "vectors",
                out -> List.of("train", "--store", store.toString(), "-o", out.toString(), "--dim", "8", "--method", "pmi", "--pmi-epochs",
                        "3", "--checkpoint-every", "1", "-q"),
                out -> List.of("--resume", out.resolveSibling("vectors.checkpoints").toString())));
        for (String format : List.of("word2vec", "word2vec-binary", "glove", "fasttext-vec")) {
            rows.add(new Row("export: " + format, Site.TEXT_FILE, "export.vec", 0, Before.PREVIOUS, "export.vec",
                    out -> List.of("export", vectors.toString(), "-f", format, "-o", out.toString())));
        }
        rows.add(new Row("export: word2vec, mid-file", Site.TEXT_FILE, "export.vec", 1 << 12, Before.PREVIOUS, "export.vec",
                out -> List.of("export", vectors.toString(), "-o", out.toString())));
        rows.add(new Row("import: vectors.bin", Site.BINARY_FILE, "vectors.bin", 0, Before.PREVIOUS, "imported",
                out -> List.of("import", vectorsText.toString(), "-o", out.toString())));
        rows.add(new Row("lookup-maps: vocab map", Site.LOOKUP_MAP, "vocab.cmap", 0, Before.COPY, "store",
                out -> List.of("lookup-maps", out.toString())));
        rows.add(new Row("lookup-maps: pair map", Site.LOOKUP_MAP, "pairs.cmap", 0, Before.COPY, "store",
                out -> List.of("lookup-maps", out.toString())));
        rows.add(new Row("phrases: phrase table", Site.TEXT_FILE, "phrases.txt", 0, Before.PREVIOUS, "phrases.txt",
                out -> List.of("phrases", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace", "--min-count", "2", "-q")));
        rows.add(new Row("index: hnsw.bin", Site.BINARY_FILE, "hnsw.bin", 0, Before.COPY, "vectors",
                out -> List.of("index", out.toString(), "-q")));
        rows.add(new Row("pmi-matrix: matrix", Site.TEXT_FILE, "pmi.mtx", 0, Before.PREVIOUS, "pmi.mtx",
                out -> List.of("pmi-matrix", store.toString(), "-o", out.toString())));
        rows.add(new Row("run: manifest", Site.TEXT_FILE, "run.properties", 0, Before.RESUMABLE, "run",
                out -> List.of("run", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace", "--min-count", "2", "--dim",
                        "8", "--preset", "words", "-q")));
        return rows;
    }

    static Stream<Arguments> cases() {
        return rows().stream().flatMap(r -> Stream.of(Fault.values()).map(f -> Arguments.of(r, f)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void aFailedWriteIsOneLineAndHarmsNothing(Row row, Fault fault, @TempDir Path dir) throws Exception {
        Path out = dir.resolve(row.out());
        List<String> args = new ArrayList<>(row.args().apply(out));
        switch (row.before()) {
            case PREVIOUS -> {
                ok(args.toArray(String[]::new));
                args.add("--force");
            }
            case COPY -> copyTree(row.name().startsWith("index") ? vectors : store, out);
            case NOTHING, RESUMABLE -> { }
        }
        Map<Path, String> before = TreeChecksums.of(dir, shared);
        Map<Path, String> inputsBefore = TreeChecksums.of(shared);

        WriteFaults.Injector injector = WriteFaults.failAt(row.site(), row.file(), row.afterBytes(), fault.make);
        CliRuns.Run r;
        try (AutoCloseable armed = WriteFaults.arm(injector)) {
            r = run(args.toArray(String[]::new));
        }
        assertTrue(WriteFaults.hits(injector) > 0, "the fault was injected: " + r.err() + r.out());
        String named = row.file().replaceFirst("^\\.", "").replaceFirst("\\.tmp-\\*$", "").replace("*", "");
        named = named.endsWith(".") ? "" : named;
        assertOneLineError(r, fault.words, named);
        assertEquals(List.of(), TreeChecksums.temporaries(dir, shared), "no temporary left behind");
        if (row.before() == Before.RESUMABLE) {
            assertEquals(inputsBefore, TreeChecksums.of(shared), "every input is intact");
            List<String> rerun = new ArrayList<>(args);
            rerun.addAll(row.resume().apply(out));
            ok(rerun.toArray(String[]::new));
            Path reference = dir.resolve("reference");
            ok(row.args().apply(reference).toArray(String[]::new));
            assertEquals(TreeChecksums.relative(reference), TreeChecksums.relative(out), "the resumed run equals an uninterrupted one");
            return;
        }
        assertEquals(before, TreeChecksums.of(dir, shared), "the previous output and every input are intact, nothing new appeared");
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
