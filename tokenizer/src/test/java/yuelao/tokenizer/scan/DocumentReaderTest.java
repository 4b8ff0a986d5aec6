package yuelao.tokenizer.scan;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;

class DocumentReaderTest {
    @TempDir
    Path dir;

    static List<String> readAll(List<InputSource> inputs, int maxDoc, DocumentReader[] readerOut) throws IOException {
        DocumentReader r = new DocumentReader(inputs, maxDoc);
        if (readerOut != null) {
            readerOut[0] = r;
        }
        DocumentBatch b = new DocumentBatch(Math.max(maxDoc + 1, 64));
        List<String> docs = new ArrayList<>();
        long expectedIndex = 0;
        while (r.fill(b)) {
            assertEquals(expectedIndex, b.firstDocumentIndex());
            for (int i = 0; i < b.size(); i++) {
                docs.add(new String(b.chars(), b.start(i), b.end(i) - b.start(i)));
            }
            expectedIndex += b.size();
        }
        r.close();
        return docs;
    }

    static InputSource bytes(String name, byte[] data) {
        return InputSource.stream(name, () -> new ByteArrayInputStream(data));
    }

    /** Reference: the JDK's decoder with replacement, lines split on LF, a trailing CR removed, empty lines dropped. */
    static List<String> reference(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String line : s.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void decodesRandomValidAndMalformedUtf8LikeTheJdkAndCountsReplacements() throws IOException {
        Random rnd = new Random(42);
        for (int iter = 0; iter < 300; iter++) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            int expectedMalformedAtLeast = 0;
            int pieces = 1 + rnd.nextInt(200);
            bos.write('x');
            for (int p = 0; p < pieces; p++) {
                int kind = rnd.nextInt(10);
                if (kind < 6) {
                    int cp;
                    do {
                        cp = switch (rnd.nextInt(4)) {
                            case 0 -> 1 + rnd.nextInt(127);
                            case 1 -> 0x80 + rnd.nextInt(0x780);
                            case 2 -> 0x800 + rnd.nextInt(0xF800);
                            default -> 0x10000 + rnd.nextInt(0x100000);
                        };
                    } while ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFD);
                    bos.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                } else if (kind < 8) {
                    bos.write(rnd.nextBoolean() ? '\n' : ' ');
                } else {
                    bos.write(0x80 + rnd.nextInt(0x80)); // a garbage byte: lone continuation or truncated lead
                    expectedMalformedAtLeast++;
                }
            }
            byte[] data = bos.toByteArray();
            DocumentReader[] r = new DocumentReader[1];
            List<String> docs = readAll(List.of(bytes("mem", data)), 1 << 16, r);
            List<String> ref = reference(data);
            assertEquals(ref, docs, "iteration " + iter);
            long fffd = String.join("", ref).chars().filter(c -> c == 0xFFFD).count();
            assertEquals(fffd, r[0].malformedSequences(), "every replacement is counted");
            assertTrue(r[0].malformedSequences() <= expectedMalformedAtLeast + pieces);
        }
    }

    @Test
    void reportsTheFirstMalformedLocation() throws IOException {
        byte[] data = "fine line\nsecond \u00e9 ok\nbad \u0000".getBytes(StandardCharsets.UTF_8);
        data[data.length - 1] = (byte) 0xC3; // truncated two-byte sequence on line 3
        Path f = dir.resolve("bad.txt");
        Files.write(f, data);
        DocumentReader[] r = new DocumentReader[1];
        List<String> docs = readAll(InputFiles.expand(List.of(f.toString())), 1 << 16, r);
        assertEquals(List.of("fine line", "second \u00e9 ok", "bad \uFFFD"), docs);
        assertEquals(1, r[0].malformedSequences());
        assertEquals(f + ":3", r[0].firstMalformedLocation());
    }

    @Test
    void binaryInputFailsWithOneLineNamingTheFile() throws IOException {
        Path f = dir.resolve("image.png");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        CorpusException e = assertThrows(CorpusException.class, () -> readAll(InputFiles.expand(List.of(f.toString())), 1 << 16, null));
        assertTrue(e.getMessage().startsWith(f.toString() + ": binary input"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void emptyNamedFileFailsButEmptyFileInsideADirectoryIsSkipped() throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.createFile(empty);
        CorpusException e = assertThrows(CorpusException.class, () -> readAll(InputFiles.expand(List.of(empty.toString())), 1 << 16, null));
        assertEquals(empty + ": empty input (no bytes)", e.getMessage());

        Path sub = dir.resolve("d");
        Files.createDirectories(sub);
        Files.createFile(sub.resolve("a-empty.txt"));
        Files.writeString(sub.resolve("b.txt"), "one line\n");
        DocumentReader[] r = new DocumentReader[1];
        assertEquals(List.of("one line"), readAll(InputFiles.expand(List.of(sub.toString())), 1 << 16, r));
        assertEquals(1, r[0].skippedEmptyFiles());
    }

    @Test
    void missingFileAndEmptyPatternFail() {
        CorpusException e = assertThrows(CorpusException.class, () -> InputFiles.expand(List.of(dir.resolve("nope.txt").toString())));
        assertTrue(e.getMessage().endsWith("nope.txt: no such file or directory"), e.getMessage());
        assertThrows(CorpusException.class, () -> InputFiles.expand(List.of(dir + "/*.none")));
    }

    @Test
    void globsAndDirectoriesExpandInSortedOrder() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "b\n");
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Files.writeString(dir.resolve("c.log"), "c\n");
        Files.writeString(dir.resolve(".hidden"), "h\n");
        assertEquals(List.of("a", "b"), readAll(InputFiles.expand(List.of(dir + "/*.txt")), 1 << 16, null));
        assertEquals(List.of("a", "b", "c"), readAll(InputFiles.expand(List.of(dir.toString())), 1 << 16, null));
    }

    @Test
    void overLongLinesAreSplitAtWhitespaceWithinTheLimitAndNeverInsideACharacter() throws IOException {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append(rnd.nextInt(3) == 0 ? "\uD835\uDD18" : "w" + rnd.nextInt(1000)).append(' ');
        }
        sb.append("\n").append("x".repeat(250)).append("\uD835\uDD18".repeat(10)).append('\n');
        byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
        DocumentReader[] r = new DocumentReader[1];
        List<String> docs = readAll(List.of(bytes("long", data)), 100, r);
        assertTrue(r[0].splitLines() > 10);
        StringBuilder rejoined = new StringBuilder();
        for (String d : docs) {
            assertTrue(d.length() <= 100, "document over the limit: " + d.length());
            assertFalse(Character.isHighSurrogate(d.charAt(d.length() - 1)), "split inside a surrogate pair");
            assertFalse(Character.isLowSurrogate(d.charAt(0)), "split inside a surrogate pair");
        }
        // Whitespace splits lose only the separating space: the tokens survive intact.
        List<String> tokens = new ArrayList<>();
        for (String d : docs.subList(0, docs.size() - 3)) {
            tokens.addAll(List.of(d.trim().split(" +")));
        }
        List<String> expected = List.of(sb.toString().split("\n")[0].trim().split(" +"));
        assertEquals(expected, tokens);
        assertEquals("x".repeat(250) + "\uD835\uDD18".repeat(10), String.join("", docs.subList(docs.size() - 3, docs.size())));
        rejoined.setLength(0);
    }

    @Test
    void crLfLineEndsAndEmptyLines() throws IOException {
        byte[] data = "a b\r\n\r\n\nc\r\nlast".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("a b", "c", "last"), readAll(List.of(bytes("crlf", data)), 1 << 16, null));
    }
}
