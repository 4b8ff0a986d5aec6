package yuelao.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;
import yuelao.storage.counts.BoundedFanInMerger;
import yuelao.storage.counts.MemoryRun;
import yuelao.storage.counts.RunSource;
import yuelao.storage.counts.SpillRunWriter;

/**
 * One reducer (executor side): merges the sorted runs every split sent for its row block, summing equal pairs, with the
 * embedded bounded fan-in merge. Runs are held in memory up to the task's budget; past it the held runs are merged into
 * a run file on the executor's local disk. The merged stream comes out as runs of at most
 * {@link PairScan#CHUNK_RECORDS} records, in key order.
 */
final class BlockMerge {
    private BlockMerge() {}

    static Iterator<PairBlock> run(int reducer, Iterator<Tuple2<Integer, PairBlock>> in, long memoryBytes, int fanIn,
            CollectionAccumulator<SplitCount> report) {
        long budget = TaskEnvironment.taskBudget(memoryBytes);
        Path scratch = null;
        List<RunSource> runs = new ArrayList<>();
        try {
            scratch = TaskEnvironment.scratch("yuelao-merge-");
            BoundedFanInMerger merger = new BoundedFanInMerger();
            List<RunSource> held = new ArrayList<>();
            long heldBytes = 0;
            long bytesSpilled = 0;
            int spills = 0;
            while (in.hasNext()) {
                MemoryRun r = in.next()._2().decode();
                held.add(r);
                heldBytes += 16L * r.records();
                if (heldBytes > budget) {
                    SpillRunWriter w = SpillRunWriter.create(scratch.resolve("held-" + spills++ + ".run"));
                    try (w) {
                        merger.merge(held, fanIn, scratch, w::append);
                        RunSource spilled = w.finish();
                        runs.add(spilled);
                        bytesSpilled += w.bytes();
                    }
                    held = new ArrayList<>();
                    heldBytes = 0;
                }
            }
            runs.addAll(held);
            List<PairBlock> out = new ArrayList<>();
            PairBlock.Encoder encoder = new PairBlock.Encoder();
            long[] records = {0};
            merger.merge(runs, fanIn, scratch, (key, units) -> {
                encoder.append(key, units);
                records[0]++;
                if (encoder.records() >= PairScan.CHUNK_RECORDS) {
                    out.add(encoder.finish());
                }
            });
            runs.clear();
            PairBlock last = encoder.finish();
            if (last != null) {
                out.add(last);
            }
            report.add(new SplitCount(-1 - reducer, 0, records[0], spills, bytesSpilled, merger.maxOpenRunFiles(), out.size(), 0));
            return out.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (RunSource r : runs) {
                try {
                    r.delete();
                } catch (IOException e) {
                    // the scratch directory goes below
                }
            }
            TaskEnvironment.delete(scratch);
        }
    }
}
