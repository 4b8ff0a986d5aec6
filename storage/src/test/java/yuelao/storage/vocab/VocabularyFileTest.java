package yuelao.storage.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.BinaryFileWriter;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

class VocabularyFileTest {
    @TempDir
    Path dir;

    static Vocabulary sample() {
        Random rnd = new Random(11);
        List<Vocabulary.Entry> entries = new ArrayList<>();
        String[] extra = {"中文", "😀emoji", "a b", "ünïcödé", "x"};
        for (String w : extra) {
            entries.add(new Vocabulary.Entry(w, 1 + rnd.nextInt(50)));
        }
        for (int i = 0; i < 500; i++) {
            entries.add(new Vocabulary.Entry("w" + i, 1 + rnd.nextInt(1000)));
        }
        return Vocabulary.select(entries, 1, 0);
    }

    @Test
    void roundTripsWordsCountsAndProperties() throws IOException {
        Vocabulary v = sample();
        Map<String, String> props = Map.of("minCount", "1", "analyzer", "whitespace");
        VocabularyFile.write(dir, v, props);
        StoredVocabulary s = VocabularyFile.read(dir);
        assertEquals(v, s.vocabulary());
        assertEquals(v.fingerprint(), s.vocabulary().fingerprint());
        assertEquals(new TreeMap<>(props), s.properties());
        List<String> lines = Files.readAllLines(dir.resolve(VocabularyFile.TEXT_NAME), StandardCharsets.UTF_8);
        assertEquals(v.size(), lines.size());
        for (int i = 0; i < v.size(); i++) {
            assertEquals(v.word(i) + " " + v.count(i), lines.get(i));
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void emptyVocabularyRoundTrips() throws IOException {
        Vocabulary v = Vocabulary.ofRanked(new String[0], new long[0]);
        VocabularyFile.write(dir, v, Map.of());
        assertEquals(0, VocabularyFile.read(dir).vocabulary().size());
    }

    @Test
    void corruptionIsDetected() throws IOException {
        VocabularyFile.write(dir, sample(), Map.of());
        Path bin = dir.resolve(VocabularyFile.BINARY_NAME);
        byte[] b = Files.readAllBytes(bin);
        b[b.length / 2] ^= 0x10;
        Files.write(bin, b);
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> VocabularyFile.read(dir));
        assertEquals("checksum mismatch: the file is corrupt", e.problem());
        assertEquals(bin, e.file());
    }

    @Test
    void headerFingerprintMustMatchTheWords() throws IOException {
        Vocabulary v = Vocabulary.ofRanked(new String[] {"a", "b"}, new long[] {3, 2});
        Path bin = dir.resolve(VocabularyFile.BINARY_NAME);
        try (BinaryFileWriter w = BinaryFileWriter.create(bin, VocabularyFile.FORMAT, 1, v.fingerprint() + 1, new long[] {2}, Map.of())) {
            for (int i = 0; i < 2; i++) {
                w.putUtf8(v.word(i).getBytes(StandardCharsets.UTF_8));
                w.putLong(v.count(i));
            }
            w.commit();
        }
        assertTrue(assertThrows(StoreFormatException.class, () -> VocabularyFile.read(dir)).problem().startsWith("fingerprint mismatch"));

        try (BinaryFileWriter w = BinaryFileWriter.create(bin, VocabularyFile.FORMAT, 1, 0, new long[] {2}, Map.of())) {
            w.putUtf8("a".getBytes(StandardCharsets.UTF_8));
            w.putLong(1);
            w.putUtf8("b".getBytes(StandardCharsets.UTF_8));
            w.putLong(5); // not in rank order
            w.commit();
        }
        assertTrue(assertThrows(StoreFormatException.class, () -> VocabularyFile.read(dir)).problem().startsWith("invalid vocabulary"));

        try (BinaryFileWriter w = BinaryFileWriter.create(bin, VocabularyFile.FORMAT, 1, 0, new long[] {3}, Map.of())) {
            w.putUtf8("a".getBytes(StandardCharsets.UTF_8));
            w.putLong(1);
            w.commit();
        }
        assertTrue(assertThrows(StoreFormatException.class, () -> VocabularyFile.read(dir)).problem().startsWith("corrupt"));
        assertArrayEquals(new String[] {"a", "b"}, v.words());
    }
}
