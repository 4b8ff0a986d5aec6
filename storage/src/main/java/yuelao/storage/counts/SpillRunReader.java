package yuelao.storage.counts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import yuelao.storage.format.StoreFormatException;

/**
 * Reads a run written by {@link SpillRunWriter} (layout there), streaming through a 64 KiB buffer.
 *
 * <p>The CRC32C is accumulated while reading and checked when the end marker is reached, so a corrupt run is
 * reported by the {@code next()} that would have returned false; a run that ends before its marker is
 * reported as truncated. Both are {@link StoreFormatException}s naming the file. Consumers (the merge, the
 * store writer) only commit their output after every input reached its end, so corrupt data never reaches a
 * finished store.
 */
public final class SpillRunReader implements RunCursor {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private final CRC32C crc = new CRC32C();
    private int pos;
    private int limit;
    /** Start of the bytes in {@code buf} not yet added to the CRC. */
    private int crcFrom;
    private long consumedBefore;
    private long key = -1;
    private long units;
    private long records;
    private boolean done;

    private SpillRunReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    public static SpillRunReader open(Path file) throws IOException {
        return open(file, Files.newInputStream(file));
    }

    /**
     * Reads a run in the same layout from {@code in} (a run that travelled between processes); {@code name} names it in
     * errors. The stream is closed by {@link #close()}.
     */
    public static SpillRunReader open(Path name, InputStream in) throws IOException {
        SpillRunReader r = new SpillRunReader(name, in);
        try {
            for (byte b : SpillRunWriter.MAGIC) {
                if (!r.fillIfEmpty() || r.buf[r.pos++] != b) {
                    throw new StoreFormatException(name, "not a yuelao spill run (bad magic)");
                }
            }
            return r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    @Override
    public boolean next() throws IOException {
        if (done) {
            return false;
        }
        long delta = readVarLong();
        if (delta == 0) {
            readTrailer();
            done = true;
            return false;
        }
        long k = key + delta;
        if (delta < 0 || k < key) {
            throw new StoreFormatException(file, "corrupt spill run (key overflow at record " + records + ")");
        }
        key = k;
        units = readVarLong();
        records++;
        return true;
    }

    private void readTrailer() throws IOException {
        long count = 0;
        for (int i = 0; i < 8; i++) {
            count |= (readByte() & 0xFFL) << (8 * i);
        }
        crc.update(buf, crcFrom, pos - crcFrom);
        crcFrom = pos;
        long actual = crc.getValue();
        long stored = 0;
        for (int i = 0; i < 4; i++) {
            stored |= (readByte() & 0xFFL) << (8 * i);
        }
        if (pos < limit || in.read() >= 0) {
            throw new StoreFormatException(file, "corrupt spill run (bytes after the end)");
        }
        if (stored != actual) {
            throw new StoreFormatException(file, "checksum mismatch: the spill run is corrupt");
        }
        if (count != records) {
            throw new StoreFormatException(file, "corrupt spill run (trailer says " + count + " records, read " + records + ")");
        }
    }

    private long readVarLong() throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new StoreFormatException(file, "corrupt spill run (varint too long at offset " + (consumedBefore + pos) + ")");
    }

    private byte readByte() throws IOException {
        if (!fillIfEmpty()) {
            throw new StoreFormatException(file, "truncated spill run (ends after " + records + " records, at offset "
                    + consumedBefore + ")");
        }
        return buf[pos++];
    }

    private boolean fillIfEmpty() throws IOException {
        if (pos < limit) {
            return true;
        }
        crc.update(buf, crcFrom, limit - crcFrom);
        consumedBefore += limit;
        int n = in.read(buf, 0, BUFFER_BYTES);
        pos = 0;
        crcFrom = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public long key() {
        return key;
    }

    @Override
    public long units() {
        return units;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
