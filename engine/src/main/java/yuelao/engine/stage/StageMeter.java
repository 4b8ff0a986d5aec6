package yuelao.engine.stage;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What one stage of a run cost: wall time, the process's CPU time, garbage-collection pause time, peak resident memory
 * and peak anonymous memory (heap and off-heap, without file-backed pages such as the memory-mapped store). The scale
 * benchmark reads these lines to draw the cost curve per stage.
 *
 * <p>Peak RSS is the kernel's high-water mark ({@code VmHWM}), reset at the stage's start through {@code
 * /proc/self/clear_refs} where that is allowed (else it is the process's peak so far); peak anonymous memory is
 * sampled from {@code RssAnon} every {@link #SAMPLE_MS} ms by a daemon thread, so a spike shorter than that can be
 * missed. Without {@code /proc} (not Linux) both are reported as 0.
 */
public final class StageMeter implements AutoCloseable {
    /** Sampling period of the anonymous memory, in milliseconds. */
    static final int SAMPLE_MS = 100;

    private static final Path STATUS = Path.of("/proc/self/status");

    private final String stage;
    private final long wall0 = System.nanoTime();
    private final long cpu0 = cpuNanos();
    private final long gc0 = gcPauseMillis();
    private final Thread sampler;
    private volatile long peakAnon;
    private volatile boolean running = true;

    private StageMeter(String stage) {
        this.stage = stage;
        resetPeak();
        peakAnon = statusKb("RssAnon:");
        sampler = Thread.ofPlatform().daemon().name("yuelao-meter").start(() -> {
            while (running) {
                peakAnon = Math.max(peakAnon, statusKb("RssAnon:"));
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts measuring a stage. */
    public static StageMeter start(String stage) {
        return new StageMeter(stage);
    }

    /** One stage's costs. */
    public record Usage(String stage, double wallSeconds, double cpuSeconds, double gcSeconds, long peakRssBytes, long peakAnonBytes) {
        /** {@code stage count: wall 12.3 s, cpu 20.1 s, gc 0.4 s, peak rss 2.10 GiB, peak anon 1.90 GiB} (parsed by scale.sh). */
        public String line() {
            return String.format(Locale.ROOT, "stage %s: wall %.1f s, cpu %.1f s, gc %.2f s, peak rss %.2f GiB, peak anon %.2f GiB", stage, wallSeconds,
                    cpuSeconds, gcSeconds, peakRssBytes / (double) (1L << 30), peakAnonBytes / (double) (1L << 30));
        }
    }

    /** The costs since {@link #start}; stops the sampler. */
    public Usage stop() {
        close();
        peakAnon = Math.max(peakAnon, statusKb("RssAnon:"));
        return new Usage(stage, (System.nanoTime() - wall0) / 1e9, (cpuNanos() - cpu0) / 1e9, (gcPauseMillis() - gc0) / 1e3,
                statusKb("VmHWM:") << 10, peakAnon << 10);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Stop-the-world collection time: every collector but G1's concurrent cycle (which runs beside the work). */
    private static long gcPauseMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("Concurrent")) {
                ms += Math.max(0, gc.getCollectionTime());
            }
        }
        return ms;
    }

    /** Resets the kernel's peak RSS of this process (writing 5 to clear_refs); nothing where that is refused. */
    private static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak stays the process's
        }
    }

    /** A kB field of /proc/self/status, or 0. */
    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return 0;
    }
}
