package yuelao.storage.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreWriter;
import yuelao.storage.counts.PairCountBuffer;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

class ChroniclePairMapTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryPairOfAStore() throws Exception {
        int v = 200;
        String[] words = new String[v];
        long[] counts = new long[v];
        for (int i = 0; i < v; i++) {
            words[i] = "w" + (1000 + i);
            counts[i] = 1000 - i;
        }
        Vocabulary vocab = Vocabulary.ofRanked(words, counts);
        Random rnd = new Random(61);
        Path storeFile = dir.resolve("counts.bin");
        Path tmp = dir.resolve("tmp");
        try (CooccurrenceAccumulator acc = new CooccurrenceAccumulator(tmp, 1 << 20, 1, 4)) {
            PairCountBuffer buf = acc.newThreadBuffer();
            for (int t = 0; t < 8000; t++) {
                buf.add(rnd.nextInt(v), rnd.nextInt(v), 1 + rnd.nextInt(12));
            }
            try (CountStoreWriter w = CountStoreWriter.create(storeFile, vocab, 12, Map.of(), tmp)) {
                acc.finish(w);
                w.commit();
            }
        }
        Path file = dir.resolve("pairs.cmap");
        try (CountStore store = CountStore.open(storeFile)) {
            try (ChroniclePairMap m = ChroniclePairMap.build(file, store)) {
                assertEquals((store.nonZeros() + countDiagonal(store)) / 2, m.size());
            }
            try (ChroniclePairMap m = ChroniclePairMap.open(file)) {
                assertEquals(store.vocabularyFingerprint(), m.vocabularyFingerprint());
                for (int i = 0; i < v; i++) {
                    for (int j = 0; j < v; j++) { // every pair, present or absent, both orders
                        assertEquals(store.count(i, j), m.get(i, j), i + "," + j);
                    }
                }
            }
        }
        try (var s = Files.list(dir)) {
            assertEquals(3, s.count(), "counts.bin, tmp, pairs.cmap: no temporary files");
        }
        assertEquals(List.of(), Files.list(tmp).toList());
        assertThrows(StoreFormatException.class, () -> ChroniclePairMap.open(storeFile));
    }

    private static long countDiagonal(CountStore s) {
        long d = 0;
        for (int i = 0; i < s.vocabSize(); i++) {
            if (s.find(i, i) >= 0) {
                d++;
            }
        }
        return d;
    }
}
