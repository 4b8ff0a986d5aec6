package yuelao.spark;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of the lines that start in {@code [start, end)} of a file, given a stream positioned at
 * {@code max(0, start - 1)}: for {@code start > 0} everything up to and including the first line feed at or after
 * {@code start - 1} is skipped (that line belongs to the split before), and the stream ends right after the first line
 * feed at or after {@code end - 1} (the last line that starts in the range), or at the end of the file. Consecutive
 * ranges therefore cut a file between lines, never inside one. Bulk reads pass through untouched until the last line;
 * only the skipped prefix and that line are looked at byte by byte.
 */
final class LineRangeStream extends FilterInputStream {
    private final long end;
    private long pos; // file offset of the next byte of the underlying stream
    private boolean skipping;
    private boolean done;
    private boolean producedAny;

    LineRangeStream(InputStream positioned, long start, long end) {
        super(positioned);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
        this.end = end;
        this.pos = Math.max(0, start - 1);
        this.skipping = start > 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (skipping && !skipToLineStart()) {
            done = true;
        }
        if (done) {
            return -1;
        }
        if (pos < end - 1) {
            int n = in.read(b, off, (int) Math.min(len, end - 1 - pos));
            if (n < 0) {
                done = true;
                return -1;
            }
            pos += n;
            producedAny |= n > 0;
            return n;
        }
        // The last line: up to and including its line feed.
        int n = in.read(b, off, len);
        if (n < 0) {
            done = true;
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (b[off + i] == '\n') {
                n = i + 1;
                done = true;
                break;
            }
        }
        pos += n;
        producedAny |= n > 0;
        return n;
    }

    /** Drops the tail of the line that started before the range; false if the range owns no line. */
    private boolean skipToLineStart() throws IOException {
        skipping = false;
        int c;
        while ((c = in.read()) >= 0) {
            pos++;
            if (c == '\n') {
                return pos < end; // a line starting at end or later belongs to the next split
            }
        }
        return false;
    }

    /** Whether any byte was passed on (an empty range owns no line). */
    boolean producedAny() {
        return producedAny;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new UnsupportedOperationException("skip");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
