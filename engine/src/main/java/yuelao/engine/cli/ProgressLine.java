package yuelao.engine.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr for long work: on a terminal one line redrawn in place; otherwise (logs, CI) a line
 * every {@code LOG_INTERVAL_NANOS}. Off with --quiet.
 */
public final class ProgressLine {
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final boolean terminal;
    private long lastLog;
    private int lastWidth;

    public ProgressLine(PrintStream err, boolean quiet) {
        this.err = err;
        this.enabled = !quiet;
        this.terminal = "1".equals(System.getenv("YUELAO_STDERR_TTY"));
        this.lastLog = System.nanoTime();
    }

    /** Shows {@code text} now (terminal) or at most every 10 s (log). */
    public synchronized void update(String text) {
        if (!enabled) {
            return;
        }
        if (terminal) {
            StringBuilder sb = new StringBuilder("\r").append(text);
            for (int i = text.length(); i < lastWidth; i++) {
                sb.append(' ');
            }
            lastWidth = text.length();
            err.print(sb);
            err.flush();
        } else {
            long now = System.nanoTime();
            if (now - lastLog >= LOG_INTERVAL_NANOS) {
                lastLog = now;
                err.println(text);
            }
        }
    }

    /** Ends the progress line (a final newline on a terminal). */
    public synchronized void done() {
        if (enabled && terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    /** 1234567 → "1.23 M". */
    public static String si(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ", v);
    }

    /** Bytes in binary units: "12.3 MiB". */
    public static String bytes(double b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", b / (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1L << 20));
        }
        if (b >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", b / (1L << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    /** Seconds as "1m05s" / "12.3s". */
    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
