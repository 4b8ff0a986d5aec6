package yuelao.core;

import java.util.Locale;

/**
 * Sizes as users write them: a number (fractions allowed) with an optional binary unit k, m, g or t and an optional
 * trailing b, in any case: "512m", "1.5g", "64KB", "1048576". The one parser of sizes; the launcher asks it too.
 */
public final class ByteSize {
    private ByteSize() {}

    /**
     * Prints {@code args[0]} parsed, in bytes, or one line saying why it is not a size (exit 2). The launcher asks this
     * to size the heap from {@code --memory}, so that sizes are parsed in one place.
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ByteSize SIZE");
            System.exit(2);
        }
        try {
            System.out.println(parse(args[0]));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** The shortest exact form: "1g", "256m", "1536k", or the byte count. */
    public static String format(long bytes) {
        String[] units = {"t", "g", "m", "k"};
        int[] shifts = {40, 30, 20, 10};
        for (int u = 0; u < units.length; u++) {
            if (bytes > 0 && bytes % (1L << shifts[u]) == 0) {
                return (bytes >> shifts[u]) + units[u];
            }
        }
        return Long.toString(bytes);
    }

    /** {@link #parse(String)}, with a failure that names the option the value was given to. */
    public static long parse(String option, String s) {
        try {
            return parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    public static long parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long mult = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> mult = 1L << 10;
                case 'm' -> mult = 1L << 20;
                case 'g' -> mult = 1L << 30;
                case 't' -> mult = 1L << 40;
                default -> mult = 1;
            }
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t);
            if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v) || v * mult >= 0x1p63) { // 2^63 bytes: no long holds it
                throw new NumberFormatException();
            }
            return (long) (v * mult);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + s + "' (examples: 256m, 1g, 4g)");
        }
    }
}
