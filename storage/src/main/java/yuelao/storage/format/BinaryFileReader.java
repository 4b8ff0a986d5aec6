package yuelao.storage.format;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Opens one yuelao binary file (layout: {@link BinaryFormat}) as a single read-only {@link MemorySegment}
 * and checks it before anyone reads the body.
 *
 * <p>Checks, in order, each with its own one-line {@link StoreFormatException}: the magic ("not a yuelao file
 * (bad magic)"); the length and footer ("truncated (expected X bytes, found Y)", "corrupt footer ..."); the
 * CRC32C over everything before the footer ("checksum mismatch: the file is corrupt"), unless disabled; then
 * the format name ("is a yuelao.vocab file, expected yuelao.counts") and version ("format version 3 is newer
 * than supported (1)"). The checksum comes before the header is interpreted so that a damaged header reads as
 * damage, not as a different kind of file.
 *
 * <p>The mapping uses a shared arena: the reader may be used from many threads, and {@link #close()} unmaps it
 * (later accesses fail with {@code IllegalStateException}, never a crash).
 */
public final class BinaryFileReader implements Closeable {
    private final Path file;
    private final Arena arena;
    private final MemorySegment segment;
    private final FileHeader header;
    private final long bodyOffset;
    private final long bodyEnd;

    private BinaryFileReader(Path file, Arena arena, MemorySegment segment, FileHeader header, long bodyOffset) {
        this.file = file;
        this.arena = arena;
        this.segment = segment;
        this.header = header;
        this.bodyOffset = bodyOffset;
        this.bodyEnd = segment.byteSize() - BinaryFormat.FOOTER_BYTES;
    }

    /** Opens and fully verifies (checksum included) a file of the expected format, version 1..maxVersion. */
    public static BinaryFileReader open(Path file, String expectedFormat, int maxVersion) throws IOException {
        return open(file, expectedFormat, maxVersion, true);
    }

    /**
     * Opens a file of the expected format, version 1..maxVersion; {@code verifyChecksum=false} skips only the
     * CRC pass over the data (every structural check still runs).
     */
    public static BinaryFileReader open(Path file, String expectedFormat, int maxVersion, boolean verifyChecksum)
            throws IOException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment seg;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                seg = size == 0 ? MemorySegment.ofArray(new byte[0]) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            }
            checkFrame(file, seg, verifyChecksum);
            SegmentInput in = new SegmentInput(seg, BinaryFormat.NAME_OFFSET, seg.byteSize() - BinaryFormat.FOOTER_BYTES, file, "header");
            String name = in.readUtf8(BinaryFormat.MAX_NAME_BYTES, "format name");
            if (!name.equals(expectedFormat)) {
                throw new StoreFormatException(file, "is a " + printable(name) + " file, expected " + expectedFormat);
            }
            int version = in.readInt();
            if (version > maxVersion) {
                throw new StoreFormatException(file, "format version " + version + " is newer than supported (" + maxVersion
                        + "); upgrade yuelao or rebuild the file");
            }
            if (version < 1) {
                throw new StoreFormatException(file, "corrupt header (format version " + version + ")");
            }
            long fingerprint = in.readLong();
            long[] counts = new long[in.readLength(BinaryFormat.MAX_RECORD_COUNTS, "record counts")];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = in.readLong();
            }
            int nProps = in.readLength(BinaryFormat.MAX_PROPERTIES, "properties");
            SortedMap<String, String> props = new TreeMap<>();
            for (int i = 0; i < nProps; i++) {
                String k = in.readUtf8(Integer.MAX_VALUE, "property key");
                String v = in.readUtf8(Integer.MAX_VALUE, "property value");
                props.put(k, v);
            }
            long bodyOffset = Layouts.align8(in.position());
            if (bodyOffset > seg.byteSize() - BinaryFormat.FOOTER_BYTES) {
                throw new StoreFormatException(file, "corrupt header (runs into the footer)");
            }
            FileHeader header = new FileHeader(name, version, fingerprint, counts, props);
            return new BinaryFileReader(file, arena, seg, header, bodyOffset);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /**
     * The CRC32C recorded in the footer of a yuelao file, read from its last 24 bytes without mapping or verifying
     * the rest: a cheap identity of one written file (two writes of different content differ in it). Empty when the
     * file is missing or has no valid footer.
     */
    public static java.util.OptionalLong footerChecksum(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < BinaryFormat.NAME_OFFSET + BinaryFormat.FOOTER_BYTES) {
                return java.util.OptionalLong.empty();
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(BinaryFormat.FOOTER_BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(b, size - BinaryFormat.FOOTER_BYTES);
            byte[] magic = java.util.Arrays.copyOfRange(b.array(), 16, 24);
            if (!java.util.Arrays.equals(magic, BinaryFormat.FOOTER_MAGIC) || b.getLong(8) != size) {
                return java.util.OptionalLong.empty();
            }
            return java.util.OptionalLong.of(b.getLong(0));
        } catch (java.nio.file.NoSuchFileException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Magic, length, footer and (optionally) checksum. */
    private static void checkFrame(Path file, MemorySegment seg, boolean verifyChecksum) throws StoreFormatException {
        long size = seg.byteSize();
        if (size == 0) {
            throw new StoreFormatException(file, "empty file (0 bytes), not a yuelao file");
        }
        if (size < BinaryFormat.MAGIC.length || !matches(seg, 0, BinaryFormat.MAGIC)) {
            throw new StoreFormatException(file, "not a yuelao file (bad magic)");
        }
        long minSize = BinaryFormat.NAME_OFFSET + BinaryFormat.FOOTER_BYTES;
        boolean footerOk = size >= minSize
                && matches(seg, size - 8, BinaryFormat.FOOTER_MAGIC)
                && seg.get(Layouts.LONG_UNALIGNED, size - 16) == size;
        if (!footerOk) {
            if (size < BinaryFormat.NAME_OFFSET) {
                throw new StoreFormatException(file, "truncated (found " + size + " bytes, shorter than the header)");
            }
            long recorded = seg.get(Layouts.LONG_UNALIGNED, BinaryFormat.LENGTH_OFFSET);
            if (recorded > size) {
                throw new StoreFormatException(file, "truncated (expected " + recorded + " bytes, found " + size + ")");
            }
            if (recorded == 0) {
                throw new StoreFormatException(file, "incomplete (the writer never finished it)");
            }
            if (recorded < size && recorded >= minSize) {
                throw new StoreFormatException(file, "has " + (size - recorded) + " trailing bytes (expected " + recorded
                        + " bytes, found " + size + ")");
            }
            throw new StoreFormatException(file, "corrupt footer: the file is corrupt");
        }
        if (seg.get(Layouts.LONG_UNALIGNED, BinaryFormat.LENGTH_OFFSET) != size && !verifyChecksum) {
            throw new StoreFormatException(file, "corrupt header (recorded length differs from the footer)");
        }
        if (verifyChecksum) {
            long body = size - BinaryFormat.FOOTER_BYTES;
            long stored = seg.get(Layouts.LONG_UNALIGNED, body);
            if (stored != crc32c(seg, body)) {
                throw new StoreFormatException(file, "checksum mismatch: the file is corrupt");
            }
        }
    }

    /** CRC32C of {@code seg[0, length)}, in chunks because a ByteBuffer view is limited to 2 GiB. */
    static long crc32c(MemorySegment seg, long length) {
        CRC32C crc = new CRC32C();
        final long chunk = 1L << 30;
        for (long off = 0; off < length; off += chunk) {
            crc.update(seg.asSlice(off, Math.min(chunk, length - off)).asByteBuffer());
        }
        return crc.getValue();
    }

    private static boolean matches(MemorySegment seg, long off, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (seg.get(ValueLayout.JAVA_BYTE, off + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String t = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    public Path file() {
        return file;
    }

    public FileHeader header() {
        return header;
    }

    public String formatName() {
        return header.formatName();
    }

    public int version() {
        return header.version();
    }

    public long vocabularyFingerprint() {
        return header.vocabularyFingerprint();
    }

    public long recordCount(int i) {
        return header.recordCount(i);
    }

    public int recordCountLength() {
        return header.recordCountLength();
    }

    public SortedMap<String, String> properties() {
        return header.properties();
    }

    /** The whole file. */
    public MemorySegment segment() {
        return segment;
    }

    /** File offset where the body starts (a multiple of 8). */
    public long bodyOffset() {
        return bodyOffset;
    }

    /** File offset just past the body (where the footer starts). */
    public long bodyEnd() {
        return bodyEnd;
    }

    public long bodySize() {
        return bodyEnd - bodyOffset;
    }

    /** The body as its own segment (offset 0 = {@link #bodyOffset()}). */
    public MemorySegment body() {
        return segment.asSlice(bodyOffset, bodySize());
    }

    /** Sequential decoding of the body, bounds-checked against its end. */
    public SegmentInput bodyInput(String what) {
        return new SegmentInput(segment, bodyOffset, bodyEnd, file, what);
    }

    /** Unmaps the file. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
