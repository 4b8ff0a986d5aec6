package yuelao.engine.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without the Vector API module (a JVM started without {@code --add-modules jdk.incubator.vector}) the kernels still
 * load and run, on their scalar variants, chosen automatically: a child JVM runs {@link ScalarFallbackProbe}, which
 * must report the scalar path and print, bit for bit, what the scalar variants give here.
 */
class ScalarFallbackTest {
    @Test
    void withoutTheModuleTheScalarVariantsRunAndGiveTheSameBits() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ScalarFallbackProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finishes");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals("vectorApi=false", lines.get(0), out);
        assertEquals("floatLanes=1", lines.get(1), out);
        assertEquals(ScalarFallbackProbe.results(false), lines.subList(2, lines.size()));
        // and here, with the module, the same inputs take the other path (they differ somewhere, or the test proves nothing)
        assertTrue(VectorOps.vectorApi());
        assertNotEquals(ScalarFallbackProbe.results(false), ScalarFallbackProbe.results(true), "the vector path differs in some last bit");
    }
}
