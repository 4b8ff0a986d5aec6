package yuelao.storage.vectors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;

/** subwords.bin: what is written is read back, a flipped byte is refused. */
class SubwordFileTest {
    @TempDir
    Path tmp;

    @Test
    void subwordFileRoundTripAndCorruption() throws IOException {
        Path file = tmp.resolve("subwords.bin");
        int[] ids = {3, 17, 1_999_999};
        float[] words = {1, 2, 3, 4};
        float[] buckets = {5, 6, 7, 8, 9, 10};
        Map<String, String> props = new TreeMap<>(Map.of("subwords.minn", "3", "subwords.maxn", "6", "subwords.buckets", "2000000",
                "subwords.scheme", "latin", "subwords.hash", "fnv1a32-utf8"));
        SubwordFile.write(file, 42L, 2, 2, ids, words, buckets, props);
        SubwordFile.Table t = SubwordFile.read(file);
        assertArrayEquals(ids, t.bucketIds());
        assertArrayEquals(words, t.wordVectors());
        assertArrayEquals(buckets, t.bucketVectors());
        assertEquals(props, t.properties());
        assertEquals(42L, SubwordFile.fingerprint(file));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1;
        Files.write(file, bytes);
        assertThrows(StoreFormatException.class, () -> SubwordFile.read(file));
    }

    @Test
    void bucketIdsMustIncreaseAndSizesMatch() {
        Path file = tmp.resolve("bad.bin");
        assertThrows(IllegalArgumentException.class, () -> SubwordFile.write(file, 1L, 0, 2, new int[] {5, 5}, null, new float[4], Map.of()));
        assertThrows(IllegalArgumentException.class, () -> SubwordFile.write(file, 1L, 1, 2, new int[] {5}, new float[3], new float[2], Map.of()));
        assertFalse(Files.exists(file), "nothing written for refused input");
    }
}
