package yuelao.core;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Sizes as users write them: parse, format, their round trip, and the refusals. */
class ByteSizeTest {
    @Test
    void parsesUnitsCaseAndFractions() {
        assertEquals(1_048_576L, ByteSize.parse("1048576"));
        assertEquals(512L << 20, ByteSize.parse("512m"));
        assertEquals(512L << 20, ByteSize.parse("512MB"));
        assertEquals(64L << 10, ByteSize.parse("64KB"));
        assertEquals(4L << 30, ByteSize.parse(" 4G "));
        assertEquals(3L << 40, ByteSize.parse("3t"));
        assertEquals(3L << 29, ByteSize.parse("1.5g"), "1.5 GiB");
        assertEquals(1536L << 10, ByteSize.parse("1.5m"));
        assertEquals(100L, ByteSize.parse("100b"));
    }

    /** format gives the shortest exact form, and parse reads it back to the same count, for every power-of-two multiple. */
    @Test
    void formatAndParseRoundTrip() {
        assertEquals("1g", ByteSize.format(1L << 30));
        assertEquals("256m", ByteSize.format(256L << 20));
        assertEquals("1536k", ByteSize.format(1536L << 10));
        assertEquals("1000", ByteSize.format(1000));
        assertEquals("2t", ByteSize.format(2L << 40));
        java.util.Random rnd = new java.util.Random(2);
        for (int t = 0; t < 2000; t++) {
            long bytes = (1 + rnd.nextInt(5000)) * (1L << (10 * rnd.nextInt(4))) + (rnd.nextInt(3) == 0 ? rnd.nextInt(1000) : 0);
            String s = ByteSize.format(bytes);
            assertEquals(bytes, ByteSize.parse(s), s);
            assertTrue(s.length() <= Long.toString(bytes).length(), "shortest: " + s + " for " + bytes);
        }
    }

    @Test
    void badSizesAreRefusedNamingTheInput() {
        for (String bad : new String[] {"", "m", "abc", "-1g", "0", "0k", "1x", "NaN", "Infinityg", "1.5.2m", "g1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad), "'" + bad + "'");
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
