package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.storage.counts.CountStore;
import yuelao.storage.format.OutputGuard;
import yuelao.storage.format.OutputRefusedException;

/**
 * {@code --force} replaces only an output of the same kind that yuelao wrote: never a user's folder, an input, a
 * directory holding an input, the working directory, another kind of output, or a link. Every refusal is one line
 * and leaves every byte of the tree as it was.
 */
class ForceSafetyTest {
    @TempDir
    Path dir;

    Path corpus;
    Path store;
    Path vectors;

    @BeforeEach
    void buildOutputs() throws IOException {
        corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(3), 300, 60));
        store = dir.resolve("store");
        assertEquals(0, run("count", "-i", corpus.toString(), "-o", store.toString(), "--analyzer", "whitespace", "--min-count", "1",
                "-q").code());
        vectors = dir.resolve("vectors");
        assertEquals(0, run("train", "--store", store.toString(), "-o", vectors.toString(), "--dim", "8", "-q").code());
    }

    @Test
    void aFolderHoldingTheCorpusIsNeverReplaced() throws IOException {
        Path corpusDir = Files.createDirectories(dir.resolve("texts"));
        Path text = corpusDir.resolve("c.txt");
        Files.copy(corpus, text);
        Files.writeString(corpusDir.resolve("notes.md"), "my notes");
        for (String verb : new String[] {"count", "vocab"}) {
            Map<String, String> before = sums(dir);
            assertOneLineError(run(verb, "-i", text.toString(), "-o", corpusDir.toString(), "--force", "--analyzer", "whitespace", "-q"),
                    "texts", "input");
            assertEquals(before, sums(dir), verb + " left every file as it was");
        }
    }

    @Test
    void aFolderOfOtherFilesIsNeverReplaced() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "\\section{PMI}");
        Map<String, String> before = sums(dir);
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", mine.toString(), "--force", "-q"), "mine", "thesis.tex",
                "yuelao did not write");
        assertOneLineError(run("vocab", "-i", corpus.toString(), "-o", mine.toString(), "--force", "-q"), "mine");
        assertOneLineError(run("train", "--store", store.toString(), "-o", mine.toString(), "--force", "--dim", "8", "-q"), "mine");
        assertOneLineError(run("merge", store.toString(), store.toString(), "-o", mine.toString(), "--force"), "mine");
        assertOneLineError(run("import", vectors.resolve("vectors.txt").toString(), "-o", mine.toString(), "--force"), "mine");
        assertEquals(before, sums(dir));
    }

    @Test
    void aStoreWithAForeignFileInsideIsNotAStoreAnyMore() throws IOException {
        Files.writeString(store.resolve("README"), "keep me");
        Map<String, String> before = sums(dir);
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", store.toString(), "--force", "-q"), "README");
        assertEquals(before, sums(dir));
    }

    @Test
    void theStoreBeingTrainedIsNeverItsOutput() throws IOException {
        Map<String, String> before = sums(dir);
        assertOneLineError(run("train", "--store", store.toString(), "-o", store.toString(), "--force", "--dim", "8", "-q"), "store",
                "input");
        assertEquals(before, sums(dir));
    }

    @Test
    void anotherKindOfOutputIsNotReplaced() throws IOException {
        Map<String, String> before = sums(dir);
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", vectors.toString(), "--force", "-q"), "vectors");
        assertOneLineError(run("vocab", "-i", corpus.toString(), "-o", store.toString(), "--force", "-q"), "store");
        assertEquals(before, sums(dir));
    }

    @Test
    void aLinkIsNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("data.csv"), "1,2,3");
        Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);
        Map<String, String> before = sums(dir);
        assertOneLineError(run("count", "-i", corpus.toString(), "-o", link.toString(), "--force", "-q"), "link");
        assertEquals(before, sums(dir));
    }

    @Test
    void theWorkingDirectoryAndItsAncestorsAreRefused() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : new Path[] {cwd, cwd.getParent(), Path.of(".")}) {
            OutputRefusedException e = assertThrows(OutputRefusedException.class,
                    () -> OutputGuard.checkDirectory(p, CountStore.DIRECTORY_KIND, true, List.of()));
            assertTrue(e.getMessage().contains("working directory"), e.getMessage());
        }
    }

    @Test
    void runChecksBothOutputsBeforeAnyWork() throws IOException {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        assertEquals(0, run("run", "-i", corpus.toString(), "-o", runDir.toString(), "--analyzer", "whitespace", "--min-count", "1",
                "--dim", "8", "--subwords", "none", "-q").code());
        Files.writeString(runDir.resolve("vectors").resolve("plot.png"), "not yuelao's");
        Map<String, String> before = sums(dir);
        assertOneLineError(run("run", "-i", corpus.toString(), "-o", runDir.toString(), "--force", "--dim", "8", "-q"), "plot.png");
        assertEquals(before, sums(dir), "the store was not recounted either");
    }

    @Test
    void exportAndPmiMatrixReplaceOnlyTheirOwnFiles() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "the quick brown fox\njumps over 3 dogs\n");
        Map<String, String> before = sums(dir);
        assertOneLineError(run("export", vectors.toString(), "-o", notes.toString(), "--force"), "notes.txt", "word-vector");
        assertOneLineError(run("export", vectors.toString(), "-o", vectors.resolve("vectors.txt").toString(), "--force"), "input");
        assertOneLineError(run("pmi-matrix", store.toString(), "-o", notes.toString(), "--force"), "notes.txt", "Matrix Market");
        assertEquals(before, sums(dir));

        Path exported = dir.resolve("w2v.txt");
        assertEquals(0, run("export", vectors.toString(), "-o", exported.toString()).code());
        assertEquals(0, run("export", vectors.toString(), "-o", exported.toString(), "--format", "glove", "--force").code());
        Path mtx = dir.resolve("m.mtx");
        assertEquals(0, run("pmi-matrix", store.toString(), "-o", mtx.toString()).code());
        assertEquals(0, run("pmi-matrix", store.toString(), "-o", mtx.toString(), "--force").code());
    }

    @Test
    void aYuelaoOutputOfTheSameKindIsStillReplaced() throws IOException {
        String oldCounts = sums(store).get("counts.bin");
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(4), 300, 60));
        assertEquals(0, run("count", "-i", corpus.toString(), "-o", store.toString(), "--analyzer", "whitespace", "--min-count", "1",
                "--force", "-q").code());
        assertNotEquals(oldCounts, sums(store).get("counts.bin"));
        assertEquals(0, run("lookup-maps", store.toString()).code());
        assertEquals(0, run("count", "-i", corpus.toString(), "-o", store.toString(), "--analyzer", "whitespace", "--min-count", "1",
                "--force", "-q").code(), "look-up maps belong to a store");
        assertEquals(0, run("train", "--store", store.toString(), "-o", vectors.toString(), "--dim", "8", "--force", "-q").code());
    }

    /** sha256 of every file under {@code root}, by relative path. */
    static Map<String, String> sums(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        m.put(root.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new AssertionError(e);
                    }
                } else if (Files.isDirectory(p)) {
                    m.put(root.relativize(p) + "/", "dir");
                }
            }
        }
        return m;
    }
}
