package yuelao.engine.vectors;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.CliRuns.Run;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.vectors.VectorsFile;
import yuelao.storage.vocab.VocabularyFile;

/** {@code yuelao export} and {@code yuelao import}: results, exit codes, one-line errors, help. */
class VectorsCliTest {
    @TempDir
    Path dir;

    List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void importThenExportEveryFormatGivesTheSameTable() throws Exception {
        TestVectors.Table t = TestVectors.random(11, 500, 12, false);
        Path glove = dir.resolve("glove.txt");
        VectorFormats.write(glove, VectorFormat.GLOVE, t.words(), t.data(), t.dim());
        Path gz = VectorFormatsTest.gzip(glove);
        Path vec = dir.resolve("vec");
        Run imp = run("import", gz.toString(), "--out", vec.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("imported 500 words x 12 (glove, gzip)"), imp.out());
        assertEquals(List.of("vectors.bin", "vectors.txt", "vocab.bin", "vocab.txt"), names(vec));
        VectorsDirectory.Loaded loaded = VectorsDirectory.load(vec);
        assertEquals(t.words(), List.of(loaded.vocabulary().words()), "the file order is the rank order");
        VectorFormatsTest.assertSameTable(t, new ImportedVectors(List.of(loaded.vocabulary().words()), loaded.data(), loaded.dim(), "x"));
        Map<String, String> p = loaded.properties();
        assertEquals("whitespace", p.get("analyzer"));
        assertEquals("glove", p.get("imported.format"));
        assertEquals("true", p.get("imported.gzip"));
        assertEquals(gz.toAbsolutePath().toString(), p.get("imported.from"));
        // vectors.txt is word2vec text of the same table.
        VectorFormatsTest.assertSameTable(t, VectorFormats.read(vec.resolve("vectors.txt")));

        for (VectorFormat f : VectorFormat.values()) {
            Path out = dir.resolve("out-" + f.id());
            Run exp = run("export", vec.toString(), "--format", f.id(), "--out", out.toString());
            assertEquals(0, exp.code(), exp.err());
            assertTrue(exp.out().startsWith("wrote " + out + " (" + f.id() + ", 500 words x 12"), exp.out());
            VectorFormatsTest.assertSameTable(t, VectorFormats.read(out));
            // Re-import: the same directory content, whatever the intermediate format.
            Path again = dir.resolve("again-" + f.id());
            assertEquals(0, run("import", out.toString(), "-o", again.toString()).code());
            assertArrayEquals(Files.readAllBytes(vec.resolve("vectors.txt")), Files.readAllBytes(again.resolve("vectors.txt")));
            assertEquals(VocabularyFile.read(vec).vocabulary(), VocabularyFile.read(again).vocabulary());
        }
        assertEquals(0, run("export", vec.toString(), "--out", dir.resolve("default").toString()).code());
        assertEquals(VectorFormat.WORD2VEC, VectorFormats.detect(dir.resolve("default")).format(), "word2vec is the default");
    }

