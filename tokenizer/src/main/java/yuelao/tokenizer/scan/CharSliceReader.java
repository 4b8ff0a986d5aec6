package yuelao.tokenizer.scan;

import java.io.Reader;

/** A {@link Reader} over a slice of a char array, re-pointed for each document: no allocation per document. */
final class CharSliceReader extends Reader {
    private char[] buf;
    private int pos;
    private int end;

    void set(char[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
        if (pos >= end) {
            return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, cbuf, off, n);
        pos += n;
        return n;
    }

    @Override
    public int read() {
        return pos < end ? buf[pos++] : -1;
    }

    @Override
    public void close() {
        // Lucene closes the reader after each document; the slice is simply re-pointed for the next one.
    }
}
