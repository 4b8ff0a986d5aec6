package yuelao.tokenizer.scan;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.vocab.TermCounter;

/**
 * A single line far larger than the heap, with no newline, is scanned in bounded memory: a child JVM with
 * a 64 MB heap reads a generated 256 MB line.
 */
class GiantLineTest {
    static final long LINE_BYTES = 256L << 20;
    static final String WORD = "matchmaker ";

    /** An endless "matchmaker matchmaker ..." line of {@code size} bytes, generated on the fly. */
    static InputStream line(long size) {
        byte[] w = WORD.getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                return pos < size ? w[(int) (pos++ % w.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = w[(int) ((pos + i) % w.length)];
                }
                pos += n;
                return n;
            }
        };
    }

    /** Child process body: scan the giant line and print the counts. */
    public static void main(String[] args) throws Exception {
        var r = new CorpusScanner(AnalyzerSpec.defaults("english"), 2).scan(List.of(InputSource.stream("giant", () -> line(LINE_BYTES))),
                t -> new TermCounter());
        TermCounter all = TermCounter.merge(r.handlers());
        System.out.println(r.summary().tokens() + " " + all.count("matchmaker") + " " + all.distinct() + " " + r.summary().documents());
    }

    @Test
    void giantLineIsScannedInBoundedMemory() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), GiantLineTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        // The stream ends inside a word: that last fragment is a token of its own.
        long full = LINE_BYTES / WORD.length();
        long rest = LINE_BYTES % WORD.length();
        String[] f = out.split("\\s+");
        assertEquals(full + (rest > 0 ? 1 : 0), Long.parseLong(f[0]), "every word counted once, none cut: " + out);
        assertEquals(full + (rest >= WORD.length() - 1 ? 1 : 0), Long.parseLong(f[1]), out);
        assertEquals(1 + (rest > 0 && rest < WORD.length() - 1 ? 1 : 0), Long.parseLong(f[2]), "no word was cut into pieces: " + out);
        long minDocs = LINE_BYTES / DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS;
        assertTrue(Long.parseLong(f[3]) >= minDocs, "split into documents at the maximum length: " + out);
    }
}
