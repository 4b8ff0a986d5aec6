package yuelao.engine.vectors;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text number parser agrees with {@link Float#parseFloat} bit for bit, fast path or not. */
class TextSyntaxTest {
    static void agrees(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        float want = Float.parseFloat(s);
        float got = TextSyntax.parseFloat(b, 0, b.length);
        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got), s + ": want " + want + ", got " + got);
    }

    @Test
    void shortestReprOfRandomFloatsOfEveryExponent() {
        Random rnd = new Random(31);
        for (int i = 0; i < 300_000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt());
            if (Float.isFinite(f)) {
                agrees(Float.toString(f));
                agrees(new BigDecimal(f).round(new java.math.MathContext(1 + rnd.nextInt(18))).toString());
            }
        }
    }

    @Test
    void randomDecimalsOfEveryLength() {
        Random rnd = new Random(32);
        for (int i = 0; i < 300_000; i++) {
            int digits = 1 + rnd.nextInt(20);
            StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "-" : "");
            int point = rnd.nextInt(digits + 1);
            for (int k = 0; k < digits; k++) {
                if (k == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (rnd.nextBoolean()) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(90) - 45);
            }
            agrees(sb.toString());
        }
    }

    @Test
    void midpointsAndEdges() {
        Random rnd = new Random(33);
        for (int i = 0; i < 100_000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt() & 0x7fffffff);
            if (Float.isFinite(f) && Float.isFinite(Math.nextUp(f))) {
                BigDecimal mid = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.valueOf(2));
                agrees(mid.toString()); // exactly halfway: ties to even
                agrees(mid.toPlainString().length() < 60 ? mid.toPlainString() : mid.toString());
            }
        }
        for (String s : new String[] {"16777217", "16777219", "33554435e0", "0", "-0", "-0.0", "0.0e0", ".5", "5.", "1e-45", "7e-46",
            "3.4028235e38", "3.4028236e38", "3.4028235677973366e38", "1e39", "9007199254740993", "9007199254740992e22",
            "123456789012345678", "1234567890123456789", "0.000000000000000000000000001", "1e22", "1e23", "1e-22", "1e-23"}) {
            agrees(s);
        }
    }

    @Test
    void namesAndRejects() {
        assertTrue(Float.isNaN(parse("nan")) && Float.isNaN(parse("-NaN")));
        assertEquals(Float.POSITIVE_INFINITY, parse("inf"));
        assertEquals(Float.NEGATIVE_INFINITY, parse("-Infinity"));
        for (String bad : new String[] {"", "-", ".", "e5", "1e", "1e+", "1f", "1d", "0x10", "1..2", "1.2.3", "--1", "1 ", "infinit", "1,5"}) {
            byte[] b = bad.getBytes(StandardCharsets.ISO_8859_1);
            assertThrows(NumberFormatException.class, () -> TextSyntax.parseFloat(b, 0, b.length), bad);
        }
    }

    static float parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return TextSyntax.parseFloat(b, 0, b.length);
    }
}
