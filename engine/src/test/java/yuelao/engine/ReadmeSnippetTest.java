package yuelao.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example is compiled and run exactly as printed (the first {@code ```java} block), on the first
 * 30,000 lines of the bundled sample corpus: it must print the associates of "war" and its five nearest words.
 */
class ReadmeSnippetTest {
    private static final String IMPORTS = """
            import java.nio.file.Path;
            import java.util.List;
            import yuelao.engine.pmi.PmiMeasure;
            import yuelao.engine.pmi.PmiOptions;
            import yuelao.engine.pmi.PmiView;
            import yuelao.engine.query.Mode;
            import yuelao.engine.query.Nearest;
            import yuelao.engine.query.WordVectors;
            import yuelao.engine.stage.CountingStage;
            import yuelao.engine.stage.Recipes;
            import yuelao.engine.stage.TrainingStage;
            import yuelao.storage.counts.CountStoreDirectory;
            """;

    @TempDir
    Path tmp;

    static String snippet() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```java\n");
        assertTrue(start >= 0, "README.md has a ```java block");
        int end = readme.indexOf("```", start + 8);
        return readme.substring(start + 8, end);
    }

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        String code = IMPORTS + "public class ReadmeExample {\n public static void run(Path corpus, Path dir) throws Exception {\n"
                + snippet() + "\n }\n}\n";
        assertTrue(snippet().strip().split("\n").length <= 14, "about 10 lines");
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("ReadmeExample.java"), code);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("-d", src.toString(), "-cp", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src.resolve("ReadmeExample.java")))
                .call();
        assertTrue(ok, "the README snippet compiles:\n" + diagnostics + "\n" + code);

        Path corpus = tmp.resolve("sample.txt");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("..", "corpus-samples", "english-sample.txt.gz"))), StandardCharsets.UTF_8))) {
            Files.write(corpus, r.lines().limit(30_000).toList(), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {src.toUri().toURL()}, getClass().getClassLoader())) {
            Method run = loader.loadClass("ReadmeExample").getMethod("run", Path.class, Path.class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            run.invoke(null, corpus, tmp.resolve("example"));
        } finally {
            System.setOut(out);
        }
        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        // up to five associates seen at least 10 times in the slice, then exactly five neighbours (cosines)
        assertTrue(lines.length >= 6 && lines.length <= 10, String.join("\n", lines));
        for (int i = lines.length - 5; i < lines.length; i++) {
            double cosine = Double.parseDouble(lines[i].split(" ")[1]);
            assertTrue(cosine <= 1.0001 && cosine >= -1.0001, lines[i]);
        }
        for (String line : lines) {
            String[] f = line.split(" ");
            assertEquals(2, f.length, line);
            assertTrue(Double.isFinite(Double.parseDouble(f[1])), line);
            assertTrue(!f[0].equals("war"), "a query word is never its own answer: " + line);
        }
        assertTrue(Files.isRegularFile(tmp.resolve("example/vectors/subwords.bin")), "run's recipe trains a subword model");
    }
}
