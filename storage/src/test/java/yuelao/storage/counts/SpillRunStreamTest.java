package yuelao.storage.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;

/** A run written to a stream is the same bytes as a run file, and reads back through a stream with the same checks. */
class SpillRunStreamTest {
    @TempDir
    Path dir;

    @Test
    void streamRunEqualsFileRunAndReadsBack() throws IOException {
        Random r = new Random(9);
        int n = 5000;
        long[] keys = new long[n];
        long[] units = new long[n];
        long k = -1;
        for (int i = 0; i < n; i++) {
            k += 1 + (r.nextInt(4) == 0 ? (long) r.nextInt(1000) << 32 : r.nextInt(50));
            keys[i] = k;
            units[i] = 1 + r.nextInt(100_000);
        }
        SpillRun file = SpillRunWriter.write(dir.resolve("a.run"), new MemoryRun(keys, units, n));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpillRunWriter w = SpillRunWriter.to(out);
        for (int i = 0; i < n; i++) {
            w.append(keys[i], units[i]);
        }
        assertNull(w.finish(), "no file");
        assertArrayEquals(Files.readAllBytes(file.file()), out.toByteArray());
        assertEquals(out.size(), w.bytes());
        try (SpillRunReader in = SpillRunReader.open(Path.of("block"), new ByteArrayInputStream(out.toByteArray()))) {
            for (int i = 0; i < n; i++) {
                assertTrue(in.next());
                assertEquals(keys[i], in.key());
                assertEquals(units[i], in.units());
            }
            assertTrue(!in.next());
        }
        byte[] corrupt = out.toByteArray();
        corrupt[corrupt.length / 2] ^= 0x10;
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> {
            try (SpillRunReader in = SpillRunReader.open(Path.of("block"), new ByteArrayInputStream(corrupt))) {
                while (in.next()) {
                    // read to the end, where the checksum is checked
                }
            }
        });
        assertTrue(e.getMessage().startsWith("block: "), e.getMessage());
    }
}
