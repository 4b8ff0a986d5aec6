package yuelao.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import yuelao.engine.cli.Main;

/**
 * yuelao-spark count against ./yuelao count, in one local[2] context: the stores must be byte-identical for any number
 * of splits and reducers, every weighting, subsampling, self-pairs, split documents, a reused vocabulary and spills on
 * both sides of the shuffle; bad inputs fail with one line naming the file.
 */
class SparkCountTest {
    @TempDir
    static Path tmp;

    static JavaSparkContext sc;
    static Path corpus;

    @BeforeAll
    static void start() throws IOException {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("yuelao-spark-test").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1"));
        corpus = Corpora.directory(tmp, 42);
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    record Run(int code, String out, String err) {}

    static Run embedded(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(sc, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static int counter;

    /** Counts {@code input} both ways with {@code options}; asserts the two stores are the same bytes; returns the Spark run. */
    static Run assertSameStore(String input, int partitions, int rowBlocks, String... options) throws IOException {
        int n = counter++;
        Path a = tmp.resolve("embedded-" + n);
        Path b = tmp.resolve("spark-" + n);
        List<String> common = new ArrayList<>(List.of("count", "-i", input));
        common.addAll(List.of(options));
        List<String> e = new ArrayList<>(common);
        e.addAll(List.of("-o", a.toString(), "-q", "--threads", "2"));
        Run re = embedded(e.toArray(String[]::new));
        assertEquals(0, re.code(), re.err());
        List<String> s = new ArrayList<>(common);
        s.addAll(List.of("-o", b.toString(), "-q", "--partitions", Integer.toString(partitions), "--row-blocks", Integer.toString(rowBlocks)));
        Run rs = spark(s.toArray(String[]::new));
        assertEquals(0, rs.code(), rs.err() + rs.out());
        Matcher m = Pattern.compile("spark: (\\d+) splits, (\\d+) row blocks").matcher(rs.out());
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= partitions && Integer.parseInt(m.group(2)) == rowBlocks, rs.out());
        List<Path> files = Corpora.files(a);
        assertEquals(files, Corpora.files(b), "the same files");
        assertTrue(files.contains(Path.of("counts.bin")) && files.contains(Path.of("vocab.bin")), files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs for " + String.join(" ", options));
        }
        return rs;
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 2", "8, 5"})
    void uniformAnyPartitioning(int partitions, int rowBlocks) throws IOException {
        assertSameStore(corpus.toString(), partitions, rowBlocks);
    }

    @ParameterizedTest
    @CsvSource({"harmonic, 5, 4, 3", "dynamic, 8, 6, 4", "uniform, 2, 5, 7"})
    void weightings(String weighting, int window, int partitions, int rowBlocks) throws IOException {
        assertSameStore(corpus.toString(), partitions, rowBlocks, "--weighting", weighting, "--window", Integer.toString(window),
                "--min-count", "3");
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "5, 3", "9, 1"})
    void subsamplingWithSplitDocuments(int partitions, int rowBlocks) throws IOException {
        // Short documents: over-long lines become several documents, and every document index shifts the draws.
        assertSameStore(corpus.toString(), partitions, rowBlocks, "--subsample", "1e-2", "--seed", "7", "--max-document-length", "100",
                "--weighting", "dynamic");
    }

    @Test
    void selfPairsKeptGapsAndVocabularyCap() throws IOException {
        assertSameStore(corpus.toString(), 7, 3, "--self-pairs", "--keep-oov-positions", "--max-vocab", "150", "--window", "6");
    }

    @Test
    void oneNamedFileCutInManySplits() throws IOException {
        assertSameStore(corpus.resolve("a.txt").toString(), 11, 4, "--subsample", "5e-3", "--analyzer", "standard");
    }

    @Test
    void globInput() throws IOException {
        assertSameStore(corpus + "/*.txt", 4, 2);
    }

    @Test
    void spillsOnBothSidesOfTheShuffle() throws IOException {
        Run r = assertSameStore(corpus.toString(), 3, 2, "--memory", "1m", "--fan-in", "2", "--self-pairs");
        Matcher split = Pattern.compile("splits spilled (\\d+) runs").matcher(r.out());
        Matcher reduce = Pattern.compile("reducers spilled (\\d+) runs").matcher(r.out());
        assertTrue(split.find() && reduce.find(), r.out());
        assertTrue(Integer.parseInt(split.group(1)) > 0, "the counting tasks spilled: " + r.out());
        assertTrue(Integer.parseInt(reduce.group(1)) > 0, "the reducers spilled: " + r.out());
    }

    @Test
    void reusedVocabularyWithSubsampling() throws IOException {
        Path vocab = tmp.resolve("vocab-dir");
        Run v = embedded("vocab", "-i", corpus.toString(), "-o", vocab.toString(), "--min-count", "4");
        assertEquals(0, v.code(), v.err());
        assertSameStore(corpus.toString(), 4, 2, "--vocab", vocab.toString(), "--subsample", "1e-2", "--seed", "3");
    }

    static void assertOneLineError(Run r, String... fragments) {
        assertEquals(1, r.code(), r.err() + r.out());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' in: " + err);
        }
    }

    @Test
    void binaryInputFailsNamingTheFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.write(dir.resolve("a.txt"), Corpora.text(1, 300));
        byte[] bin = Corpora.text(2, 50);
        bin[100] = 0;
        Files.write(dir.resolve("b.bin"), bin);
        Run r = spark("count", "-i", dir.toString(), "-o", tmp.resolve("bad-store").toString(), "-q", "--partitions", "3");
        assertOneLineError(r, "b.bin", "binary input");
        assertFalse(Files.exists(tmp.resolve("bad-store")), "no store");
    }

    @Test
    void missingAndEmptyInputs() throws IOException {
        assertOneLineError(spark("count", "-i", tmp.resolve("nope.txt").toString(), "-o", tmp.resolve("s1").toString(), "-q"),
                "nope.txt", "no such file");
        Path empty = Files.write(tmp.resolve("empty-named.txt"), new byte[0]);
        assertOneLineError(spark("count", "-i", empty.toString(), "-o", tmp.resolve("s2").toString(), "-q"), "empty-named.txt", "empty input");
        assertOneLineError(spark("count", "-i", "-", "-o", tmp.resolve("s3").toString(), "-q"), "standard input");
    }

    @Test
    void phrasesAreRefusedNotIgnored() throws IOException {
        Path phrases = tmp.resolve("phrases");
        Run p = embedded("phrases", "-i", corpus.toString(), "-o", phrases.toString(), "-q");
        assertEquals(0, p.code(), p.err());
        Path out = tmp.resolve("s5");
        assertOneLineError(spark("count", "-i", corpus.toString(), "-o", out.toString(), "-q", "--phrases", phrases.toString()), "--phrases",
                "not supported");
        assertFalse(Files.exists(out), "no store");
    }

    @Test
    void usageErrorsExitTwo() {
        Run r = spark("count", "-o", tmp.resolve("s4").toString());
        assertEquals(2, r.code(), r.err());
        Run help = spark("count", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--memory") && help.out().contains("Default: 1g") && help.out().contains("--partitions"), help.out());
    }
}
