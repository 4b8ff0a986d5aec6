package yuelao.storage.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;

class BoundedFanInMergerTest {
    @TempDir
    Path dir;

    /** Random sorted runs over a small key space (many equal keys across runs); odd ones spilled to files. */
    private List<RunSource> randomRuns(Random rnd, int count, TreeMap<Long, Long> ref) throws IOException {
        List<RunSource> runs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            TreeMap<Long, Long> run = new TreeMap<>();
            int n = rnd.nextInt(400);
            for (int i = 0; i < n; i++) {
                run.merge(PairKey.unordered(rnd.nextInt(60), rnd.nextInt(60)), 1L + rnd.nextInt(1000), Long::sum);
            }
            long[] keys = run.keySet().stream().mapToLong(Long::longValue).toArray();
            long[] units = run.values().stream().mapToLong(Long::longValue).toArray();
            run.forEach((k, u) -> ref.merge(k, u, Long::sum));
            MemoryRun m = new MemoryRun(keys, units, keys.length);
            runs.add(r % 2 == 1 ? SpillRunWriter.write(dir.resolve("in-" + r + ".run"), m) : m);
        }
        return runs;
    }

    @Test
    void mergesExactlyWithBoundedOpenFilesAndCleansUp() throws IOException {
        Random rnd = new Random(13);
        for (int fanIn : new int[] {2, 3, 5}) {
            for (int count : new int[] {0, 1, 2, 7, 20}) {
                TreeMap<Long, Long> ref = new TreeMap<>();
                List<RunSource> runs = randomRuns(rnd, count, ref);
                BoundedFanInMerger merger = new BoundedFanInMerger();
                TreeMap<Long, Long> out = new TreeMap<>();
                long[] previous = {-1};
                merger.merge(runs, fanIn, dir, (key, units) -> {
                    assertTrue(key > previous[0], "strictly increasing");
                    previous[0] = key;
                    out.put(key, units);
                });
                assertEquals(ref, out, "fanIn " + fanIn + ", runs " + count);
                assertTrue(merger.maxOpenRunFiles() <= fanIn + 1, "open files " + merger.maxOpenRunFiles());
                assertEquals(0, merger.openRunFiles());
                if (count > fanIn) {
                    assertTrue(merger.intermediateRuns() > 0);
                    assertTrue(merger.maxOpenRunFiles() >= 2);
                }
                assertEquals(List.of(), CountsFixture.files(dir), "all run files deleted");
            }
        }
    }

    @Test
    void cleansUpWhenTheSinkThrowsOrAnInputIsCorrupt() throws IOException {
        Random rnd = new Random(17);
        List<RunSource> runs = randomRuns(rnd, 12, new TreeMap<>());
        BoundedFanInMerger merger = new BoundedFanInMerger();
        int[] seen = {0};
        IOException e = assertThrows(IOException.class, () -> merger.merge(runs, 3, dir, (k, u) -> {
            if (++seen[0] == 50) {
                throw new IOException("disk full");
            }
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(0, merger.openRunFiles());
        assertEquals(List.of(), CountsFixture.files(dir));

        List<RunSource> runs2 = randomRuns(rnd, 6, new TreeMap<>());
        Path victim = runs2.get(1).file();
        byte[] b = Files.readAllBytes(victim);
        b[b.length / 2] ^= 4;
        Files.write(victim, b);
        assertThrows(StoreFormatException.class, () -> new BoundedFanInMerger().merge(runs2, 2, dir, (k, u) -> {}));
        assertEquals(List.of(), CountsFixture.files(dir));
    }

    @Test
    void overflowingSumsFailLoudly() {
        long[] k = {1};
        List<RunSource> runs = List.of(new MemoryRun(k, new long[] {Long.MAX_VALUE}, 1), new MemoryRun(k, new long[] {1}, 1));
        assertThrows(ArithmeticException.class, () -> new BoundedFanInMerger().merge(runs, 2, dir, (a, b) -> {}));
    }
}
