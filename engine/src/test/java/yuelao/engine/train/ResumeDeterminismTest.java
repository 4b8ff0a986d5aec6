package yuelao.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;

/**
 * A resumed run equals an uninterrupted one byte for byte, whichever parts of the code the JIT compiled: the full run
 * interpreted only ({@code -Xint}) and two resumes in separate JVMs, one compiling early with C2. A kernel whose
 * floating-point order depends on compilation (as the Vector API's {@code reduceLanes(ADD)} does) makes them differ.
 */
class ResumeDeterminismTest {
    @TempDir
    Path tmp;

    /** Child process: {@code yuelao ARGS}. */
    public static void main(String[] args) {
        System.exit(yuelao.engine.cli.Main.run(args));
    }

    private void yuelao(List<String> jvm, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules=jdk.incubator.vector"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ResumeDeterminismTest.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "child", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), jvm + " " + String.join(" ", args) + ": " + Files.readString(log));
    }

    @Test
    void resumingInAnotherJvmGivesTheSameBytes() throws Exception {
        Path store = TestCorpora.randomStore(tmp, 41, 800, 150, 3, WindowWeighting.UNIFORM, 1);
        Path full = tmp.resolve("full");
        Path ck = tmp.resolve("ck");
        String[] common = {"--store", store.toString(), "--method", "pmi", "--pmi-epochs", "3", "--dim", "20", "--threads", "1", "-q"};
        // the full run interpreted only; the resumes compiled early by C2 (the Vector API's intrinsics), and as usual
        yuelao(List.of("-Xint"), concat(new String[] {"train", "-o", full.toString(), "--checkpoint-every", "1", "--checkpoint-dir",
            ck.toString()}, common));
        byte[] want = Files.readAllBytes(full.resolve("vectors.bin"));
        for (List<String> jvm : List.of(List.of("-XX:-TieredCompilation", "-XX:CompileThreshold=100"), List.<String>of())) {
            Path resumed = tmp.resolve("resumed" + jvm.size());
            yuelao(jvm, concat(new String[] {"train", "-o", resumed.toString(), "--resume", ck.resolve("epoch-0002.ckpt").toString()}, common));
            assertArrayEquals(want, Files.readAllBytes(resumed.resolve("vectors.bin")), "resumed in a JVM with " + jvm);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
