package yuelao.storage.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.Vocabulary;

/** The windowed scatter: any window gives the same bytes as the default, in about storeBytes / window passes. */
class CountStoreWriterScatterTest {
    private static final Map<String, String> PROPS = Map.of("window", "5");

    @TempDir
    Path dir;

    /** Writes the sorted reference stream with the given window (0: the default create) and returns the passes. */
    private int write(Path file, Vocabulary vocab, TreeMap<Long, Long> sorted, long window) throws Exception {
        try (CountStoreWriter w = window == 0
                ? CountStoreWriter.create(file, vocab, 3, PROPS, dir.resolve("tmp"))
                : CountStoreWriter.create(file, vocab, 3, PROPS, dir.resolve("tmp"), window)) {
            for (Map.Entry<Long, Long> en : sorted.entrySet()) {
                w.accept(en.getKey(), en.getValue());
            }
            w.commit();
            return w.scatterPasses();
        }
    }

    @Test
    void tinyWindowsWriteTheSameFileAsTheDefault() throws Exception {
        int v = 400;
        Vocabulary vocab = CountsFixture.vocabulary(v);
        CountsFixture.Events e = CountsFixture.randomEvents(new Random(77), 20_000, v, 1000);
        Map<Long, Long> ref = CountsFixture.reference(e);
        TreeMap<Long, Long> sorted = new TreeMap<>(ref);

        Path reference = dir.resolve("default.bin");
        assertEquals(1, write(reference, vocab, sorted, 0), "the default window holds this store in one pass");
        byte[] expected = Files.readAllBytes(reference);
        long maxDegree;
        long nnz;
        int nonEmptyRows = 0;
        try (CountStore s = CountStore.open(reference)) {
            CountsFixture.assertStoreEquals(s, ref, vocab, new Random(1));
            nnz = s.nonZeros();
            long m = 0;
            for (int i = 0; i < v; i++) {
                m = Math.max(m, s.rowEnd(i) - s.rowStart(i));
                nonEmptyRows += s.rowEnd(i) > s.rowStart(i) ? 1 : 0;
            }
            maxDegree = m;
        }
        // 1 byte: every non-empty row alone; 12 * 40: several rows per pass, the skewed head rows exceed it.
        for (long window : new long[] {1, 12 * 40, 12 * 1000 + 5, 12 * nnz}) {
            Path file = dir.resolve("w" + window + ".bin");
            int passes = write(file, vocab, sorted, window);
            assertArrayEquals(expected, Files.readAllBytes(file), "window " + window);
            try (CountStore s = CountStore.open(file)) {
                CountsFixture.assertStoreEquals(s, ref, vocab, new Random(2));
            }
            // Each pass maps at most max(window, largest row); two consecutive passes exceed the window.
            assertTrue(passes >= 12 * nnz / Math.max(window, 12 * maxDegree), "window " + window + ": " + passes);
            assertTrue(passes <= 2 * 12 * nnz / window + 1, "window " + window + ": " + passes);
            if (window == 1) {
                assertEquals(nonEmptyRows, passes, "a window smaller than one entry maps one row per pass");
            }
            if (window == 12 * 40) {
                assertTrue(maxDegree > 40 && passes > 100, "rows bigger than the window, many passes: " + passes);
            }
        }
        assertEquals(List.of(), CountsFixture.files(dir.resolve("tmp")), "no temp files remain");
    }

    @Test
    void emptyStoreAndBadWindow() throws Exception {
        Vocabulary vocab = CountsFixture.vocabulary(20);
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        assertEquals(0, write(a, vocab, new TreeMap<>(), 0));
        assertEquals(0, write(b, vocab, new TreeMap<>(), 1));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertThrows(IllegalArgumentException.class,
                () -> CountStoreWriter.create(dir.resolve("c.bin"), vocab, 1, PROPS, dir.resolve("tmp"), 0));
    }
}
