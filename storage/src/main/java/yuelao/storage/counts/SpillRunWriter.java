package yuelao.storage.counts;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes a sorted run file: the temporary form of counts between a spill and the merge.
 *
 * <p>Layout (a light stream variant of the store frame: runs live for minutes, so no header properties, no
 * atomic rename, no fsync):
 *
 * <pre>
 * 8 bytes   magic "YLSPILL" 0x01
 * records   varint(key - previousKey), varint(units)   (previousKey starts at -1, so every delta is >= 1)
 * 1 byte    0x00 end marker (a delta can never be 0)
 * 8 bytes   record count, little-endian
 * 4 bytes   CRC32C of every preceding byte, little-endian
 * </pre>
 *
 * Varints are unsigned LEB128. Pair keys of nearby rows differ by little, so a record takes ~3-6 bytes instead
 * of 16. Not thread-safe.
 */
public final class SpillRunWriter implements Closeable {
    static final byte[] MAGIC = {'Y', 'L', 'S', 'P', 'I', 'L', 'L', 0x01};
    private static final int BUFFER_BYTES = 1 << 16;
    /** Two varints of at most 10 bytes each. */
    private static final int MAX_RECORD_BYTES = 20;

    private final Path file;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private final CRC32C crc = new CRC32C();
    private int pos;
    private long previousKey = -1;
    private long records;
    private long bytes;
    private boolean finished;
    private boolean closed;

    private SpillRunWriter(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
        System.arraycopy(MAGIC, 0, buf, 0, MAGIC.length);
        pos = MAGIC.length;
    }

    /** Creates {@code file}, which must not exist. */
    public static SpillRunWriter create(Path file) throws IOException {
        return new SpillRunWriter(file, Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Writes a run in the same layout to {@code out} (for runs that travel between processes, such as a distributed
     * job's shuffle blocks). {@link #finish()} closes the stream and returns null, as there is no file; {@link #close()}
     * closes it without the trailer, which leaves a run every reader rejects.
     */
    public static SpillRunWriter to(OutputStream out) {
        return new SpillRunWriter(null, out);
    }

    /** Writes a whole in-memory run to {@code file}. */
    public static SpillRun write(Path file, MemoryRun run) throws IOException {
        try (SpillRunWriter w = create(file)) {
            for (int i = 0; i < run.records(); i++) {
                w.append(run.key(i), run.units(i));
            }
            return w.finish();
        }
    }

    /** Appends a record; keys must be non-negative and strictly increasing. */
    public void append(long key, long units) throws IOException {
        if (key <= previousKey) {
            throw new IllegalArgumentException("run keys must be strictly increasing and >= 0: " + key + " after " + previousKey);
        }
        if (pos > BUFFER_BYTES - MAX_RECORD_BYTES) {
            flush();
        }
        putVarLong(key - previousKey);
        putVarLong(units);
        previousKey = key;
        records++;
    }

    private void putVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    private void flush() throws IOException {
        yuelao.storage.format.WriteFaults.check(yuelao.storage.format.WriteFaults.Site.SPILL_RUN, file, bytes);
        crc.update(buf, 0, pos);
        out.write(buf, 0, pos);
        bytes += pos;
        pos = 0;
    }

    /** Writes the trailer and closes the file; returns the run (null for a {@linkplain #to stream}). */
    public SpillRun finish() throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("spill run already finished: " + file);
        }
        if (pos > BUFFER_BYTES - 16) {
            flush();
        }
        buf[pos++] = 0;
        long n = records;
        for (int i = 0; i < 8; i++, n >>>= 8) {
            buf[pos++] = (byte) n;
        }
        flush();
        int c = (int) crc.getValue();
        for (int i = 0; i < 4; i++, c >>>= 8) {
            buf[pos++] = (byte) c;
        }
        out.write(buf, 0, pos);
        bytes += pos;
        pos = 0;
        out.close();
        finished = true;
        closed = true;
        return file == null ? null : new SpillRun(file, records, bytes);
    }

    /** Bytes written so far (all of them once {@link #finish()} returned). */
    public long bytes() {
        return bytes + pos;
    }

    public long records() {
        return records;
    }

    /** Closes the file; deletes it unless {@link #finish()} succeeded. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            if (!closed) {
                closed = true;
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
