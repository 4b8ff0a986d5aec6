package yuelao.storage.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;

class SpillRunTest {
    @TempDir
    Path dir;

    private static long[][] randomRun(Random rnd, int n) {
        long[] keys = rnd.longs(n, 0, Long.MAX_VALUE).sorted().distinct().toArray();
        long[] units = new long[keys.length];
        for (int i = 0; i < units.length; i++) {
            units[i] = switch (i % 3) {
                case 0 -> 1 + rnd.nextInt(10);
                case 1 -> rnd.nextLong() & Long.MAX_VALUE;
                default -> -rnd.nextInt(5); // any long round-trips
            };
        }
        // plus dense small keys (small deltas)
        return new long[][] {keys, units};
    }

    private static long readAll(Path f, long[] keys, long[] units) throws IOException {
        long n = 0;
        try (SpillRunReader r = SpillRunReader.open(f)) {
            while (r.next()) {
                if (keys != null) {
                    assertEquals(keys[(int) n], r.key());
                    assertEquals(units[(int) n], r.units());
                }
                n++;
            }
            assertFalse(r.next());
        }
        return n;
    }

    @Test
    void roundTripsRandomAndEmptyRuns() throws IOException {
        Random rnd = new Random(5);
        for (int n : new int[] {0, 1, 1000, 100_000}) {
            long[][] run = randomRun(rnd, n);
            Path f = dir.resolve("r" + n);
            SpillRun written = SpillRunWriter.write(f, new MemoryRun(run[0], run[1], run[0].length));
            assertEquals(run[0].length, written.records());
            assertEquals(Files.size(f), written.bytes());
            assertEquals(run[0].length, readAll(f, run[0], run[1]));
        }
        // Dense keys compress: 100k consecutive pairs of one row, units < 128, take 2 bytes each.
        Path dense = dir.resolve("dense");
        try (SpillRunWriter w = SpillRunWriter.create(dense)) {
            for (int j = 0; j < 100_000; j++) {
                w.append(PairKey.of(7, 7 + j), 1 + j % 100);
            }
            assertTrue(w.finish().bytes() < 2 * 100_000 + 32);
        }
    }

    @Test
    void rejectsUnsortedAppendsAndDeletesUnfinishedRuns() throws IOException {
        Path f = dir.resolve("u");
        try (SpillRunWriter w = SpillRunWriter.create(f)) {
            w.append(5, 1);
            assertThrows(IllegalArgumentException.class, () -> w.append(5, 1));
            assertThrows(IllegalArgumentException.class, () -> w.append(4, 1));
        }
        assertFalse(Files.exists(f), "close without finish deletes the file");
    }

    @Test
    void truncationAndCorruptionAreDetected() throws IOException {
        long[][] run = randomRun(new Random(9), 300);
        Path f = dir.resolve("r");
        SpillRunWriter.write(f, new MemoryRun(run[0], run[1], run[0].length));
        byte[] good = Files.readAllBytes(f);
        Path bad = dir.resolve("bad");
        for (int len = 0; len < good.length; len += 1 + len / 7) {
            Files.write(bad, Arrays.copyOf(good, len));
            StoreFormatException e = assertThrows(StoreFormatException.class, () -> readAll(bad, null, null), "length " + len);
            assertEquals(bad, e.file());
        }
        for (int off = 0; off < good.length; off++) {
            byte[] b = good.clone();
            b[off] ^= (byte) (1 << (off % 7));
            Files.write(bad, b);
            assertThrows(StoreFormatException.class, () -> readAll(bad, null, null), "flip at " + off);
        }
        Files.write(bad, Arrays.copyOf(good, good.length + 1));
        assertThrows(StoreFormatException.class, () -> readAll(bad, null, null));
    }
}
