package yuelao.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Finds a python3 that imports a peer library (gensim, nltk) for the side-by-side tests. */
public final class PythonPeers {
    private PythonPeers() {}

    /**
     * The first of {@code python3} on the PATH and {@code /usr/bin/python3} that imports {@code module}, or null; when
     * there is none, prints why (each candidate's last line of output) after "SKIPPED {@code what}:".
     */
    public static String find(String module, String what) {
        StringBuilder why = new StringBuilder();
        for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import " + module).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                why.append(candidate).append(": ").append(out.lines().reduce((a, b) -> b).orElse(out)).append("; ");
            } catch (IOException | InterruptedException e) {
                why.append(candidate).append(": ").append(e.getMessage()).append("; ");
            }
        }
        System.out.println("SKIPPED " + what + ": no python3 with " + module + " (" + why + ")");
        return null;
    }
}
