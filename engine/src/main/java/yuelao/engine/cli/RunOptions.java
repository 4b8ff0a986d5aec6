package yuelao.engine.cli;

import picocli.CommandLine.Option;

/** Threads and progress, shared by the long-running verbs. */
public final class RunOptions {
    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, defaultValue = "false", description = "No progress on stderr.")
    boolean quiet;

    /** Most threads a verb accepts: far past any gain (the work is CPU-bound), well before the JVM runs out of threads. */
    static int maxThreads() {
        return Math.max(64, 8 * Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new UserException("--threads must be at least 1, got " + t);
        }
        if (t > maxThreads()) {
            throw new UserException("--threads " + t + " is more than " + maxThreads() + " (8 per core of the "
                    + Runtime.getRuntime().availableProcessors() + " here): the work is CPU-bound, more threads only cost memory");
        }
        return t;
    }
}
