package yuelao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import yuelao.engine.cli.Main;

/**
 * A small run directory built once per test JVM with the CLI ({@code yuelao run}: store/ and vectors/ with a subword
 * model, then {@code yuelao index}): two topics (animals, royalty) and function words, so neighbours have structure.
 */
final class TestRun {
    private static Path dir;

    private TestRun() {}

    static final String[] ANIMALS = {"cat", "dog", "mouse", "horse", "cow", "pig", "sheep", "goat", "duck", "hen", "fox", "wolf"};
    static final String[] ROYALS = {"king", "queen", "prince", "princess", "crown", "throne", "castle", "knight", "duke", "royal", "palace", "lord"};
    static final String[] FILLERS = {"the", "a", "of", "and", "with", "in"};

    /** Runs the CLI in-process; fails the test on a non-zero exit. */
    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return out.toString();
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("yuelao-server-test");
                Random rnd = new Random(5);
                StringBuilder sb = new StringBuilder();
                for (int line = 0; line < 3000; line++) {
                    String[] topic = line % 2 == 0 ? ANIMALS : ROYALS;
                    for (int i = 0; i < 12; i++) {
                        sb.append(rnd.nextInt(3) == 0 ? FILLERS[rnd.nextInt(FILLERS.length)] : topic[rnd.nextInt(topic.length)]).append(' ');
                    }
                    sb.append('\n');
                }
                Path corpus = root.resolve("corpus.txt");
                Files.writeString(corpus, sb.toString());
                Path run = root.resolve("run");
                cli("run", "-i", corpus.toString(), "-o", run.toString(), "--dim", "8", "--min-count", "2", "-q", "--analyzer", "whitespace",
                        "--buckets", "20000");
                cli("index", run.toString(), "-q");
                dir = run;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
