package yuelao.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;
import yuelao.core.Vocabulary;
import yuelao.engine.stage.CountSettings;
import yuelao.engine.stage.PairCounting;

/**
 * Pass 2 over one split (executor side): the embedded counting pass ({@link PairCounting}, one tokenizer thread, the
 * task's share of the memory budget, spills on the executor's local disk) with the split's first document numbered as
 * in the whole corpus, drained into shuffle records by row block.
 */
final class PairScan {
    /** Records per shuffle value at most: about 1 MiB encoded. */
    static final int CHUNK_RECORDS = 1 << 18;

    private PairScan() {}

    static Iterator<Tuple2<Integer, PairBlock>> run(Split split, long firstDocument, Vocabulary vocabulary, TaskSettings ts,
            RowBlocks blocks, HadoopConf conf, CollectionAccumulator<SplitCount> report) {
        CountSettings settings = ts.counting();
        Path scratch = null;
        try {
            scratch = TaskEnvironment.scratch("yuelao-count-");
            CountSettings task = settings.toBuilder().memoryBytes(TaskEnvironment.taskBudget(settings.memoryBytes())).build();
            SplitInput input = new SplitInput(split);
            try (PairCounting counted = PairCounting.over(input.sources(conf.get())).firstDocument(firstDocument).vocabulary(vocabulary)
                    .analysis(ts.analyzerSpec(), ts.maxDocumentChars()).settings(task).threads(1).spillDirectory(scratch).scan()) {
                BlockCutter cutter = new BlockCutter(blocks, CHUNK_RECORDS);
                counted.drainTo(cutter);
                List<Tuple2<Integer, PairBlock>> records = cutter.finish();
                report.add(new SplitCount(split.index(), counted.summary().tokens(), counted.pairEvents(), counted.runsSpilled(),
                        counted.bytesSpilled(), counted.maxOpenRunFiles(), records.size(), cutter.bytes()));
                return records.iterator();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TaskEnvironment.delete(scratch);
        }
    }
}
