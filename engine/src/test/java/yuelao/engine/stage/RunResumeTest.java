package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.CliRuns;

/**
 * An interrupted {@code run} continues: the same command, run again, reuses the finished stages (checksums and settings
 * verified) and writes the same files, byte for byte, as an uninterrupted run. SIGTERM leaves no temporaries.
 */
class RunResumeTest {
    @TempDir
    Path dir;

    Path corpus;

    /** Child process: {@code yuelao ARGS}, as the launcher would run it. */
    public static void main(String[] args) {
        System.exit(yuelao.engine.cli.Main.run(args));
    }

    @BeforeEach
    void corpus() throws IOException {
        corpus = dir.resolve("c.txt");
        StringBuilder sb = new StringBuilder();
        Random rnd = new Random(11);
        for (int i = 0; i < 6; i++) {
            sb.append(TestCorpora.randomCorpus(rnd, 5000, 3000));
        }
        Files.writeString(corpus, sb);
    }

    /** run's default preset on one thread: its subword epochs are Hogwild, deterministic only on one thread. */
    private String[] args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "-i", corpus.toString(), "-o", out.toString(), "--analyzer", "whitespace", "--dim", "8",
                "--subwords", "2-3", "--buckets", "10007", "--memory", "24m", "--threads", "1", "-q"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private Process child(Path out) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(withArgs(java, out)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private List<String> withArgs(String java, Path out) {
        List<String> c = new ArrayList<>(List.of(java, "-Xmx512m", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), RunResumeTest.class.getName()));
        c.addAll(List.of(args(out)));
        return c;
    }

    /** Waits until {@code done} holds or the process ends; true if it held while the process was still running. */
    private static boolean await(Process p, BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 6000 && p.isAlive(); i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static List<String> hidden(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aRunKilledAfterCountingContinuesAndEqualsAnUninterruptedRun() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, run(args(reference)).code());
        Path out = dir.resolve("out");
        Process p = child(out);
        boolean counted = await(p, () -> Files.isDirectory(out.resolve("store")));
        p.destroyForcibly(); // SIGKILL: nothing runs, no shutdown hook
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        if (!counted) {
            return; // the machine was too fast or too slow to catch this moment; the other cases still check
        }
        CliRuns.Run again = run(args(out));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("store: reused"), "the finished store is reused: " + again.err());
        for (String f : new String[] {"store/counts.bin", "store/vocab.bin", "words/vectors.bin", "vectors/vectors.bin", "vectors/subwords.bin",
            "vectors/vectors.txt"}) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertEquals(List.of(), hidden(out), "the killed run's temporaries were swept");
        CliRuns.Run third = run(args(out));
        assertEquals(0, third.code(), third.err());
        assertTrue(third.err().contains("nothing to do"), third.err());
    }

    @Test
    void aManifestLeftHalfWrittenByAKilledRunIsSwept() throws Exception {
        Path out = dir.resolve("half");
        assertEquals(0, run(args(out)).code());
        // what SIGKILL leaves while the manifest is being rewritten: its temporary sibling, named after a dead process
        Path stale = out.resolve(".run.properties.tmp-999999999-00000000deadbeef");
        Files.writeString(stale, "half a manifest");
        CliRuns.Run again = run(args(out));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("removed what an interrupted run left") && again.err().contains(stale.getFileName().toString()),
                again.err());
        assertEquals(List.of(), hidden(out));
    }

    @Test
    void sigtermLeavesNoTemporaries() throws Exception {
        Path out = dir.resolve("term");
        Process p = child(out);
        boolean staging = await(p, () -> {
            try {
                return hidden(out).stream().anyMatch(n -> n.startsWith(".store.tmp-"));
            } catch (IOException e) {
                return false;
            }
        });
        p.destroy(); // SIGTERM: the shutdown hook deletes what this process was writing
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        if (staging) {
            assertEquals(List.of(), hidden(out), "SIGTERM left temporaries");
        }
    }

    @Test
    void otherSettingsAreRefusedAndForceRedoesOnlyWhatDiffers() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, run(args(out)).code());
        byte[] counts = Files.readAllBytes(out.resolve("store/counts.bin"));
        assertOneLineError(run(args(out, "--window", "3")), "store", "window 5 there, 3 now", "--force");
        assertOneLineError(run(args(out, "--seed", "9")), "--force");
        CliRuns.Run dim = run(args(out, "--dim", "6", "--force"));
        assertEquals(0, dim.code(), dim.err());
        assertTrue(dim.err().contains("store: reused"), "only the vectors differ: " + dim.err());
        assertArrayEquals(counts, Files.readAllBytes(out.resolve("store/counts.bin")));
        assertTrue(Files.readAllLines(out.resolve("vectors/vectors.txt")).getFirst().endsWith(" 6"));
        Files.writeString(out.resolve("run.properties"), "damaged");
        assertOneLineError(run(args(out)), "run.properties", "--force");
        assertFalse(Files.exists(out.resolve(".run.properties.tmp")), "nothing staged");
    }
}
