package yuelao.storage.format;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The value layouts of every yuelao file: little-endian, whatever the platform. Aligned layouts are for
 * sections the writers place at multiples of their size (file offsets, and so addresses in a page-aligned
 * mapping); the unaligned ones are for header fields.
 */
public final class Layouts {
    public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt INT_UNALIGNED = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong LONG_UNALIGNED = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Layouts() {}

    /** {@code n} rounded up to a multiple of 8. */
    public static long align8(long n) {
        return (n + 7) & ~7L;
    }
}
