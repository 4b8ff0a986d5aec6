package yuelao.tokenizer.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.input.InputSource;

/** A file read as {@link InputSource#part parts} cut at line starts gives the documents of the whole file. */
class FilePartsTest {
    static InputSource part(byte[] file, int from, int to) {
        byte[] slice = Arrays.copyOfRange(file, from, to);
        return InputSource.part("f.txt", from, from == 0, () -> new ByteArrayInputStream(slice));
    }

    /** Offsets of the line starts of {@code file} after 0. */
    static List<Integer> lineStarts(byte[] file) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 1 < file.length; i++) {
            if (file[i] == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    @Test
    void partsCutAtLineStartsReadAsTheWholeFile() throws IOException {
        Random r = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            byte[] file = new byte[1 + r.nextInt(2000)];
            for (int i = 0; i < file.length; i++) {
                int k = r.nextInt(12);
                file[i] = (byte) (k == 0 ? '\n' : k == 1 ? '\r' : k == 2 ? 0xC3 : k == 3 ? 0x1F : k == 4 ? 0x8B : k == 5 ? ' ' : 'a' + k);
            }
            file[0] = 'a'; // a whole file opening with gzip's magic bytes would be read as gzip
            List<String> whole = DocumentReaderTest.readAll(List.of(DocumentReaderTest.bytes("f.txt", file)), 40, null);
            List<Integer> starts = lineStarts(file);
            List<String> parts = new ArrayList<>();
            int from = 0;
            for (int s : starts) {
                if (r.nextInt(3) == 0) {
                    parts.addAll(DocumentReaderTest.readAll(List.of(part(file, from, s)), 40, null));
                    from = s;
                }
            }
            parts.addAll(DocumentReaderTest.readAll(List.of(part(file, from, file.length)), 40, null));
            assertEquals(whole, parts, "trial " + trial);
        }
    }

    @Test
    void gzipMagicInsideAFileIsText() throws IOException {
        byte[] file = "first line\n\u001f\u008b not gzip\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> docs = DocumentReaderTest.readAll(List.of(part(file, 11, file.length)), 64, null);
        assertEquals(1, docs.size());
        assertTrue(docs.get(0).endsWith(" not gzip"), docs.toString());
    }

    @Test
    void binaryCheckCoversTheFilesFirstBytesOnly() throws IOException {
        byte[] file = new byte[20_000];
        Arrays.fill(file, (byte) 'a');
        for (int i = 99; i < file.length; i += 100) {
            file[i] = '\n';
        }
        file[12_005] = 0; // past the first 8 KiB: text with a NUL in it, as for the whole file
        List<String> whole = DocumentReaderTest.readAll(List.of(DocumentReaderTest.bytes("f.txt", file)), 1000, null);
        assertEquals(whole, concat(DocumentReaderTest.readAll(List.of(part(file, 0, 12_000)), 1000, null),
                DocumentReaderTest.readAll(List.of(part(file, 12_000, file.length)), 1000, null)));
        file[5_005] = 0; // inside the first 8 KiB: binary, also when the part holding it starts later
        CorpusException e = assertThrows(CorpusException.class,
                () -> DocumentReaderTest.readAll(List.of(part(file, 5_000, file.length)), 1000, null));
        assertTrue(e.getMessage().contains("f.txt") && e.getMessage().contains("offset 5005"), e.getMessage());
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
