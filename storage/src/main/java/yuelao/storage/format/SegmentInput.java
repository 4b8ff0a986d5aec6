package yuelao.storage.format;

import java.lang.foreign.MemorySegment;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Sequential, bounds-checked decoding of a mapped region (little-endian). Reading past the limit throws a
 * {@link StoreFormatException} naming the file, so a corrupt length can never read foreign memory or make the
 * caller allocate without bound. Not thread-safe; cheap to create.
 */
public final class SegmentInput {
    private final MemorySegment segment;
    private final long limit;
    private final Path file;
    private final String what;
    private long pos;

    /**
     * @param what what is being decoded, for messages (e.g. "header", "vocabulary")
     */
    public SegmentInput(MemorySegment segment, long start, long limit, Path file, String what) {
        this.segment = segment;
        this.pos = start;
        this.limit = limit;
        this.file = file;
        this.what = what;
    }

    public long position() {
        return pos;
    }

    public long remaining() {
        return limit - pos;
    }

    private long take(long n) throws StoreFormatException {
        if (n < 0 || n > limit - pos) {
            throw new StoreFormatException(file, "corrupt " + what + " (ends early at offset " + pos + ")");
        }
        long at = pos;
        pos += n;
        return at;
    }

    public int readInt() throws StoreFormatException {
        return segment.get(Layouts.INT_UNALIGNED, take(4));
    }

    public long readLong() throws StoreFormatException {
        return segment.get(Layouts.LONG_UNALIGNED, take(8));
    }

    /** A length {@code 0 <= n <= max}, else a format error naming the field. */
    public int readLength(int max, String field) throws StoreFormatException {
        long at = pos;
        int n = readInt();
        if (n < 0 || n > max) {
            throw new StoreFormatException(file, "corrupt " + what + " (" + field + " length " + n + " at offset " + at + ")");
        }
        return n;
    }

    /** {@code n} raw bytes. */
    public byte[] readBytes(int n) throws StoreFormatException {
        long at = take(n);
        byte[] out = new byte[n];
        MemorySegment.copy(segment, java.lang.foreign.ValueLayout.JAVA_BYTE, at, out, 0, n);
        return out;
    }

    /** A 4-byte length (at most {@code maxBytes}) then strictly valid UTF-8. */
    public String readUtf8(int maxBytes, String field) throws StoreFormatException {
        long at = pos;
        byte[] b = readBytes(readLength(maxBytes, field));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StoreFormatException(file, "corrupt " + what + " (" + field + " is not UTF-8 at offset " + at + ")");
        }
    }
}
