package yuelao.engine.vectors;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import yuelao.storage.format.StoreFormatException;

/**
 * A streaming byte reader over a vector file, gzip-compressed or not (told by the gzip magic bytes
 * {@code 1f 8b}, not by the name), with the position of the next byte as a {@code long}, so that files and
 * offsets beyond 2 GiB are fine. A UTF-8 byte-order mark at the very start is skipped. Offsets of a gzip file
 * count decompressed bytes. Corrupt or truncated gzip data becomes a {@link StoreFormatException}.
 */
final class VectorInput implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final boolean gzip;
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private long bufStart;
    private boolean eof;

    private VectorInput(Path file, boolean gzip, InputStream in) {
        this.file = file;
        this.gzip = gzip;
        this.in = in;
    }

    static VectorInput open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new StoreFormatException(file, "is a directory, not a vector file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream in = raw;
            if (gzip) {
                try {
                    in = new GZIPInputStream(raw, BUFFER);
                } catch (ZipException | EOFException e) {
                    throw new StoreFormatException(file, "corrupt gzip header: " + e.getMessage(), e);
                }
            }
            VectorInput vi = new VectorInput(file, gzip, in);
            if (vi.peek() == 0xEF && vi.peekAt(1) == 0xBB && vi.peekAt(2) == 0xBF) {
                vi.pos += 3; // UTF-8 byte-order mark, as some Windows tools write
            }
            return vi;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    boolean gzip() {
        return gzip;
    }

    /** The offset of the next byte in the (decompressed) file. */
    long offset() {
        return bufStart + pos;
    }

    /** The next byte (0-255) without consuming it, or -1 at the end of the file. */
    int peek() throws IOException {
        return peekAt(0);
    }

    /** The byte {@code ahead} positions on (ahead < 16), or -1 past the end. */
    private int peekAt(int ahead) throws IOException {
        while (limit - pos <= ahead) {
            if (!fill()) {
                return -1;
            }
        }
        return buf[pos + ahead] & 0xFF;
    }

    /** The next byte (0-255), or -1 at the end of the file. */
    int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Reads up to {@code len} bytes, fewer only at the end of the file; returns how many. */
    int read(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (pos == limit && !fill()) {
                break;
            }
            int n = Math.min(len - done, limit - pos);
            System.arraycopy(buf, pos, dst, off + done, n);
            pos += n;
            done += n;
        }
        return done;
    }

    /**
     * Reads the bytes up to the next {@code '\n'} (consumed, not stored) or the end of the file into
     * {@code line}, dropping one trailing {@code '\r'}.
     *
     * @return false if the file was already at its end
     * @throws StoreFormatException if the line is longer than {@code maxLength} bytes
     */
    boolean readLine(Line line, int maxLength, String what) throws IOException {
        line.length = 0;
        if (pos == limit && !fill()) {
            return false;
        }
        while (true) {
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            line.append(buf, start, pos - start);
            if (line.length > maxLength) {
                throw new StoreFormatException(file, what + " is longer than " + maxLength + " bytes: not a word-vector file?");
            }
            if (pos < limit) {
                pos++; // the '\n'
                break;
            }
            if (!fill()) {
                break;
            }
        }
        if (line.length > 0 && line.bytes[line.length - 1] == '\r') {
            line.length--;
        }
        return true;
    }

    /** Moves the window on; false at the end of the file. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            // Keep the unread bytes (peekAt may look ahead across the boundary).
            int keep = limit - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            bufStart += pos;
            limit = keep;
            pos = 0;
        }
        int n;
        try {
            n = in.read(buf, limit, buf.length - limit);
        } catch (ZipException | EOFException e) {
            throw new StoreFormatException(file, "corrupt or truncated gzip data after " + (bufStart + limit)
                    + " decompressed bytes (" + e.getMessage() + ")", e);
        }
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A reusable, growable line of bytes. */
    static final class Line {
        byte[] bytes = new byte[1 << 12];
        int length;

        void append(byte[] src, int off, int len) {
            if (length + len > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + len));
            }
            System.arraycopy(src, off, bytes, length, len);
            length += len;
        }
    }
}
