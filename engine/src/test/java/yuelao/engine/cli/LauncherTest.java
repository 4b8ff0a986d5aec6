package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./yuelao}, run against a stand-in JDK whose {@code java} records its arguments and its
 * PID: sizes are parsed by the Java side's parser (1.5g, 512MB, a bad size leaves the default heap for the verb to
 * report), and the launcher execs the JVM (the launcher's PID is the JVM's, so signals reach it).
 */
class LauncherTest {
    @TempDir
    Path tmp;

    /** A copy of the checkout's launcher beside an up-to-date stand-in build, and a stand-in JDK 25. */
    private Path install() throws Exception {
        Path root = tmp.resolve("yuelao");
        Files.createDirectories(root.resolve(".mvn"));
        Files.copy(Path.of("..", "yuelao"), root.resolve("yuelao"));
        Files.copy(Path.of("..", ".mvn", "jdk25.sh"), root.resolve(".mvn/jdk25.sh"));
        for (String m : new String[] {"core", "tokenizer", "storage", "engine", "server"}) {
            Files.createDirectories(root.resolve(m).resolve("src/main"));
            Files.writeString(root.resolve(m).resolve("pom.xml"), "");
        }
        Files.writeString(root.resolve("pom.xml"), "");
        Path stamp = root.resolve("server/target/yuelao.stamp");
        Files.createDirectories(stamp.getParent());
        Files.writeString(stamp, "");
        Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis() + 3_600_000)); // newer than every source
        Path jdk = tmp.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        String realJava = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // The size parser runs for real (core's classes); any other launch records its arguments and PID, then waits.
        script(jdk.resolve("bin/java"), """
                #!/usr/bin/env bash
                for a in "$@"; do if [ "$a" = yuelao.core.ByteSize ]; then exec "%s" -cp "%s" yuelao.core.ByteSize "${@: -1}"; fi; done
                echo "$$" > "%s/pid"
                printf '%%s\\n' "$@" > "%s/args"
                exec sleep 30
                """.formatted(realJava, System.getProperty("java.class.path"), tmp, tmp));
        script(jdk.resolve("bin/javac"), "#!/usr/bin/env bash\nexit 0\n");
        return root;
    }

    private static void script(Path p, String text) throws Exception {
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Launches {@code yuelao ARGS}; returns the -Xmx it gave the JVM, after checking that the JVM has the launcher's PID. */
    private String heapOf(Path root, String... args) throws Exception {
        Files.deleteIfExists(tmp.resolve("pid"));
        ProcessBuilder pb = new ProcessBuilder(concat(List.of("bash", root.resolve("yuelao").toString()), args)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out").toFile());
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().remove("YUELAO_HEAP");
        Process p = pb.start();
        for (int i = 0; i < 1000 && !Files.exists(tmp.resolve("pid")); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(tmp.resolve("pid")), "the JVM was launched: " + Files.readString(tmp.resolve("out")));
        Thread.sleep(50); // the pid file is written before the args file completes
        long jvm = Long.parseLong(Files.readString(tmp.resolve("pid")).strip());
        assertEquals(p.pid(), jvm, "exec: the launcher's process is the JVM, so a signal to it reaches the JVM");
        p.destroy(); // SIGTERM to the launcher's PID ends the "JVM"
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "SIGTERM to the launcher's PID ended it");
        return Files.readAllLines(tmp.resolve("args")).stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElseThrow();
    }

    private static List<String> concat(List<String> a, String... b) {
        java.util.ArrayList<String> c = new java.util.ArrayList<>(a);
        c.addAll(List.of(b));
        return c;
    }

    /** The launcher's rule: 2 x budget + 512 MiB, at most half the machine's memory (at most 16 GiB), at least 512 MiB. */
    private static String expected(long budgetMib) throws Exception {
        long half = Math.min((yuelao.core.MachineMemory.bytes() >> 20) / 2, 16384); // physical memory or the cgroup's limit
        return "-Xmx" + Math.max(512, Math.min(2 * budgetMib + 512, half)) + "m";
    }

    @Test
    void sizesAreParsedByTheJavaSideAndTheJvmIsExeced() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/meminfo")), "needs /proc/meminfo (Linux)");
        Path root = install();
        assertEquals(expected(1536), heapOf(root, "count", "--memory", "1.5g", "-i", "x", "-o", "y"), "2 x 1536 MiB + 512");
        assertEquals(expected(512), heapOf(root, "count", "--memory=512MB", "-i", "x", "-o", "y"));
        long machineMib = yuelao.core.MachineMemory.bytes() >> 20;
        assertEquals("-Xmx" + Math.max(512, machineMib * yuelao.engine.stage.RunBudget.DEFAULT_SHARE_PERCENT / 100) + "m",
                heapOf(root, "run", "-i", "x", "-o", "y"), "run: the default budget, a share of the machine's memory");
        assertEquals("-Xmx3072m", heapOf(root, "run", "--memory", "3g", "-i", "x", "-o", "y"), "run: the heap is the budget");
        assertEquals("-Xmx512m", heapOf(root, "run", "--memory=24m", "-i", "x", "-o", "y"), "run: at least 512 MiB");
        assertEquals(expected(1024), heapOf(root, "count", "--memory", "lots", "-i", "x", "-o", "y"),
                "a size the parser refuses keeps the default heap; the verb itself reports it");
    }
}
