package yuelao.storage.counts;

import yuelao.core.StoreKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

class CountStoreTest {
    @TempDir
    Path dir;

    @Test
    void randomStoresMatchTheReference() throws Exception {
        Random rnd = new Random(31);
        for (int v : new int[] {1, 2, 17, 1000}) {
            Vocabulary vocab = CountsFixture.vocabulary(v);
            CountsFixture.Events e = CountsFixture.randomEvents(rnd, v * 20, v, 1000);
            Path file = dir.resolve("c" + v + ".bin");
            CountsFixture.build(file, dir.resolve("tmp"), vocab, e, 1 << 20, 1, 4, 7, Map.of());
            try (CountStore s = CountStore.open(file)) {
                CountsFixture.assertStoreEquals(s, CountsFixture.reference(e), vocab, rnd);
                assertEquals(7, s.scale());
            }
        }
    }

    @Test
    void emptyStoreAndRowsWithoutPairs() throws Exception {
        Vocabulary vocab = CountsFixture.vocabulary(50);
        Path file = dir.resolve("empty.bin");
        try (CountStoreWriter w = CountStoreWriter.create(file, vocab, 1, Map.of("window", "5"), dir)) {
            w.commit();
        }
        try (CountStore s = CountStore.open(file)) {
            assertEquals(0, s.nonZeros());
            assertEquals(0.0, s.count(3, 4));
            assertEquals(0, s.totalPairUnits());
            assertEquals(vocab.totalCount(), s.totalTokens());
            assertTrue(!s.upperPairs().next());
        }
    }

    @Test
    void writerRejectsBadStreamsAndReservedProperties() throws Exception {
        Vocabulary vocab = CountsFixture.vocabulary(10);
        try (CountStoreWriter w = CountStoreWriter.create(dir.resolve("x.bin"), vocab, 1, Map.of(), dir)) {
            w.accept(PairKey.of(1, 2), 5);
            assertThrows(IllegalArgumentException.class, () -> w.accept(PairKey.of(1, 2), 5)); // repeated
            assertThrows(IllegalArgumentException.class, () -> w.accept(PairKey.of(0, 9), 5)); // decreasing
            assertThrows(IllegalArgumentException.class, () -> w.accept(PairKey.of(3, 10), 5)); // out of range
            assertThrows(IllegalArgumentException.class, () -> w.accept(PairKey.of(3, 4), 0)); // zero units
            assertThrows(IllegalArgumentException.class, () -> w.accept((3L << 32) | 2, 1)); // a > b
        }
        assertEquals(0, CountsFixture.files(dir).size(), "abandoned writer leaves nothing");
        assertThrows(IllegalArgumentException.class,
                () -> CountStoreWriter.create(dir.resolve("y.bin"), vocab, 1, Map.of(StoreKeys.N, "1"), dir));
    }

    @Test
    void corruptOrForeignStoresAreRejected() throws Exception {
        Vocabulary vocab = CountsFixture.vocabulary(100);
        CountsFixture.Events e = CountsFixture.randomEvents(new Random(3), 3000, 100, 50);
        Path file = dir.resolve("counts.bin");
        CountsFixture.build(file, dir.resolve("tmp"), vocab, e, 1 << 20, 1, 4, 1, Map.of());
        byte[] good = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.bin");
        Random rnd = new Random(4);
        for (int t = 0; t < 200; t++) {
            byte[] b = good.clone();
            b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            Files.write(bad, b);
            assertThrows(StoreFormatException.class, () -> CountStore.open(bad).close());
        }
        Files.write(bad, java.util.Arrays.copyOf(good, good.length - 100));
        assertTrue(assertThrows(StoreFormatException.class, () -> CountStore.open(bad)).problem().startsWith("truncated"));
        yuelao.storage.vocab.VocabularyFile.write(dir, vocab, Map.of());
        assertEquals("is a yuelao.vocab file, expected yuelao.counts",
                assertThrows(StoreFormatException.class, () -> CountStore.open(dir.resolve("vocab.bin"))).problem());
    }

    @Test
    void closedStoreFailsSafely() throws Exception {
        Vocabulary vocab = CountsFixture.vocabulary(5);
        Path file = dir.resolve("c.bin");
        CountsFixture.build(file, dir.resolve("tmp"), vocab, CountsFixture.randomEvents(new Random(1), 50, 5, 9), 1 << 20, 1, 2,
                1, Map.of());
        CountStore s = CountStore.open(file);
        s.close();
        assertThrows(IllegalStateException.class, () -> s.count(0, 1));
    }
}
