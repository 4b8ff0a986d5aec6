package yuelao.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Edits of yuelao binary files for tests of their readers (layout: docs/file-formats.md, the common frame): where
 * the header's fields are, and a re-seal that makes the length and the footer's checksum match edited bytes again,
 * so that a test reaches the checks behind the frame's.
 */
public final class FrameEdits {
    /** Offset of the total length (a long) in the header. */
    public static final int LENGTH_OFFSET = 8;
    /** Offset of the format name's length (an int, then the UTF-8 bytes). */
    public static final int NAME_OFFSET = 16;
    /** The footer: CRC32C (long), total length (long), footer magic (8 bytes). */
    public static final int FOOTER_BYTES = 24;

    private FrameEdits() {}

    /** Offset of the format version (an int), just past the format name. */
    public static int versionOffset(byte[] file) {
        return NAME_OFFSET + 4 + le(file).getInt(NAME_OFFSET);
    }

    /** Offset of the record-count list's length (an int): past the version and the vocabulary fingerprint. */
    public static int recordCountsOffset(byte[] file) {
        return versionOffset(file) + 4 + 8;
    }

    /**
     * Makes the header's length and the footer (length, CRC32C over everything before it) match {@code file} as it is
     * now, in place; the footer magic is kept as it is. {@code file} must be at least a header and a footer long.
     */
    public static byte[] reseal(byte[] file) {
        ByteBuffer b = le(file);
        int body = file.length - FOOTER_BYTES;
        b.putLong(LENGTH_OFFSET, file.length);
        CRC32C crc = new CRC32C();
        crc.update(file, 0, body);
        b.putLong(body, crc.getValue());
        b.putLong(body + 8, file.length);
        return file;
    }

    private static ByteBuffer le(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    }
}
