package yuelao.engine.vectors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;

/** Every malformed file fails with one line naming the file and where. */
class BadVectorFilesTest {
    @TempDir
    Path dir;

    StoreFormatException fails(String name, byte[] content, String... fragments) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> VectorFormats.read(f), name);
        String m = e.getMessage();
        assertTrue(m.startsWith(f.toString() + ": "), "names the file: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String frag : fragments) {
            assertTrue(m.contains(frag), "'" + frag + "' in: " + m);
        }
        // The same failure through gzip.
        Path gz = VectorFormatsTest.gzip(f);
        if (content.length > 0) {
            StoreFormatException ez = assertThrows(StoreFormatException.class, () -> VectorFormats.read(gz), name + ".gz");
            assertTrue(ez.getMessage().startsWith(gz + ": "), ez.getMessage());
            for (String frag : fragments) {
                assertTrue(ez.getMessage().contains(frag), "gzip: '" + frag + "' in: " + ez.getMessage());
            }
        }
        return e;
    }

    StoreFormatException fails(String name, String text, String... fragments) throws IOException {
        return fails(name, text.getBytes(StandardCharsets.UTF_8), fragments);
    }

    static byte[] binary(String header, Object... rows) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (Object r : rows) {
            if (r instanceof String s) {
                b.put(s.getBytes(StandardCharsets.UTF_8));
            } else if (r instanceof Float x) {
                b.putFloat(x);
            } else {
                b.put((byte[]) r);
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void raggedLines() throws Exception {
        fails("ragged.txt", "a 1 2 3\nb 1 2\n", "line 2", "2 values, expected 3", "ragged");
        fails("long.txt", "a 1 2 3\nb 1 2 3\nc 1 2 3 4\n", "line 3", "4 values, expected 3");
        fails("hdim.txt", "2 3\na 1 2 3\nb 1 2 3 4\n", "line 3", "expected 3", "header");
        fails("hdim2.txt", "2 4\na 1 2 3\nb 1 2 3\n", "line 2", "3 values, expected 4");
        fails("lonely.txt", "a\n", "line 1", "without a vector");
        fails("blank.txt", "a 1 2\n\nb 1 2\n", "line 2", "empty line");
        fails("indent.txt", "a 1 2\n b 1 2\n", "line 2", "empty word");
    }

    @Test
    void truncatedFiles() throws Exception {
        fails("short.txt", "3 2\na 1 2\nb 1 2\n", "truncated", "announces 3 words", "ends after 2");
        fails("headeronly.txt", "5 2\n", "truncated", "ends after 0");
        // Binary: a row cut inside its vector, inside its word, and a missing row.
        fails("cut.bin", binary("2 2\n", "a ", 1f, 2f, "\n", "b ", 1f, new byte[] {1, 2}), "row 2", "truncated", "has 6 of its 8 bytes");
        fails("cutword.bin", binary("2 2\n", "a ", 1f, 2f, "\n", "bé"), "row 2", "truncated inside the word");
        fails("rows.bin", binary("3 2\n", "a ", 1f, 2f, "\n", "b ", 3f, 4f, "\n"), "truncated", "announces 3 words", "ends after 2");
        // A gzip stream cut short.
        Path whole = dir.resolve("whole.txt");
        TestVectors.Table t = TestVectors.random(5, 2000, 20, false);
        VectorFormats.write(whole, VectorFormat.WORD2VEC, t.words(), t.data(), t.dim());
        byte[] gz = Files.readAllBytes(VectorFormatsTest.gzip(whole));
        Path cutGz = dir.resolve("cut.txt.gz");
        Files.write(cutGz, Arrays.copyOf(gz, gz.length / 2));
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> VectorFormats.read(cutGz));
        assertTrue(e.getMessage().startsWith(cutGz + ": ") && e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void headerCountMismatches() throws Exception {
        fails("more.txt", "1 2\na 1 2\nb 1 2\n", "line 3", "more words than the 1 the header announces", "mismatch");
        fails("more.bin", binary("1 2\n", "a ", 1f, 2f, "\n", "b ", 3f, 4f, "\n"), "more data after the 1 words", "mismatch");
        fails("zero.txt", "0 2\n", "no vectors");
        fails("zero.bin", binary("0 2\n", "a ", 1f, 2f), "more data after the 0 words");
        fails("dim0.txt", "2 0\na\nb\n", "line 1", "dimension 0");
        fails("huge.txt", "99999999999 3\na 1 2 3\n", "line 1", "99999999999 words");
    }

    @Test
    void nonNumericValues() throws Exception {
        fails("nan.txt", "a 1 2\nb 1 x2\n", "line 2", "value 2 of 'b'", "'x2'", "not a number");
        fails("javaism.txt", "2 2\na 1 2f\nb 1 2\n", "line 2", "'2f'", "not a number");
        fails("hex.txt", "a 0x1p3 2\n", "line 1", "not a number");
        fails("comma.txt", "a 1,5 2\n", "line 1", "'1,5'", "not a number");
        fails("dot.txt", "a . 2\n", "line 1", "not a number");
        fails("exp.txt", "a 1e 2\n", "line 1", "not a number");
    }

    @Test
    void duplicateWords() throws Exception {
        fails("dup.txt", "a 1\nb 2\na 3\n", "line 3", "duplicate word 'a'", "first on line 1");
        fails("duph.txt", "3 1\na 1\nb 2\nb 3\n", "line 4", "duplicate word 'b'", "first on line 3");
        fails("dup.bin", binary("2 1\n", "ab ", 1f, "\n", "ab ", 2f, "\n"), "row 2", "duplicate word 'ab'", "first in row 1");
    }

    @Test
    void emptyAndForeignFiles() throws Exception {
        fails("empty.txt", new byte[0], "empty file");
        Path f = dir.resolve("empty.gz");
        Files.write(f, new byte[0]);
        Path gz = VectorFormatsTest.gzip(f);
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> VectorFormats.read(gz));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
        fails("latin1.txt", new byte[] {'c', (byte) 0xE9, ' ', '1', '\n'}, "line 1", "not valid UTF-8");
        fails("latin1.bin", binary("1 2\n", new byte[] {'c', (byte) 0xE9, ' '}, 1f, 2f), "row 1", "not valid UTF-8");
        fails("nbsp.txt", "a\u00A0b 1\n", "line 1", "whitespace (U+00A0)");
    }

    @Test
    void errorsCarryLongLineNumbersAndOffsets() throws Exception {
        // A ragged line far into the file: the line number counts every line, the header included.
        StringBuilder sb = new StringBuilder("3000 2\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("w").append(i).append(i == 2500 ? " 1\n" : " 1 2\n");
        }
        fails("far.txt", sb.toString(), "line 2502", "1 values, expected 2");
    }
}
