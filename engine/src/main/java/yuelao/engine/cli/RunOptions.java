package yuelao.engine.cli;

import picocli.CommandLine.Option;

/** Threads and progress, shared by the long-running verbs. */
public final class RunOptions {
    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, defaultValue = "false", description = "No progress on stderr.")
    boolean quiet;

    public int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new UserException("--threads must be at least 1, got " + t);
        }
        return t;
    }
}
