package yuelao.engine.vectors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A failed write leaves nothing behind and keeps what was there; words with whitespace are refused. */
class VectorAtomicityTest {
    @TempDir
    Path dir;

    List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void aWordWithWhitespaceIsRefusedAndNothingIsWritten(VectorFormat format) throws Exception {
        TestVectors.Table t = TestVectors.random(3, 100, 4, false);
        for (String bad : new String[] {"new york", "tab\there", "line\nbreak", "nbsp\u00A0x", "ideographic\u3000space", ""}) {
            List<String> words = new ArrayList<>(t.words());
            words.set(57, bad);
            Path target = dir.resolve("out." + format.id());
            Files.writeString(target, "precious");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VectorFormats.write(target, format, words, t.data(), t.dim()));
            String m = e.getMessage();
            assertTrue(m.startsWith(target.toString()), m);
            assertTrue(m.contains("word 58 "), m);
            assertTrue(m.contains(bad.isEmpty() ? "is empty" : "whitespace"), m);
            assertFalse(m.contains("\n") || m.contains("\t"), "one line, the word escaped: " + m);
            assertEquals("precious", Files.readString(target), "the existing file is kept");
            assertEquals(List.of(target.getFileName().toString()), listing(), "no temporary file left");
        }
        assertTrue(Words.quote("line\nbreak").contains("\\u000A"));
    }

    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void aWriteThatFailsMidwayLeavesNoPartialFileAndKeepsTheTarget(VectorFormat format) throws Exception {
        TestVectors.Table t = TestVectors.random(4, 5000, 16, false);
        Path target = dir.resolve("v.out");
        Files.writeString(target, "old", StandardCharsets.UTF_8);
        // The disk fills up after 100 kB of the file (the real stream, wrapped: AtomicFiles' own cleanup runs).
        IOException e = assertThrows(IOException.class, () -> VectorWriter.write(target, format, t.words(), t.data(), t.dim(),
                out -> new FilterOutputStream(out) {
                    long written;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        written += len;
                        if (written > 100_000) {
                            throw new IOException("No space left on device");
                        }
                        out.write(b, off, len);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }
                }));
        assertTrue(e.getMessage().contains("No space"), e.getMessage());
        assertEquals("old", Files.readString(target), "the existing file is kept");
        assertEquals(List.of("v.out"), listing(), "no partial or temporary file");
        // Without a target, nothing at all appears.
        Files.delete(target);
        assertThrows(IOException.class, () -> VectorWriter.write(target, format, t.words(), t.data(), t.dim(), out -> new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        }));
        assertEquals(List.of(), listing());
        // The sizes are checked before anything is opened.
        assertThrows(IllegalArgumentException.class, () -> VectorFormats.write(target, format, List.of("a"), new float[3], 2));
        assertEquals(List.of(), listing());
    }
}
