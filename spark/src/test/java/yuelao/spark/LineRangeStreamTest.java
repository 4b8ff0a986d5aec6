package yuelao.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Ranges cut anywhere, read in order, give back the file: every line once, in order, never cut. */
class LineRangeStreamTest {
    @Test
    void rangesConcatenateToTheFile() throws IOException {
        Random r = new Random(5);
        for (int trial = 0; trial < 500; trial++) {
            byte[] file = new byte[r.nextInt(300)];
            for (int i = 0; i < file.length; i++) {
                int k = r.nextInt(8);
                file[i] = (byte) (k == 0 ? '\n' : k == 1 ? '\r' : 'a' + r.nextInt(26));
            }
            TreeSet<Integer> cuts = new TreeSet<>();
            int n = r.nextInt(12);
            for (int i = 0; i < n && file.length > 1; i++) {
                cuts.add(1 + r.nextInt(file.length - 1));
            }
            cuts.add(file.length);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            int start = 0;
            for (int end : cuts) {
                InputStream in = new ByteArrayInputStream(file);
                in.skip(Math.max(0, start - 1));
                // small reads, to cross the range's end inside a read and outside
                try (LineRangeStream s = new LineRangeStream(in, start, end)) {
                    byte[] buf = new byte[1 + r.nextInt(7)];
                    int k;
                    while ((k = s.read(buf, 0, buf.length)) >= 0) {
                        joined.write(buf, 0, k);
                    }
                }
                start = end;
            }
            assertArrayEquals(file, joined.toByteArray(), "trial " + trial + " cuts " + cuts);
        }
    }
}
