package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.cli.CliRuns.Run;

/** The command line: exit codes, help, one-line errors without stack traces. */
class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryVerbAndEveryOptionWithItsDefault() {
        Run top = run("--help");
        assertEquals(0, top.code());
        for (Class<?> verb : YuelaoCommand.VERBS) { // registered lazily by Main: the listing must still hold every verb
            String name = verb.getAnnotation(picocli.CommandLine.Command.class).name();
            assertTrue(top.out().contains("\n  " + name + " "), name);
        }
        assertTrue(top.out().contains("\n  doesnt-match "));
        Run count = run("count", "--help");
        assertEquals(0, count.code());
        for (String opt : new String[] {"--window", "--weighting", "--memory", "--min-count", "--keep-oov-positions", "--threads"}) {
            assertTrue(count.out().contains(opt), opt);
        }
        assertTrue(count.out().contains("Default: 10"), "window default shown");
        assertTrue(count.out().contains("Default: 1g"), "memory default shown");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run().code());
        Run unknown = run("no-such-verb");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no-such-verb"), unknown.err());
        assertEquals(2, run("vocab", "--out", dir.toString()).code(), "missing --input");
        assertEquals(2, run("count", "--window", "ten", "-i", "x", "-o", "y").code());
    }

    @Test
    void badInputGivesOneLineErrorsNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.txt");
        assertOneLineError(run("vocab", "-i", missing.toString(), "-o", dir.resolve("v").toString(), "-q"), "missing.txt", "no such file");
        Path bin = dir.resolve("data.bin");
        Files.write(bin, new byte[] {1, 2, 0, 4});
        assertOneLineError(run("vocab", "-i", bin.toString(), "-o", dir.resolve("v").toString(), "-q"), "data.bin", "binary");
        Path empty = dir.resolve("empty.txt");
        Files.createFile(empty);
        assertOneLineError(run("count", "-i", empty.toString(), "-o", dir.resolve("s").toString(), "-q"), "empty.txt", "empty");
        assertOneLineError(run("vocab", "-i", bin.toString(), "-o", dir.resolve("v").toString(), "--analyzer", "klingon", "-q"), "klingon");
        assertOneLineError(run("counts", dir.resolve("nostore").toString(), "--info"), "nostore");
        assertOneLineError(run("count", "-i", bin.toString(), "-o", dir.resolve("s").toString(), "--memory", "lots", "-q"), "lots");
        assertFalse(Files.exists(dir.resolve("v")) || Files.exists(dir.resolve("s")), "no output on failure");
    }

    @Test
    void existingOutputIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, "a b c a b a\n".repeat(10));
        Path v = dir.resolve("v");
        Files.createDirectories(v);
        Files.writeString(v.resolve("precious.txt"), "mine");
        assertOneLineError(run("vocab", "-i", corpus.toString(), "-o", v.toString(), "-q"), "already exists", "--force");
        assertEquals("mine", Files.readString(v.resolve("precious.txt")));
        assertOneLineError(run("vocab", "-i", corpus.toString(), "-o", v.toString(), "-q", "--force"), "precious.txt", "did not write");
        assertEquals("mine", Files.readString(v.resolve("precious.txt")), "--force never deletes what yuelao did not write");
        Files.delete(v.resolve("precious.txt"));
        assertEquals(0, run("vocab", "-i", corpus.toString(), "-o", v.toString(), "-q", "--force").code(), "an empty directory is free");
        Run ok = run("vocab", "-i", corpus.toString(), "-o", v.toString(), "-q", "--force", "--min-count", "1");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("a 30\nb 20\nc 10\n", Files.readString(v.resolve("vocab.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void corruptStoreIsReportedInOneLine() throws Exception {
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, "the cat sat on the mat\n".repeat(20));
        Path store = dir.resolve("store");
        assertEquals(0, run("count", "-i", corpus.toString(), "-o", store.toString(), "-q", "--min-count", "1").code());
        Run info = run("counts", store.toString(), "--info");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("vocabulary size:  5"), info.out());
        Path counts = store.resolve("counts.bin");
        byte[] b = Files.readAllBytes(counts);
        b[b.length / 2] ^= 0x5A;
        Files.write(counts, b);
        assertOneLineError(run("counts", store.toString(), "--dump"), "counts.bin", "checksum");
        Files.write(counts, java.util.Arrays.copyOf(b, b.length - 7));
        assertOneLineError(run("counts", store.toString(), "--dump"), "counts.bin", "truncated");
    }

    @Test
    void pmiVerbsAnswerAndRejectUnknownWordsInOneLine() throws Exception {
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, "the cat sat on the mat\nthe dog sat on the log\n".repeat(20));
        Path store = dir.resolve("store");
        assertEquals(0, run("count", "-i", corpus.toString(), "-o", store.toString(), "-q", "--min-count", "1").code());
        Run pmi = run("pmi", store.toString(), "Cat", "sat");
        assertEquals(0, pmi.code(), pmi.err());
        assertTrue(pmi.out().startsWith("pmi(cat, sat) = "), "query words go through the store's analyzer: " + pmi.out());
        Run unseen = run("pmi", store.toString(), "cat", "log");
        assertEquals(0, unseen.code(), unseen.err());
        assertTrue(unseen.out().contains("unobserved"), unseen.out());
        assertOneLineError(run("pmi", store.toString(), "cat", "zebra"), "'zebra' is not in the vocabulary");
        assertOneLineError(run("associates", store.toString(), "zebra"), "zebra");
        Run phrase = run("phrase-pmi", store.toString(), "the cat", "on the mat zebra");
        assertEquals(0, phrase.code(), phrase.err());
        assertTrue(phrase.out().contains("out of vocabulary: A [], B [zebra]"), phrase.out());
        assertOneLineError(run("keywords", store.toString(), "zebra unicorn"), "no in-vocabulary word");
        Path mtx = dir.resolve("m.mtx");
        assertEquals(0, run("pmi-matrix", store.toString(), "--out", mtx.toString()).code());
        assertOneLineError(run("pmi-matrix", store.toString(), "--out", mtx.toString()), "already exists");
        assertOneLineError(run("pmi", store.toString(), "cat", "sat", "--measure", "npmi", "--shift", "5"), "shift");
    }

    @Test
    void runDoesTheWholePipelineWithItsOwnDefaults() throws Exception {
        Random rnd = new Random(4);
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, yuelao.engine.TestCorpora.randomCorpus(rnd, 400, 60));
        Path out = dir.resolve("run");
        Run r = run("run", "-i", corpus.toString(), "-o", out.toString(), "--dim", "6", "--min-count", "2", "-q", "--analyzer", "whitespace");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("== done in"), r.out());
        Run info = run("counts", out.resolve("store").toString(), "--info");
        assertTrue(info.out().contains("dynamic"), "run's measured default weighting: " + info.out());
        assertTrue(info.out().contains("subsample:        1.0E-4"), info.out());
        List<String> lines = Files.readAllLines(out.resolve("vectors").resolve("vectors.txt"));
        String[] header = lines.getFirst().split(" ");
        assertEquals(lines.size() - 1, Integer.parseInt(header[0]));
        assertEquals("6", header[1]);
        assertOneLineError(run("run", "-i", corpus.toString(), "-o", out.toString(), "--dim", "6", "-q"), "other inputs or settings", "--force");
        Run help = run("run", "--help");
        assertTrue(help.out().contains("Default: dynamic") && help.out().contains("Default: 0.25"), help.out());
        Path early = dir.resolve("run-early");
        assertOneLineError(run("run", "-i", corpus.toString(), "-o", early.toString(), "-q", "--eval-analogy", dir.resolve("nope.txt").toString()),
                "nope.txt", "no such evaluation file");
        assertFalse(Files.exists(early.resolve("store")), "a bad evaluation file is reported before any counting");
        assertOneLineError(run("train", "--store", out.resolve("store").toString(), "-o", dir.resolve("v2").toString(), "--resume",
                dir.toString()), "--method pmi");
    }
}
