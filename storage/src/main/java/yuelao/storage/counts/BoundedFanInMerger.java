package yuelao.storage.counts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * K-way merge of sorted runs that sums the units of equal keys, with a bounded number of open files.
 *
 * <p>While more than {@code fanIn} runs remain, the first {@code fanIn} runs of the queue are merged into a
 * new run file appended to its end (inputs deleted as soon as they are merged); the last {@code fanIn} or
 * fewer runs are merged straight into the sink. So at most {@code fanIn} input files and one output file are
 * open at a time, and every record is rewritten about {@code log_fanIn(runs)} times. The merge heap is a
 * primitive binary min-heap of cursor indices keyed by {@code long[]} current keys: nothing is boxed.
 *
 * <p>The merger takes ownership of the runs: every run file, given or intermediate, is deleted by the time
 * {@link #merge} returns or throws. Sums use {@link Math#addExact}, so an overflow fails loudly instead of
 * wrapping. One merger instance serves one merge at a time; its statistics accumulate over calls.
 */
public final class BoundedFanInMerger {
    private int openRunFiles;
    private int maxOpenRunFiles;
    private int intermediateRuns;
    private long intermediateBytes;

    /**
     * Merges {@code runs} into {@code sink} (strictly increasing keys, units summed).
     *
     * @param fanIn at least 2: the most runs merged at once
     * @param tempDir where intermediate run files go
     */
    public void merge(List<? extends RunSource> runs, int fanIn, Path tempDir, PairSink sink) throws IOException {
        if (fanIn < 2) {
            throw new IllegalArgumentException("fan-in must be at least 2: " + fanIn);
        }
        Set<RunSource> owned = new LinkedHashSet<>(runs);
        Throwable primary = null;
        try {
            ArrayDeque<RunSource> queue = new ArrayDeque<>(runs);
            String prefix = "yuelao-merge-" + ProcessHandle.current().pid() + "-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
            while (queue.size() > fanIn) {
                List<RunSource> group = new ArrayList<>(fanIn);
                for (int i = 0; i < fanIn; i++) {
                    group.add(queue.poll());
                }
                Path out = tempDir.resolve(prefix + intermediateRuns + ".run");
                SpillRun merged;
                SpillRunWriter w = SpillRunWriter.create(out);
                opened(1);
                try (w) {
                    mergeGroup(group, w::append);
                    merged = w.finish();
                } finally {
                    openRunFiles--;
                }
                owned.add(merged);
                intermediateRuns++;
                intermediateBytes += merged.bytes();
                for (RunSource r : group) {
                    r.delete();
                    owned.remove(r);
                }
                queue.add(merged);
            }
            mergeGroup(new ArrayList<>(queue), sink);
        } catch (IOException | RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            IOException deleteFailure = null;
            for (RunSource r : owned) {
                try {
                    r.delete();
                } catch (IOException e) {
                    if (primary != null) {
                        primary.addSuppressed(e);
                    } else if (deleteFailure == null) {
                        deleteFailure = e;
                    }
                }
            }
            if (deleteFailure != null) {
                throw deleteFailure;
            }
        }
    }

    private void opened(int files) {
        openRunFiles += files;
        maxOpenRunFiles = Math.max(maxOpenRunFiles, openRunFiles);
    }

    /** One merge pass over at most fanIn runs. */
    private void mergeGroup(List<RunSource> group, PairSink sink) throws IOException {
        int k = group.size();
        RunCursor[] cursors = new RunCursor[k];
        long[] keys = new long[k];
        int[] heap = new int[k];
        int size = 0;
        int openedFiles = 0;
        Throwable primary = null;
        try {
            for (int i = 0; i < k; i++) {
                RunSource r = group.get(i);
                cursors[i] = r.open();
                if (r.file() != null) {
                    opened(1);
                    openedFiles++;
                }
                if (cursors[i].next()) {
                    keys[i] = cursors[i].key();
                    heap[size++] = i;
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(heap, size, keys, i);
            }
            while (size > 0) {
                long key = keys[heap[0]];
                long sum = 0;
                do {
                    int top = heap[0];
                    sum = Math.addExact(sum, cursors[top].units());
                    if (cursors[top].next()) {
                        keys[top] = cursors[top].key();
                    } else {
                        heap[0] = heap[--size];
                    }
                    siftDown(heap, size, keys, 0);
                } while (size > 0 && keys[heap[0]] == key);
                sink.accept(key, sum);
            }
        } catch (IOException | RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            openRunFiles -= openedFiles;
            IOException closeFailure = null;
            for (RunCursor c : cursors) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (IOException e) {
                        if (primary != null) {
                            primary.addSuppressed(e);
                        } else if (closeFailure == null) {
                            closeFailure = e;
                        }
                    }
                }
            }
            if (closeFailure != null) {
                throw closeFailure;
            }
        }
    }

    private static void siftDown(int[] heap, int size, long[] keys, int i) {
        if (i >= size) {
            return;
        }
        int x = heap[i];
        long kx = keys[x];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && keys[heap[c + 1]] < keys[heap[c]]) {
                c++;
            }
            if (keys[heap[c]] >= kx) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = x;
    }

    /** The most run files (inputs plus output) ever open at once. */
    public int maxOpenRunFiles() {
        return maxOpenRunFiles;
    }

    /** Run files open right now (0 outside a merge). */
    public int openRunFiles() {
        return openRunFiles;
    }

    public int intermediateRuns() {
        return intermediateRuns;
    }

    public long intermediateBytes() {
        return intermediateBytes;
    }
}
