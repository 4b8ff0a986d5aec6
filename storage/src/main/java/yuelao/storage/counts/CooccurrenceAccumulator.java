package yuelao.storage.counts;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coordinates co-occurrence counting within a memory budget: each counting thread fills its own
 * {@link PairCountBuffer} (budget / threads bytes), calls {@link #spill} when it {@linkplain
 * PairCountBuffer#isFull() is full}, and after all threads are done one call to {@link #finish} drains the
 * buffers as in-memory runs and merges them with every spilled run ({@link BoundedFanInMerger}) into the sink.
 *
 * <p>Units are exact integers, so the merged stream (sorted, unique keys, summed units) is the same whatever
 * the number of threads, the budget or the order in which pairs were added: a store written from it is
 * byte-identical. If nothing was spilled, no file is ever written. Spill files
 * ({@code yuelao-spill-<pid>-<random>-<n>.run} in tempDir) are deleted by {@link #finish} or {@link #close}.
 *
 * <p>Typical use per thread: {@code buf.add(key, units); if (buf.isFull()) acc.spill(buf);}
 */
public final class CooccurrenceAccumulator implements Closeable {
    private final Path tempDir;
    private final long memoryBudgetBytes;
    private final int threads;
    private final int fanIn;
    private final String spillPrefix;
    private final List<PairCountBuffer> buffers = new ArrayList<>();
    private final List<SpillRun> spilled = new ArrayList<>();
    private final AtomicInteger spillSequence = new AtomicInteger();
    private final AtomicLong bytesSpilled = new AtomicLong();
    private final AtomicLong recordsSpilled = new AtomicLong();
    private final BoundedFanInMerger merger = new BoundedFanInMerger();
    private boolean finished;

    /**
     * @param tempDir directory for spill and merge files (created if missing)
     * @param memoryBudgetBytes total bytes for all thread buffers
     * @param threads how many buffers will be asked for
     * @param fanIn most runs merged at once (at least 2)
     */
    public CooccurrenceAccumulator(Path tempDir, long memoryBudgetBytes, int threads, int fanIn) throws IOException {
        if (threads < 1 || fanIn < 2 || memoryBudgetBytes < threads) {
            throw new IllegalArgumentException("need threads >= 1, fanIn >= 2, budget >= threads: " + threads + ", " + fanIn
                    + ", " + memoryBudgetBytes);
        }
        Files.createDirectories(tempDir);
        this.tempDir = tempDir;
        this.memoryBudgetBytes = memoryBudgetBytes;
        this.threads = threads;
        this.fanIn = fanIn;
        this.spillPrefix = "yuelao-spill-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
    }

    /** A buffer for one counting thread, with {@code budget / threads} bytes. At most {@code threads} of them. */
    public synchronized PairCountBuffer newThreadBuffer() {
        if (finished) {
            throw new IllegalStateException("accumulator already finished");
        }
        if (buffers.size() == threads) {
            throw new IllegalStateException("already " + threads + " thread buffers: the budget is split " + threads + " ways");
        }
        PairCountBuffer b = new PairCountBuffer(memoryBudgetBytes / threads);
        buffers.add(b);
        return b;
    }

    /**
     * Sorts the buffer's contents and writes them to a new run file; the buffer is empty afterwards. Safe to
     * call from several threads at once (each with its own buffer): the writing happens in the caller.
     */
    public void spill(PairCountBuffer buffer) throws IOException {
        MemoryRun run = buffer.drainSorted();
        if (run.records() == 0) {
            return;
        }
        Path file = tempDir.resolve(spillPrefix + spillSequence.getAndIncrement() + ".run");
        SpillRun written = SpillRunWriter.write(file, run);
        bytesSpilled.addAndGet(written.bytes());
        recordsSpilled.addAndGet(written.records());
        synchronized (this) {
            if (finished) {
                written.delete();
                throw new IllegalStateException("spill after finish");
            }
            spilled.add(written);
        }
    }

    /**
     * Drains every thread buffer and merges all runs into {@code sink}: strictly increasing keys, units summed.
     * Call once, after every counting thread is done. All run files are gone when this returns or throws.
     */
    public void finish(PairSink sink) throws IOException {
        List<RunSource> runs;
        synchronized (this) {
            if (finished) {
                throw new IllegalStateException("accumulator already finished");
            }
            finished = true;
            runs = new ArrayList<>(spilled);
            spilled.clear();
        }
        try {
            // Memory runs go last: with more runs than fanIn, the spilled files are merged first.
            for (PairCountBuffer b : buffers) {
                MemoryRun run = b.drainSorted();
                b.release();
                if (run.records() > 0) {
                    runs.add(run);
                }
            }
        } catch (RuntimeException | Error e) {
            for (RunSource r : runs) {
                r.delete();
            }
            throw e;
        }
        merger.merge(runs, fanIn, tempDir, sink);
    }

    /** Runs written by {@link #spill} so far. */
    public int runsSpilled() {
        return spillSequence.get();
    }

    /** Bytes of spill run files written (not counting intermediate merge runs). */
    public long bytesSpilled() {
        return bytesSpilled.get();
    }

    public long recordsSpilled() {
        return recordsSpilled.get();
    }

    /** Intermediate merge run files written by {@link #finish}. */
    public int intermediateRuns() {
        return merger.intermediateRuns();
    }

    /** The most run files open at once during the merge; at most {@code fanIn + 1}. */
    public int maxOpenRunFiles() {
        return merger.maxOpenRunFiles();
    }

    public int fanIn() {
        return fanIn;
    }

    /** Deletes spill files not yet merged (when counting failed before {@link #finish}). */
    @Override
    public synchronized void close() throws IOException {
        finished = true;
        IOException failure = null;
        for (SpillRun r : spilled) {
            try {
                r.delete();
            } catch (IOException e) {
                failure = e;
            }
        }
        spilled.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
