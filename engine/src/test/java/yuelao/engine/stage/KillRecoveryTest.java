package yuelao.engine.stage;

import yuelao.engine.count.WindowWeighting;
import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during counting leaves no store that looks complete; rerunning the same command cleans up and
 * produces the same store as an uninterrupted run.
 */
class KillRecoveryTest {
    @TempDir
    Path dir;

    /** Child process: count args[0] into args[1] with a small budget (so it spills and takes a while). */
    public static void main(String[] args) throws Exception {
        CountingStage.run(MergeStageTest_req(Path.of(args[0])), Path.of(args[1]), true, n -> p -> {});
    }

    static CountingStage.Job MergeStageTest_req(Path corpus) {
        return yuelao.engine.TestCorpora.job(corpus, yuelao.engine.TestCorpora.counting(8, WindowWeighting.HARMONIC, 2 << 20, 4).build(), 2, 2);
    }

    @Test
    void killedCountLeavesNothingCompleteAndRerunGivesTheSameStore() throws Exception {
        Path corpus = dir.resolve("c.txt");
        StringBuilder sb = new StringBuilder();
        Random rnd = new Random(5);
        for (int i = 0; i < 20; i++) {
            sb.append(CountingStageTest.randomCorpus(rnd, 4000, 20000));
        }
        Files.writeString(corpus, sb);
        Path reference = dir.resolve("reference");
        CountingStage.run(MergeStageTest_req(corpus), reference, true, n -> p -> {});
        byte[] expected = Files.readAllBytes(reference.resolve("counts.bin"));

        Path store = dir.resolve("store");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        for (long delayMillis : new long[] {300, 900}) {
            Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    KillRecoveryTest.class.getName(), corpus.toString(), store.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(delayMillis);
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(store.resolve("counts.bin")) && Files.exists(store.resolve("vocab.bin"))
                    && p.exitValue() != 0 && !Files.exists(store), "a killed run left a complete-looking store");
            if (p.exitValue() == 0) {
                continue; // finished before the kill: nothing to check for this delay
            }
            assertFalse(Files.exists(store), "no store after a kill at " + delayMillis + " ms");
            CountingStage.run(MergeStageTest_req(corpus), store, true, n -> pr -> {});
            assertArrayEquals(expected, Files.readAllBytes(store.resolve("counts.bin")), "rerun equals an uninterrupted run");
            try (Stream<Path> s = Files.list(dir)) {
                List<String> left = s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
                assertEquals(List.of(), left, "leftovers of the killed run were removed");
            }
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> yuelao.storage.format.AtomicDirectory.removeStale(store));
            deleteTree(store);
        }
    }

    static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
