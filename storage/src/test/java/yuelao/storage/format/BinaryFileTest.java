package yuelao.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryFileTest {
    private static final String FORMAT = "yuelao.test";

    @TempDir
    Path dir;

    private static final Map<String, String> PROPS = Map.of("window", "10", "weighting", "harmonic", "analyzer", "smartcn, 中文",
            "empty", "");

    /** A file with every kind of body write; returns the expected body longs of the reserved region. */
    private static long[] writeSample(Path file, int version, String format) throws IOException {
        long[] reserved = new Random(7).longs(1000).toArray();
        try (BinaryFileWriter w = BinaryFileWriter.create(file, format, version, 0x1234_5678_9ABC_DEF0L, new long[] {3, 1L << 40},
                PROPS)) {
            assertEquals(0, w.bodyOffset() % 8);
            w.putInt(-7);
            w.putLong(Long.MIN_VALUE);
            w.putDouble(Math.PI);
            w.putUtf8("héllo".getBytes(StandardCharsets.UTF_8));
            byte[] big = new byte[200_000];
            new Random(3).nextBytes(big);
            w.putBytes(big, 0, big.length);
            w.alignTo(8);
            MemorySegment region = w.reserve(8L * reserved.length);
            for (int i = reserved.length - 1; i >= 0; i--) { // random-order writes through the mapping
                region.setAtIndex(Layouts.LONG, i, reserved[i]);
            }
            w.putLong(42);
            w.commit();
        }
        return reserved;
    }

    @Test
    void roundTripsHeaderPropertiesAndBody() throws IOException {
        Path file = dir.resolve("a.bin");
        long[] reserved = writeSample(file, 1, FORMAT);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the committed file remains");
        }
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, 1)) {
            assertEquals(FORMAT, r.formatName());
            assertEquals(1, r.version());
            assertEquals(0x1234_5678_9ABC_DEF0L, r.vocabularyFingerprint());
            assertArrayEquals(new long[] {3, 1L << 40}, r.header().recordCounts());
            assertEquals(new TreeMap<>(PROPS), r.properties());
            assertEquals(0, r.bodyOffset() % 8);
            assertEquals(Files.size(file) - 24, r.bodyEnd());
            SegmentInput in = r.bodyInput("body");
            assertEquals(-7, in.readInt());
            assertEquals(Long.MIN_VALUE, in.readLong());
            assertEquals(Math.PI, Double.longBitsToDouble(in.readLong()));
            assertEquals("héllo", in.readUtf8(100, "s"));
            byte[] big = new byte[200_000];
            new Random(3).nextBytes(big);
            assertArrayEquals(big, in.readBytes(big.length));
            long at = (in.position() + 7) & ~7L;
            MemorySegment seg = r.segment();
            for (int i = 0; i < reserved.length; i++) {
                assertEquals(reserved[i], seg.get(Layouts.LONG, at + 8L * i));
            }
            assertEquals(42, seg.get(Layouts.LONG, at + 8L * reserved.length));
            assertEquals(r.bodyEnd(), at + 8L * reserved.length + 8);
        }
    }

    @Test
    void everyFlippedByteIsDetected() throws IOException {
        Path file = dir.resolve("small.bin");
        try (BinaryFileWriter w = BinaryFileWriter.create(file, FORMAT, 1, 99, new long[] {5}, Map.of("k", "v"))) {
            for (int i = 0; i < 5; i++) {
                w.putLong(i * 1000L);
            }
            w.commit();
        }
        byte[] good = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.bin");
        for (int off = 0; off < good.length; off++) {
            byte[] b = good.clone();
            b[off] ^= (byte) (1 << (off % 8));
            Files.write(bad, b);
            StoreFormatException e = assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(bad, FORMAT, 1).close(),
                    "flip at " + off);
            assertEquals(bad, e.file());
            if (off < 8) {
                assertEquals("not a yuelao file (bad magic)", e.problem());
            } else if (off < good.length - 24) {
                assertEquals("checksum mismatch: the file is corrupt", e.problem(), "flip at " + off);
            } else {
                assertTrue(e.problem().contains("corrupt"), "flip in footer at " + off + ": " + e.problem());
            }
        }
        // The flag skips only the CRC: a flipped body byte then goes unnoticed, a flipped magic does not.
        byte[] b = good.clone();
        b[good.length - 30] ^= 1;
        Files.write(bad, b);
        BinaryFileReader.open(bad, FORMAT, 1, false).close();
        b[0] ^= 1;
        Files.write(bad, b);
        assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(bad, FORMAT, 1, false));
    }

    @Test
    void truncationIsReportedWithBothLengths() throws IOException {
        Path file = dir.resolve("t.bin");
        writeSample(file, 1, FORMAT);
        byte[] good = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.bin");
        for (int len : new int[] {good.length - 1, good.length - 24, good.length / 2, 100, 16}) {
            Files.write(cut, Arrays.copyOf(good, len));
            StoreFormatException e = assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(cut, FORMAT, 1));
            assertEquals("truncated (expected " + good.length + " bytes, found " + len + ")", e.problem());
        }
        Files.write(cut, Arrays.copyOf(good, 12));
        assertTrue(assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(cut, FORMAT, 1)).problem()
                .startsWith("truncated (found 12 bytes"));
        Files.write(cut, Arrays.copyOf(good, 5));
        assertEquals("not a yuelao file (bad magic)",
                assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(cut, FORMAT, 1)).problem());
        Files.write(cut, new byte[0]);
        assertTrue(assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(cut, FORMAT, 1)).problem().startsWith("empty"));
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        Files.write(cut, longer);
        assertTrue(assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(cut, FORMAT, 1)).problem()
                .startsWith("has 3 trailing bytes"));
    }

    @Test
    void foreignFilesWrongFormatsAndFutureVersionsHaveTheirOwnErrors() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "the quick brown fox jumps over the lazy dog\n".repeat(10));
        assertEquals("not a yuelao file (bad magic)",
                assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(text, FORMAT, 1)).problem());

        Path vocab = dir.resolve("vocab.bin");
        writeSample(vocab, 1, "yuelao.vocab");
        assertEquals("is a yuelao.vocab file, expected yuelao.counts",
                assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(vocab, "yuelao.counts", 1)).problem());

        Path future = dir.resolve("future.bin");
        writeSample(future, 2, FORMAT);
        assertTrue(assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(future, FORMAT, 1)).problem()
                .startsWith("format version 2 is newer than supported (1)"));
        BinaryFileReader.open(future, FORMAT, 2).close();
    }

    @Test
    void messagesAreOneLineAndNameTheFile() throws IOException {
        Path file = dir.resolve("name with spaces.bin");
        Files.write(file, "x\ny\n".getBytes(StandardCharsets.UTF_8));
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> BinaryFileReader.open(file, FORMAT, 1));
        assertEquals(file + ": " + e.problem(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        StoreFormatException multi = new StoreFormatException(file, "a\nb\r\nc");
        assertFalse(multi.getMessage().contains("\n") || multi.getMessage().contains("\r"));
    }

    @Test
    void uncommittedWriterLeavesNothingAndCommitReplaces() throws IOException {
        Path file = dir.resolve("x.bin");
        try (BinaryFileWriter w = BinaryFileWriter.create(file, FORMAT, 1, 0, new long[0], Map.of())) {
            w.putLong(1);
            w.reserve(4096).set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
        writeSample(file, 1, FORMAT);
        try (BinaryFileWriter w = BinaryFileWriter.create(file, FORMAT, 1, 5, new long[] {1}, Map.of())) {
            w.putLong(77);
            w.commit();
        }
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, 1)) {
            assertEquals(5, r.vocabularyFingerprint());
            assertEquals(8, r.bodySize());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
