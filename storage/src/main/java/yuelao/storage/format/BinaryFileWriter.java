package yuelao.storage.format;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes one yuelao binary file (layout: {@link BinaryFormat}) atomically.
 *
 * <p>Bytes go to a hidden sibling {@code .<name>.tmp-<pid>-<random>}; {@link #commit()} patches the length,
 * appends the CRC32C footer, forces the data to disk and renames the file over {@code <name>} with
 * {@code ATOMIC_MOVE}. {@link #close()} without a commit deletes the temporary file. So a reader sees either
 * the previous file or the complete new one, never a prefix.
 *
 * <p>The body is written sequentially through a buffer ({@code putInt}, {@code putLong}...) or through
 * regions {@linkplain #reserve reserved} at the current position and filled by random writes into a
 * READ_WRITE mapping (used to scatter CSR rows), either whole ({@link #reserve}) or one caller-bounded
 * window at a time ({@link #reserveRange} + {@link #map}), which keeps the resident pages bounded. The CRC is
 * computed at commit by re-reading the file sequentially through a 1 MiB buffer (never a mapping), which
 * covers both kinds of writes. Not thread-safe.
 */
public final class BinaryFileWriter implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final Path temp;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final Arena arena = Arena.ofShared();
    private final List<MemorySegment> mappings = new ArrayList<>();
    private final long bodyOffset;
    /** File offset of {@code buffer[0]}. */
    private long bufferStart;
    private boolean committed;
    private boolean closed;

    private BinaryFileWriter(Path file, FileHeader header) throws IOException {
        this.file = file.toAbsolutePath();
        Path dir = this.file.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        this.temp = TempNames.sibling(this.file, TempNames.TMP);
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            writeHeader(header);
            alignTo(8);
            this.bodyOffset = position();
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** The hidden temporary file being written (renamed to the final name by {@link #commit()}). */
    public Path tempFile() {
        return temp;
    }

    /** Starts writing {@code file} with the given header; the body follows at {@link #bodyOffset()}. */
    public static BinaryFileWriter create(Path file, FileHeader header) throws IOException {
        return new BinaryFileWriter(file, header);
    }

    /** Convenience for {@link #create(Path, FileHeader)}. */
    public static BinaryFileWriter create(
            Path file, String formatName, int version, long fingerprint, long[] recordCounts, Map<String, String> properties)
            throws IOException {
        return create(file, FileHeader.of(formatName, version, fingerprint, recordCounts, properties));
    }

    private void writeHeader(FileHeader h) throws IOException {
        putBytes(BinaryFormat.MAGIC, 0, BinaryFormat.MAGIC.length);
        putLong(0L); // total length, patched at commit
        byte[] name = BinaryFormat.utf8(h.formatName());
        if (name.length == 0 || name.length > BinaryFormat.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("format name must have 1.." + BinaryFormat.MAX_NAME_BYTES + " UTF-8 bytes");
        }
        putUtf8(name);
        putInt(h.version());
        putLong(h.vocabularyFingerprint());
        if (h.recordCountLength() > BinaryFormat.MAX_RECORD_COUNTS || h.properties().size() > BinaryFormat.MAX_PROPERTIES) {
            throw new IllegalArgumentException("too many record counts or properties");
        }
        putInt(h.recordCountLength());
        for (int i = 0; i < h.recordCountLength(); i++) {
            putLong(h.recordCount(i));
        }
        putInt(h.properties().size());
        for (Map.Entry<String, String> e : h.properties().entrySet()) {
            putUtf8(BinaryFormat.utf8(e.getKey()));
            putUtf8(BinaryFormat.utf8(e.getValue()));
        }
    }

    /** The final path (not the temporary one). */
    public Path file() {
        return file;
    }

    /** File offset where the body starts (a multiple of 8). */
    public long bodyOffset() {
        return bodyOffset;
    }

    /** File offset of the next byte written. */
    public long position() {
        return bufferStart + buffer.position();
    }

    private void ensure(int bytes) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed: " + file);
        }
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    public void putByte(byte v) throws IOException {
        ensure(1);
        buffer.put(v);
    }

    public void putInt(int v) throws IOException {
        ensure(4);
        buffer.putInt(v);
    }

    public void putLong(long v) throws IOException {
        ensure(8);
        buffer.putLong(v);
    }

    public void putDouble(double v) throws IOException {
        ensure(8);
        buffer.putDouble(v);
    }

    public void putLongs(long[] values, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            putLong(values[i]);
        }
    }

    public void putBytes(byte[] bytes, int off, int len) throws IOException {
        if (len <= buffer.remaining()) {
            ensure(0);
            buffer.put(bytes, off, len);
            return;
        }
        flush();
        if (len < BUFFER_BYTES) {
            buffer.put(bytes, off, len);
        } else {
            writeFully(ByteBuffer.wrap(bytes, off, len), bufferStart);
            bufferStart += len;
        }
    }

    /** A 4-byte length followed by the bytes. */
    public void putUtf8(byte[] utf8) throws IOException {
        putInt(utf8.length);
        putBytes(utf8, 0, utf8.length);
    }

    /** Zero bytes up to the next multiple of {@code alignment} (a power of two). */
    public void alignTo(int alignment) throws IOException {
        long pos = position();
        long pad = ((pos + alignment - 1) & -(long) alignment) - pos;
        for (long i = 0; i < pad; i++) {
            putByte((byte) 0);
        }
    }

    /**
     * Reserves {@code bytes} bytes at the current position and returns them as a READ_WRITE mapping, zero
     * filled; the sequential position moves past the region. The mapping stays valid until commit or close,
     * which unmap it; write into it with {@link Layouts} (little-endian). Every page touched stays resident
     * (and counts in the process RSS) until then, so for large regions prefer {@link #reserveRange} and
     * {@link #map} one bounded window at a time.
     */
    public MemorySegment reserve(long bytes) throws IOException {
        long off = reserveRange(bytes);
        if (bytes == 0) {
            return MemorySegment.ofArray(new byte[0]);
        }
        MemorySegment region = map(off, bytes, arena);
        mappings.add(region);
        return region;
    }

    /**
     * Reserves {@code bytes} zero bytes at the current position without mapping them and returns their file
     * offset; the sequential position moves past the region. Fill it through {@link #map} windows.
     */
    public long reserveRange(long bytes) throws IOException {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        flush();
        WriteFaults.check(WriteFaults.Site.BINARY_FILE, file, bufferStart);
        requireSpace(bytes);
        long off = bufferStart;
        bufferStart += bytes;
        return off;
    }

    /**
     * Maps {@code bytes} bytes at file offset {@code offset} of an already {@linkplain #reserveRange reserved}
     * region READ_WRITE in the caller's {@code arena}. Closing the arena unmaps the window and so releases
     * its pages from the process RSS; call {@link MemorySegment#force()} first to write dirty pages back.
     * Every window must be unmapped before {@link #commit()}.
     */
    public MemorySegment map(long offset, long bytes, Arena arena) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed: " + file);
        }
        if (offset < bodyOffset || bytes < 0 || offset + bytes > bufferStart) {
            throw new IllegalArgumentException("[" + offset + ", +" + bytes + ") is not inside a reserved region");
        }
        return channel.map(FileChannel.MapMode.READ_WRITE, offset, bytes, arena);
    }

    /**
     * A reserved region is a hole in the file until its mapped pages are written, and a mapped write that finds the
     * disk full kills the thread with an {@code InternalError}, not an IOException: so the space is checked first.
     */
    private void requireSpace(long bytes) throws IOException {
        long free = Files.getFileStore(temp).getUsableSpace();
        if (bytes > free) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device (" + bytes
                    + " more bytes needed, " + free + " free)");
        }
    }

    private void flush() throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed: " + file);
        }
        WriteFaults.check(WriteFaults.Site.BINARY_FILE, file, bufferStart);
        buffer.flip();
        int n = buffer.remaining();
        writeFully(buffer, bufferStart);
        bufferStart += n;
        buffer.clear();
    }

    private void writeFully(ByteBuffer src, long at) throws IOException {
        long pos = at;
        while (src.hasRemaining()) {
            pos += channel.write(src, pos);
        }
    }

    /**
     * Finishes the file: footer, fsync, atomic rename over the final name (replacing an existing file),
     * fsync of the directory.
     */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + file);
        }
        try {
            flush();
            for (MemorySegment m : mappings) {
                m.force();
            }
            arena.close();
            long bodyEnd = bufferStart;
            long total = bodyEnd + BinaryFormat.FOOTER_BYTES;
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, total);
            writeFully(len, BinaryFormat.LENGTH_OFFSET);
            long crc = crc32c(channel, bodyEnd);
            ByteBuffer footer = ByteBuffer.allocate(BinaryFormat.FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            footer.putLong(crc).putLong(total).put(BinaryFormat.FOOTER_MAGIC).flip();
            writeFully(footer, bodyEnd);
            channel.truncate(total); // defensive: nothing may follow the footer
            channel.force(true);
            channel.close();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
            closed = true;
            if (file.getParent() != null) {
                TempNames.syncDirectory(file.getParent());
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** CRC32C of the first {@code length} bytes of the channel, read sequentially. */
    static long crc32c(FileChannel ch, long length) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        long pos = 0;
        while (pos < length) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), length - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("file shrank while computing its checksum");
            }
            buf.flip();
            crc.update(buf);
            pos += n;
        }
        return crc.getValue();
    }

    private void abort() {
        closed = true;
        try {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        } catch (RuntimeException ignored) {
            // already closed
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // best effort: the file is deleted next
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // left for TempNames.removeStale
        }
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (!committed && !closed) {
            abort();
        } else if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // left for TempNames.removeStale
            }
        }
    }
}
