package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.MachineMemory;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.CliRuns;
import yuelao.engine.cli.Main;

/**
 * The run's budget on a tiny corpus with tiny budgets: every spill and merge path (a budget that spills many runs and a
 * fan-in of 2 that merges them in several passes gives the same store, byte for byte, as a budget that spills none),
 * the pre-flight (a budget too small for a later stage stops the run after the finished stage, in one line naming the
 * number and the option, before that stage does any work), the resume (the same run with a larger budget reuses the
 * store and writes the same vectors as an uninterrupted run), the heap and disk checks, and an OutOfMemoryError inside
 * a stage as one line naming the stage.
 */
class RunBudgetTest {
    @TempDir
    Path dir;

    Path corpus;

    @BeforeEach
    void corpus() throws IOException {
        corpus = dir.resolve("c.txt");
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(15), 20000, 3000));
    }

    private String[] args(Path out, String memory, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace", "--dim", "100",
                "--subwords", "3-5", "--memory", memory, "--threads", "1", "-q"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private static int spillRuns(CliRuns.Run r) {
        Matcher m = Pattern.compile("spill: ([0-9,]+) runs").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    @Test
    void tinyBudgetsSpillMergeStopResumeAndMatchAnUninterruptedRun() throws Exception {
        // The reference: a budget that holds every stage, counting without a spill.
        Path big = dir.resolve("big");
        CliRuns.Run ref = run(args(big, "1g"));
        assertEquals(0, ref.code(), ref.err());
        assertEquals(0, spillRuns(ref), "the reference spills nothing: " + ref.out());

        // 24m: counting buffers of 4m spill many runs, merged two at a time; the subword fit's estimate is more than 24m, so
        // the run stops after the store, before the word-level training starts.
        Path small = dir.resolve("small");
        CliRuns.Run stopped = run(args(small, "24m", "--fan-in", "2"));
        assertOneLineError(stopped, "the subwords stage needs about", "--memory 24m", "raise --memory to", "--buckets");
        assertTrue(spillRuns(stopped) >= 3, "several spill runs with a tiny budget: " + stopped.out());
        assertArrayEquals(Files.readAllBytes(big.resolve("store/counts.bin")), Files.readAllBytes(small.resolve("store/counts.bin")),
                "spilled and merged in passes of two: the same store");
        assertFalse(Files.exists(small.resolve("words")) || Files.exists(small.resolve("vectors")), "no training began");

        // The number the message names is enough: rerun with it, the store is reused, the vectors are the reference's.
        Matcher m = Pattern.compile("raise --memory to (\\S+),").matcher(stopped.err());
        assertTrue(m.find(), stopped.err());
        String named = m.group(1);
        CliRuns.Run resumed = run(args(small, named, "--fan-in", "2"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("store: reused"), resumed.err());
        assertFalse(resumed.out().contains("== counts"), "counting did not run again: " + resumed.out());
        for (String f : new String[] {"vectors/vectors.bin", "vectors/subwords.bin", "vectors/vectors.txt", "words/vectors.bin"}) {
            assertArrayEquals(Files.readAllBytes(big.resolve(f)), Files.readAllBytes(small.resolve(f)), f);
        }
    }

    @Test
    void aBudgetTooSmallForCountingStopsBeforeAnyWork() {
        Path out = dir.resolve("tiny");
        assertOneLineError(run(args(out, "8m")), "the count stage needs about", "--memory 8m", "raise --memory to");
        assertFalse(Files.exists(out.resolve("store")), "nothing counted");
    }

    @Test
    void theHeapTheDiskAndTheDefault() throws IOException {
        RunBudget huge = RunBudget.of(1L << 50);
        long heap = Runtime.getRuntime().maxMemory();
        RunBudget.BudgetException e = assertThrows(RunBudget.BudgetException.class,
                () -> huge.check(new RunBudget.Estimate("train", heap + (64L << 20), 0, 0, "test"), dir, ""));
        assertTrue(e.getMessage().contains("YUELAO_HEAP"), e.getMessage());
        e = assertThrows(RunBudget.BudgetException.class,
                () -> huge.check(new RunBudget.Estimate("subwords", 1, 0, Long.MAX_VALUE / 2, "test"), dir.resolve("not/yet"), ""));
        assertTrue(e.getMessage().contains("is free there"), e.getMessage());
        huge.check(new RunBudget.Estimate("train", 1 << 20, 1 << 20, 1 << 20, "test"), dir, ""); // fits: no exception

        RunBudget auto = RunBudget.of(null);
        assertFalse(auto.explicit());
        assertTrue(auto.bytes() <= heap && auto.bytes() <= MachineMemory.bytes() / 100 * RunBudget.DEFAULT_SHARE_PERCENT, auto.describe());
        assertTrue(auto.countingBuffers(2, 1 << 20) <= RunBudget.COUNTING_CAP);
    }

    @Test
    void anOutOfMemoryErrorInAStageIsOneLineNamingTheStage() {
        RunBudget b = RunBudget.of(64L << 20);
        // A real OutOfMemoryError: an array beyond what the VM allows, thrown without filling the heap.
        RunBudget.BudgetException e = assertThrows(RunBudget.BudgetException.class, () -> b.guard("subwords", () -> new long[Integer.MAX_VALUE]));
        String line = Main.describe(e);
        assertTrue(line.contains("out of memory in the subwords stage") && line.contains("--memory 64m") && !line.contains("\n"), line);
    }

    @Test
    void runsHelpDescribesTheBudgetWithoutAFixedDefault() {
        CliRuns.Run help = run("run", "--help");
        assertEquals(0, help.code());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("run: of the whole run"), text);
        int at = text.indexOf("--memory=SIZE");
        assertTrue(at >= 0 && !text.substring(at, text.indexOf("--fan-in")).contains("Default:"), "run's budget comes from the machine: " + text);
    }
}