    @Test
    void exportOfATrainedDirectoryMatchesItsVectorsTxt() throws Exception {
        Path store = TestCorpora.randomStore(dir, 7, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path vec = dir.resolve("vec");
        Run train = run("train", "--store", store.toString(), "--out", vec.toString(), "--dim", "4", "-q", "--threads", "2");
        assertEquals(0, train.code(), train.err());
        Path out = dir.resolve("w2v.txt");
        assertEquals(0, run("export", vec.toString(), "--out", out.toString()).code());
        assertArrayEquals(Files.readAllBytes(vec.resolve("vectors.txt")), Files.readAllBytes(out));
        Path bin = dir.resolve("w2v.bin");
        assertEquals(0, run("export", vec.toString(), "-f", "word2vec-binary", "-o", bin.toString()).code());
        VectorsDirectory.Loaded l = VectorsDirectory.load(vec);
        ImportedVectors iv = VectorFormats.read(bin);
        assertEquals(List.of(l.vocabulary().words()), iv.words());
        assertArrayEquals(l.data(), iv.data());
    }

    @Test
    void exitCodesAndOneLineErrors() throws Exception {
        TestVectors.Table t = TestVectors.random(12, 50, 3, false);
        Path w2v = dir.resolve("v.txt");
        VectorFormats.write(w2v, VectorFormat.WORD2VEC, t.words(), t.data(), t.dim());
        Path vec = dir.resolve("vec");
        assertEquals(0, run("import", w2v.toString(), "--out", vec.toString()).code());

        // Usage errors: 2.
        assertEquals(2, run("import").code());
        assertEquals(2, run("import", w2v.toString()).code(), "--out is required");
        assertEquals(2, run("export", vec.toString()).code(), "--out is required");
        assertEquals(2, run("export", vec.toString(), "--format", "npy", "--out", dir.resolve("x").toString()).code());
        assertTrue(run("export", vec.toString(), "--format", "npy", "--out", "x").err().contains("word2vec, word2vec-binary, glove"));

        // Existing outputs without --force: 1, kept; with --force: replaced.
        assertOneLineError(run("import", w2v.toString(), "--out", vec.toString()), vec.toString(), "already exists", "--force");
        assertEquals(0, run("import", w2v.toString(), "--out", vec.toString(), "--force").code());
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "mine");
        assertOneLineError(run("export", vec.toString(), "--out", out.toString()), "already exists", "--force");
        assertEquals("mine", Files.readString(out));
        assertOneLineError(run("export", vec.toString(), "--out", out.toString(), "--force"), "not a word-vector file");
        assertEquals("mine", Files.readString(out), "--force replaces only a vector file");
        Files.delete(out);
        assertEquals(0, run("export", vec.toString(), "--out", out.toString()).code());
        assertEquals(0, run("export", vec.toString(), "--out", out.toString(), "--force", "-f", "glove").code());
        assertEquals(VectorFormat.GLOVE, VectorFormats.detect(out).format());

        // Bad input files: 1, one line naming the file (and line), no output.
        Path ragged = dir.resolve("ragged.txt");
        Files.writeString(ragged, "2 3\na 1 2 3\nb 1 2\n");
        Path none = dir.resolve("none");
        assertOneLineError(run("import", ragged.toString(), "--out", none.toString()), "ragged.txt", "line 3", "2 values, expected 3");
        assertFalse(Files.exists(none));
        assertEquals(List.of(), names(dir).stream().filter(n -> n.startsWith(".")).toList(), "no staging left");
        Path empty = dir.resolve("empty.vec");
        Files.createFile(empty);
        assertOneLineError(run("import", empty.toString(), "--out", none.toString()), "empty.vec", "empty file");
        assertOneLineError(run("import", dir.resolve("missing.txt").toString(), "--out", none.toString()), "missing.txt", "no such file");
        assertOneLineError(run("import", dir.toString(), "--out", none.toString()), dir.toString(), "is a directory");
        assertOneLineError(run("export", dir.resolve("novec").toString(), "--out", dir.resolve("o").toString()), "novec", "no such file");
        assertOneLineError(run("export", dir.toString(), "--out", dir.resolve("o").toString()), "not a vectors directory");
        assertOneLineError(run("export", vec.toString(), "--out", dir.resolve("nodir/o.txt").toString()), "no such directory");
    }

    @Test
    void exportRefusesAWordWithWhitespaceAndWritesNothing() throws Exception {
        // train and import never produce such a word; a hand-made directory can hold one.
        Path vec = dir.resolve("vec");
        Files.createDirectories(vec);
        var v = VectorImport.vocabulary(List.of("new york", "boston"));
        VocabularyFile.write(vec, v, Map.of());
        VectorsFile.write(vec.resolve(VectorsFile.FILE_NAME), v.fingerprint(), 2, 2, new float[] {1, 2, 3, 4}, Map.of());
        Path out = dir.resolve("out.bin");
        String earlier = "1 2\nboston 3 4\n"; // an earlier export, which --force may replace
        Files.writeString(out, earlier);
        for (String f : new String[] {"word2vec", "word2vec-binary", "glove", "fasttext-vec"}) {
            assertOneLineError(run("export", vec.toString(), "-f", f, "-o", out.toString(), "--force"), "out.bin", "word 1 'new york'",
                    "whitespace", "nothing was written");
            assertEquals(earlier, Files.readString(out, StandardCharsets.UTF_8));
        }
        assertEquals(List.of("out.bin", "vec"), names(dir));
    }

    @Test
    void helpShowsTheVerbsWithEveryOptionAndDefault() {
        Run top = run("--help");
        assertTrue(top.out().contains("export") && top.out().contains("import"), top.out());
        Run exp = run("export", "--help");
        assertEquals(0, exp.code());
        for (String s : new String[] {"--format", "--out", "--force", "Default: word2vec", "word2vec-binary", "glove", "fasttext-vec"}) {
            assertTrue(exp.out().contains(s), s + " in " + exp.out());
        }
        Run imp = run("import", "--help");
        assertEquals(0, imp.code());
        for (String s : new String[] {"--out", "--force", "gzip", "GloVe", "word2vec binary", "whitespace"}) {
            assertTrue(imp.out().contains(s), s + " in " + imp.out());
        }
    }
}
