package yuelao.engine.vectors;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The byte-level syntax of the text formats: fields separated by runs of spaces or tabs (the C tool and
 * fastText end each line with a space, GloVe does not), numbers in the decimal notation of C's {@code strtof}
 * and Python's {@code float()}, a {@code "count dim"} header of two decimal integers, and strict UTF-8 words.
 */
final class TextSyntax {
    /** The largest dimension accepted; {@code vectors.bin} allows no more. */
    static final int MAX_DIM = 100_000;

    private TextSyntax() {}

    static boolean isSeparator(byte b) {
        return b == ' ' || b == '\t';
    }

    /**
     * Splits {@code b[0, length)} into fields; {@code bounds} receives start/end pairs.
     *
     * @return the number of fields, or -1 if the line starts with a separator (an empty word)
     */
    static int split(byte[] b, int length, IntList bounds) {
        bounds.clear();
        if (length > 0 && isSeparator(b[0])) {
            return -1;
        }
        int i = 0;
        while (i < length) {
            int start = i;
            while (i < length && !isSeparator(b[i])) {
                i++;
            }
            bounds.add(start);
            bounds.add(i);
            while (i < length && isSeparator(b[i])) {
                i++;
            }
        }
        return bounds.size() / 2;
    }

    /** The field count of a line (leading separators ignored), as {@link #split} would give it. */
    static int countFields(byte[] b, int off, int end) {
        int n = 0;
        boolean in = false;
        for (int i = off; i < end; i++) {
            boolean sep = isSeparator(b[i]);
            if (!sep && !in) {
                n++;
            }
            in = !sep;
        }
        return n;
    }

    /**
     * {@code {count, dim}} if the line is exactly two non-negative decimal integers (surrounding spaces
     * allowed), else null. The values are not range-checked here.
     */
    static long[] header(byte[] b, int length) {
        long[] out = new long[2];
        int k = 0;
        int i = 0;
        while (true) {
            while (i < length && isSeparator(b[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            if (k == 2) {
                return null;
            }
            int s = i;
            long v = 0;
            for (; i < length && !isSeparator(b[i]); i++) {
                if (b[i] < '0' || b[i] > '9' || i - s >= 18) {
                    return null;
                }
                v = v * 10 + (b[i] - '0');
            }
            out[k++] = v;
        }
        return k == 2 ? out : null;
    }

    /**
     * Parses {@code b[s, e)} as a float: {@code [+-]digits[.digits][(e|E)[+-]digits]} (either side of the point
     * may be empty, not both), or {@code nan}, {@code inf}, {@code infinity} in any case with an optional sign
     * (what C and numpy print), rounded once to the nearest float. Java-only forms ({@code 1f}, hex) are
     * refused.
     *
     * @throws NumberFormatException if it is not a number
     */
    static float parseFloat(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        if (i < e && (b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z') {
            String name = new String(b, i, e - i, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "nan" -> {
                    return Float.NaN;
                }
                case "inf", "infinity" -> {
                    return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
                }
                default -> throw new NumberFormatException();
            }
        }
        int digits = 0;
        long mantissa = 0; // the significant digits, while they fit (at most 18)
        int scale = 0; // value = mantissa * 10^(scale + exponent), while digits <= 18
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
            }
            i++;
            digits++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    scale--;
                }
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            throw new NumberFormatException();
        }
        int exponent = 0;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < e && (b[i] == '+' || b[i] == '-')) {
                negExp = b[i] == '-';
                i++;
            }
            int expDigits = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                exponent = Math.min(exponent * 10 + (b[i] - '0'), 100_000);
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                throw new NumberFormatException();
            }
            exponent = negExp ? -exponent : exponent;
        }
        if (i != e) {
            throw new NumberFormatException();
        }
        if (digits <= 18) {
            float fast = fastPath(mantissa, scale + exponent);
            if (!Float.isNaN(fast)) {
                return negative ? -fast : fast;
            }
        }
        // Float.parseFloat rounds the decimal straight to float (no double rounding through double).
        return Float.parseFloat(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
    }

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = p; // 10^0 .. 10^22, all exact in a double
            p *= 10;
        }
    }

    /**
     * {@code m * 10^p} correctly rounded to a float, or NaN when this quick way cannot promise it. With
     * {@code m <= 2^53} and {@code |p| <= 22} both factors are exact doubles, so one IEEE multiplication or
     * division gives the correctly rounded double d (Clinger's fast path). Rounding d to float is then
     * correct unless d lies exactly halfway between two floats: a float midpoint is itself a double, so
     * the exact value and d lie on the same side of every midpoint that d is not equal to.
     */
    static float fastPath(long m, int p) {
        if (m > (1L << 53) || p < -22 || p > 22) {
            return Float.NaN;
        }
        double d = p >= 0 ? m * POWERS_OF_TEN[p] : m / POWERS_OF_TEN[-p];
        float f = (float) d;
        if ((double) f == d) {
            return f;
        }
        if (Float.isInfinite(f)) {
            return Float.NaN;
        }
        float g = d > f ? Math.nextUp(f) : Math.nextDown(f);
        if (Float.isInfinite(g) || d - f == g - d) { // both differences are exact (Sterbenz)
            return Float.NaN;
        }
        return f;
    }

    /** Decodes {@code b[s, e)} as strict UTF-8, or returns null if it is not valid UTF-8. */
    static String utf8(byte[] b, int s, int e) {
        boolean ascii = true;
        for (int i = s; i < e && ascii; i++) {
            ascii = b[i] >= 0;
        }
        if (ascii) {
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder().decode(ByteBuffer.wrap(b, s, e - s)).toString();
        } catch (CharacterCodingException ex) {
            return null;
        }
    }

    /**
     * True if {@code b[s, e)} reads as text: valid UTF-8 (a sequence cut by the end of the range allowed) with
     * no control characters except tab, CR and LF. Raw float32 bytes essentially never are.
     */
    static boolean looksLikeText(byte[] b, int s, int e) {
        CharsetDecoder d = decoder();
        CharBuffer out = CharBuffer.allocate(e - s);
        var r = d.decode(ByteBuffer.wrap(b, s, e - s), out, false);
        if (r.isError()) {
            return false;
        }
        out.flip();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A growable int array (field bounds). */
    static final class IntList {
        private int[] a = new int[64];
        private int n;

        void clear() {
            n = 0;
        }

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return n;
        }
    }
}
