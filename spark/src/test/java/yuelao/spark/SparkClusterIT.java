package yuelao.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.cli.Main;

/**
 * benchmarks/scripts/spark-cluster.sh against ./yuelao count: a standalone Master and two Workers, each its own JVM,
 * must write the same store byte for byte, also when one executor is killed in the middle of the job, and must leave
 * no JVM running; a bad input file fails the job with one line naming it.
 */
class SparkClusterIT {
    @TempDir
    static Path tmp;

    static Path repo;
    static Path corpus;

    @BeforeAll
    static void corpus() throws IOException {
        repo = Path.of(System.getProperty("yuelao.repo", "..")).toAbsolutePath().normalize();
        // Plain text, so that the cluster reads it in several splits: the first 20,000 lines of the bundled sample.
        corpus = tmp.resolve("sample.txt");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(repo.resolve("corpus-samples/english-sample.txt.gz")));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                OutputStream out = Files.newOutputStream(corpus)) {
            String line;
            for (int i = 0; i < 20_000 && (line = r.readLine()) != null; i++) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    record Cluster(int code, String err, Path dir, List<Long> killed) {}

    /** Runs the script; with {@code killExecutor}, kills one executor as soon as the vocabulary pass is over. */
    static Cluster cluster(String name, boolean killExecutor, String... args) throws Exception {
        Path dir = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("benchmarks/scripts/spark-cluster.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("YUELAO_SPARK_CLUSTER_DIR", dir.toString());
        Process p = pb.start();
        StringBuilder err = new StringBuilder();
        List<Long> killed = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.append(line).append('\n');
                if (killExecutor && killed.isEmpty() && line.contains("yuelao-spark: vocabulary:")) {
                    killed.add(killOneExecutor(dir));
                }
            }
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the script ends");
        assertNothingRunning(dir);
        return new Cluster(p.exitValue(), err.toString(), dir, killed);
    }

    /** SIGKILLs one executor JVM (a child of a Worker) and returns its PID. */
    static long killOneExecutor(Path dir) throws IOException {
        for (String pid : Files.readAllLines(dir.resolve("worker.pids"))) {
            Optional<ProcessHandle> executor = ProcessHandle.of(Long.parseLong(pid.strip())).stream().flatMap(ProcessHandle::children)
                    .filter(c -> c.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).findFirst();
            if (executor.isPresent()) {
                executor.get().destroyForcibly();
                return executor.get().pid();
            }
        }
        throw new AssertionError("no executor found under the Workers " + Files.readAllLines(dir.resolve("worker.pids")));
    }

    /** Neither the cluster's JVMs nor any executor is alive once the script is over. */
    static void assertNothingRunning(Path dir) throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String f : List.of("master.pid", "worker.pids", "driver.pid")) {
            if (Files.exists(dir.resolve(f))) {
                Files.readAllLines(dir.resolve(f)).stream().filter(s -> !s.isBlank()).map(s -> Long.parseLong(s.strip())).forEach(pids::add);
            }
        }
        assertFalse(pids.isEmpty(), "the script recorded its JVMs");
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "JVM " + pid + " left running");
        }
        AtomicLong strays = new AtomicLong();
        ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(dir.toString())).forEach(h -> strays.incrementAndGet());
        assertEquals(0, strays.get(), "no process of this cluster is left");
    }

    static Path embedded(String name, String... options) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("count", "-i", corpus.toString(), "-o", out.toString(), "-q"));
        args.addAll(List.of(options));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(o), new PrintWriter(e), args.toArray(String[]::new)), e.toString());
        return out;
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        List<Path> files = Corpora.files(a);
        assertEquals(files, Corpora.files(b));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
    }

    @Test
    void clusterWritesTheEmbeddedStore() throws Exception {
        Path expected = embedded("embedded-1", "--weighting", "harmonic");
        Path store = tmp.resolve("cluster-1");
        Cluster c = cluster("c1", false, "--input", corpus.toString(), "--out", store.toString(), "--weighting", "harmonic");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("splits"), c.err());
        assertSameFiles(expected, store);
    }

    @Test
    void killedExecutorGivesTheSameStore() throws Exception {
        String[] options = {"--subsample", "1e-4", "--seed", "11", "--weighting", "dynamic", "--memory", "64m"};
        Path expected = embedded("embedded-2", options);
        Path store = tmp.resolve("cluster-2");
        List<String> args = new ArrayList<>(List.of("--input", corpus.toString(), "--out", store.toString(), "--partitions", "6"));
        args.addAll(List.of(options));
        Cluster c = cluster("c2", true, args.toArray(String[]::new));
        assertEquals(1, c.killed().size(), "an executor was killed: " + c.err());
        assertEquals(0, c.code(), c.err());
        assertFalse(ProcessHandle.of(c.killed().get(0)).map(ProcessHandle::isAlive).orElse(false), "the executor died");
        assertTrue(c.err().contains("Lost executor") || c.err().contains("Lost task"), "the driver lost the executor's work: " + c.err());
        assertSameFiles(expected, store);
    }

    @Test
    void badInputFileFailsTheJobInOneLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.copy(corpus, dir.resolve("a.txt"));
        byte[] bin = new byte[4096];
        bin[10] = 'x';
        Files.write(dir.resolve("z.dat"), bin);
        Cluster c = cluster("c3", false, "--input", dir.toString(), "--out", tmp.resolve("cluster-3").toString());
        assertNotEquals(0, c.code(), c.err());
        List<String> job = c.err().lines().filter(l -> l.startsWith("yuelao-spark count:")).toList();
        assertEquals(1, job.size(), c.err());
        assertTrue(job.get(0).contains("z.dat") && job.get(0).contains("binary input"), job.get(0));
        assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
        assertFalse(Files.exists(tmp.resolve("cluster-3")), "no store");
    }
}
