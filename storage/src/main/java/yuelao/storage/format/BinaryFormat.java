package yuelao.storage.format;

import java.nio.charset.StandardCharsets;

/**
 * The frame shared by every yuelao binary file (all integers little-endian):
 *
 * <pre>
 * offset  size  field
 * 0       8     magic "YUELAO" 0x00 0x1A
 * 8       8     total file length in bytes, footer included
 * 16      4+n   format name: byte length n, UTF-8 bytes (e.g. "yuelao.counts")
 *         4     format version (body layout of that format; starts at 1)
 *         8     vocabulary fingerprint
 *         4+8k  record counts: k, then k longs
 *         4+... properties: count p, then p times (key, value), each a 4-byte length and UTF-8 bytes,
 *               keys in ascending order
 *         ...   zero padding to a multiple of 8: the body starts 8-aligned
 * body    ...   format-defined
 * end-24  8     CRC32C of every byte before the footer (zero-extended to 8 bytes)
 * end-16  8     total file length again
 * end-8   8     footer magic "YUELAO" 0x04 0x1A
 * </pre>
 *
 * The frame itself never changes with a format's version, so a reader can always say what a file is.
 */
final class BinaryFormat {
    static final byte[] MAGIC = {'Y', 'U', 'E', 'L', 'A', 'O', 0x00, 0x1A};
    static final byte[] FOOTER_MAGIC = {'Y', 'U', 'E', 'L', 'A', 'O', 0x04, 0x1A};
    static final int LENGTH_OFFSET = 8;
    static final int NAME_OFFSET = 16;
    static final int FOOTER_BYTES = 24;
    /** Sanity bounds for header fields, so a corrupt length never makes a reader allocate gigabytes. */
    static final int MAX_NAME_BYTES = 256;
    static final int MAX_RECORD_COUNTS = 1 << 10;
    static final int MAX_PROPERTIES = 1 << 16;

    private BinaryFormat() {}

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
