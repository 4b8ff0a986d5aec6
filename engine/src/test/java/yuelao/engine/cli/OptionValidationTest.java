package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;

/**
 * Option values that used to end in an OutOfMemoryError, silently wrong answers, or options silently ignored: each is
 * now a one-line error naming the option, or a correct answer that says how it read the input.
 */
class OptionValidationTest {
    @TempDir
    Path dir;

    Path corpus;
    Path store;
    Path vectors;

    @BeforeEach
    void outputs() throws Exception {
        corpus = dir.resolve("c.txt");
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(8), 600, 80).replace("w1 ", "War w1 "));
        store = dir.resolve("store");
        assertEquals(0, run("count", "-i", corpus.toString(), "-o", store.toString(), "--min-count", "1", "-q").code());
        vectors = dir.resolve("vectors");
        assertEquals(0, run("train", "--store", store.toString(), "-o", vectors.toString(), "--dim", "8", "--subwords", "2-4", "-q").code());
    }

    @Test
    void threadsAndMemoryOutOfReachAreOneLineBeforeAnyWork() {
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", dir.resolve("a").toString(), "--threads", "100000", "-q"),
                "--threads 100000");
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", dir.resolve("a").toString(), "--threads", "32", "--memory", "4m",
                "-q"), "--memory 4m", "--threads 32");
        assertTrue(!Files.exists(dir.resolve("a")));
    }

    @Test
    void aHugeTopAnswersWithEveryWordInsteadOfRunningOutOfMemory() {
        CliRuns.Run r = run("nearest", vectors.toString(), "w2", "--top", "2000000000");
        assertEquals(0, r.code(), r.err());
        CliRuns.Run a = run("associates", store.toString(), "w2", "--top", "2000000000");
        assertEquals(0, a.code(), a.err());
    }

    @Test
    void aWordDifferingOnlyByCaseIsReadAsTheVocabularysWordNotComposed() {
        CliRuns.Run upper = run("nearest", vectors.toString(), "W2", "--top", "5");
        CliRuns.Run lower = run("nearest", vectors.toString(), "w2", "--top", "5");
        assertEquals(0, upper.code(), upper.err());
        assertTrue(upper.out().startsWith("'W2' is read as 'w2'"), upper.out());
        assertTrue(!upper.out().contains("composed"), upper.out());
        assertEquals(lower.out().lines().skip(1).toList(), upper.out().lines().skip(2).toList(), "the same neighbours as w2");
        CliRuns.Run sim = run("similarity", vectors.toString(), "W2", "w2");
        assertTrue(sim.out().contains("= 1.0000"), "cosine(W2, w2) is 1: " + sim.out());
    }

    @Test
    void settingsThatWouldBeIgnoredOrWrongAreRefused() {
        Path out = dir.resolve("x");
        assertOneLineError(run("train", "--store", store.toString(), "-o", out.toString(), "--pmi-epochs", "5", "-q"), "--pmi-epochs",
                "--method pmi");
        assertOneLineError(run("train", "--store", store.toString(), "-o", out.toString(), "--method", "sgns", "--x-max", "5", "-q"),
                "--x-max");
        assertOneLineError(run("train", "--store", store.toString(), "-o", out.toString(), "--subword-epochs", "3", "-q"),
                "--subword-epochs", "subword model");
        assertOneLineError(run("train", "--store", store.toString(), "-o", out.toString(), "--subwords", "2-4", "--subword-blend", "0.3",
                "-q"), "--subword-blend", "--subword-epochs > 0");
        assertOneLineError(run("train", "--store", store.toString(), "-o", out.toString(), "--method", "pmi", "--pmi-epochs", "0", "-q"),
                "--pmi-epochs", "at least 1");
        assertOneLineError(run("train", "--store", store.toString(), "-o", out.toString(), "--dim", "70", "-q"), "eigen-directions",
                "--dim 70");
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", out.toString(), "--vocab", store.toString(), "--analyzer",
                "whitespace", "-q"), "--analyzer", "--vocab");
        assertOneLineError(run("count", "-i", corpus.toString(), corpus.toString(), "-o", out.toString(), "-q"), "c.txt", "twice");
        assertTrue(!Files.exists(out));
    }

    @Test
    void helpIsWholeForEveryVerb() {
        CliRuns.Run top = run("--help");
        for (String line : top.out().lines().toList()) {
            if (line.startsWith("  ") && !line.startsWith("   ") && !line.contains("--")) { // a verb's summary line
                assertTrue(line.strip().endsWith(".") || line.strip().endsWith("?"), line);
            }
        }
        assertTrue(run("train", "--help").out().contains("Default: none"), "--subwords shows its default");
        assertEquals("yuelao 0.1.0", run("count", "-V").out().strip());
        CliRuns.Run help = run("help", "nearest");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: yuelao nearest"), help.out());
    }
}
