package yuelao.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import yuelao.core.AnalyzerSpec;
import yuelao.core.StoreKeys;
import yuelao.core.Vocabulary;
import yuelao.engine.stage.CountSettings;
import yuelao.engine.stage.CountingStage;
import yuelao.engine.stage.VocabularySettings;
import yuelao.engine.stage.VocabularyStage;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreWriter;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.vocab.StoredVocabulary;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.scan.ScanSummary;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/**
 * {@code ./yuelao count} on a Spark cluster: the same count store, byte for byte, for the same corpus and settings,
 * whatever the number of partitions, reducers or executors (docs/spark.md). Only wiring: every algorithm is the embedded
 * one, called per split.
 *
 * <ol>
 *   <li>The driver lists the corpus files in {@code ./yuelao count}'s order and cuts them into splits; a line belongs to
 *       the split where it starts, a gzip file is one split.
 *   <li>Pass 1: each split's term counts (the embedded scanner), shuffled by term, summed, cut at min-count on the
 *       executors; the driver ranks the survivors with the vocabulary's deterministic order. The splits' document
 *       counts give each split the index of its first document in the whole corpus (the subsampling key).
 *   <li>Pass 2: each split counted by the embedded counting pass against the broadcast vocabulary; its merged stream
 *       is shuffled as whole sorted runs keyed by row block, never a record per pair; each reducer merges its block's
 *       runs (embedded bounded fan-in merge), and the driver streams the reducers' runs, in row order, into the
 *       embedded store writer.
 * </ol>
 *
 * Integer sums merge exactly in any order, so the store does not depend on how the work was cut. The store is written
 * by the driver, to a local directory atomically (as the embedded stage does), or staged locally and then uploaded to
 * another Hadoop file system under a temporary name and renamed.
 */
public final class SparkCounting {
    private SparkCounting() {}

    /** What the job did: the embedded stage's figures, plus how the work was cut and what went through the shuffle. */
    public record Result(CountingStage.Result counting, int splits, int rowBlocks, long shuffleRecords, long shuffleEncodedBytes,
            int splitRunsSpilled, int reducerRunsSpilled, String sparkMetrics) {}

    public static Result run(JavaSparkContext sc, SparkCountJob job, String out, boolean force, Consumer<String> log) throws IOException {
        long t0 = System.nanoTime();
        Configuration hadoop = sc.hadoopConfiguration();
        HadoopConf conf = new HadoopConf(hadoop);
        CountSettings cs = job.counting();
        List<CorpusFile> files = CorpusFiles.expand(job.inputs(), hadoop);
        int target = job.partitions() > 0 ? job.partitions() : 2 * sc.defaultParallelism();
        List<Split> splits = CorpusFiles.split(files, target);
        int reducers = job.rowBlocks() > 0 ? job.rowBlocks() : Math.max(splits.size(), sc.defaultParallelism());
        log.accept(String.format("%d files, %d splits, %d row blocks", files.size(), splits.size(), reducers));

        StoreOutput output = StoreOutput.begin(out, force, files, job.reuseVocabulary(), hadoop);
        JobMetrics metrics = new JobMetrics();
        sc.sc().addSparkListener(metrics);
        try {
            JavaRDD<Split> rdd = sc.parallelize(splits, splits.size());
            Vocabulary vocab;
            AnalyzerSpec analyzer;
            Map<String, String> props = new LinkedHashMap<>();
            ScanSummary vocabScan = null;
            long[] firstDocument = new long[splits.size()];
            int maxDocs = job.vocabulary().maxDocumentChars();
            if (job.reuseVocabulary() != null) {
                StoredVocabulary stored = VocabularyFile.read(localPath(job.reuseVocabulary(), hadoop));
                vocab = stored.vocabulary();
                analyzer = AnalyzerSpec.fromProperties(stored.properties());
                props.putAll(stored.properties());
                VocabularyFile.write(output.staging(), vocab, stored.properties());
                if (cs.subsample() > 0) { // the subsampling key needs every split's first document index
                    TaskSettings ts = TaskSettings.of(analyzer, maxDocs, cs);
                    List<SplitScan> scans = rdd.map(s -> SplitScan.run(s, ts, conf).summary()).collect();
                    checkFailures(scans);
                    firstDocuments(scans, firstDocument);
                }
            } else {
                analyzer = job.vocabulary().analyzer();
                VocabularyBuilder.Result vr = vocabularyPass(rdd, job.vocabulary(), files, reducers, conf, firstDocument, t0);
                vocab = vr.vocabulary();
                vocabScan = vr.scan();
                Map<String, String> vprops = VocabularyStage.properties(job.vocabulary(), vr);
                props.putAll(vprops);
                VocabularyFile.write(output.staging(), vocab, vprops);
                log.accept(String.format("vocabulary: %,d words of %,d types", vocab.size(), vr.distinctTypes()));
            }
            props.putAll(cs.toProperties());

            // Pass 2.
            long tCount = System.nanoTime();
            Broadcast<TaskEnvironment.RankedWords> words = sc.broadcast(TaskEnvironment.RankedWords.of(vocab));
            RowBlocks blocks = RowBlocks.of(vocab, cs.window(), reducers);
            CollectionAccumulator<SplitCount> report = sc.sc().collectionAccumulator("yuelao.counts");
            TaskSettings ts = TaskSettings.of(analyzer, maxDocs, cs);
            JavaPairRDD<Integer, PairBlock> mapped = rdd.flatMapToPair(s -> PairScan.run(s, firstDocument[s.index()],
                    TaskEnvironment.vocabulary(words), ts, blocks, conf, report));
            long memory = cs.memoryBytes();
            int fanIn = cs.fanIn();
            JavaRDD<PairBlock> merged = mapped.partitionBy(blocks)
                    .mapPartitionsWithIndex((r, it) -> BlockMerge.run(r, it, memory, fanIn, report), true)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                merged.count(); // counts and merges on the executors, in parallel
                Map<Integer, SplitCount> perTask = new HashMap<>();
                for (SplitCount c : report.value()) {
                    perTask.putIfAbsent(c.split(), c); // a split counted again after a lost executor reports the same figures
                }
                long tokens = 0;
                long events = 0;
                long shuffleRecords = 0;
                long shuffleBytes = 0;
                int runs = 0;
                int splitRuns = 0;
                long spilled = 0;
                int maxOpen = 0;
                for (SplitCount c : perTask.values()) {
                    tokens += c.tokens();
                    events += c.split() >= 0 ? c.pairEvents() : 0;
                    shuffleRecords += c.split() >= 0 ? c.shuffleRecords() : 0;
                    shuffleBytes += c.shuffleBytes();
                    runs += c.runsSpilled();
                    splitRuns += c.split() >= 0 ? c.runsSpilled() : 0;
                    spilled += c.bytesSpilled();
                    maxOpen = Math.max(maxOpen, c.maxOpenRunFiles());
                }
                props.put(StoreKeys.CORPUS_COUNTED_TOKENS, Long.toString(tokens));
                ScanSummary countScan = new ScanSummary(vocabScan != null ? vocabScan.documents() : 0, tokens,
                        vocabScan != null ? vocabScan.rawBytes() : 0, vocabScan != null ? vocabScan.decodedBytes() : 0,
                        vocabScan != null ? vocabScan.malformedSequences() : 0, vocabScan != null ? vocabScan.firstMalformed() : null,
                        vocabScan != null ? vocabScan.overLongTokens() : 0, vocabScan != null ? vocabScan.splitLines() : 0,
                        vocabScan != null ? vocabScan.skippedEmptyFiles() : 0, System.nanoTime() - tCount, 0);
                log.accept("counted; writing the store");

                long tWrite = System.nanoTime();
                java.nio.file.Path staging = output.staging();
                try (CountStoreWriter w = CountStoreWriter.create(staging.resolve(CountStore.FILE_NAME), vocab, cs.weighting().scale(cs.window()),
                        props, staging.resolve("spill"), CountingStage.scatterWindow(cs.memoryBytes()))) {
                    for (Iterator<PairBlock> it = merged.toLocalIterator(); it.hasNext(); ) {
                        it.next().drainTo(w);
                    }
                    w.commit();
                }
                Files.deleteIfExists(staging.resolve("spill"));
                long nnz;
                long diagonalEntries = 0;
                try (CountStore store = CountStore.open(staging.resolve(CountStore.FILE_NAME), false)) {
                    nnz = store.nonZeros();
                    for (int i = 0; cs.selfPairs() && i < store.vocabSize(); i++) {
                        diagonalEntries += store.find(i, i) >= 0 ? 1 : 0;
                    }
                }
                output.commit();
                CountingStage.Result r = new CountingStage.Result(vocab, vocabScan, countScan, events, nnz, (nnz + diagonalEntries) / 2, runs,
                        spilled, maxOpen, (System.nanoTime() - t0) / 1e9, (System.nanoTime() - tWrite) / 1e9);
                metrics.settle();
                return new Result(r, splits.size(), blocks.numPartitions(), shuffleRecords, shuffleBytes, splitRuns, runs - splitRuns,
                        metrics.toString());
            } finally {
                merged.unpersist(false);
                words.destroy();
            }
        } finally {
            sc.sc().removeSparkListener(metrics);
            output.close();
        }
    }

    /** Pass 1: the vocabulary, and each split's first document index (into {@code firstDocument}). */
    private static VocabularyBuilder.Result vocabularyPass(JavaRDD<Split> rdd, VocabularySettings vs, List<CorpusFile> files, int reducers,
            HadoopConf conf, long[] firstDocument, long t0) throws IOException {
        TaskSettings ts = TaskSettings.of(vs.analyzer(), vs.maxDocumentChars(), CountSettings.builder().build());
        long minCount = vs.minCount();
        JavaRDD<SplitScan> scans = rdd.map(s -> SplitScan.run(s, ts, conf)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<SplitScan> summaries = scans.map(SplitScan::summary).collect();
            checkFailures(summaries);
            firstDocuments(summaries, firstDocument);
            ScanSummary scan = SplitScan.combine(summaries, System.nanoTime() - t0);
            // Already summed per split: no map-side combining, one record per term and split.
            List<TermTotals> totals = scans.flatMapToPair(SplitScan::terms)
                    .combineByKey(c -> c, Long::sum, Long::sum, new HashPartitioner(Math.max(1, reducers)), false, null)
                    .mapPartitions(it -> List.of(TermTotals.of(it, minCount)).iterator()).collect();
            List<Vocabulary.Entry> kept = new ArrayList<>();
            long distinct = 0;
            for (TermTotals t : totals) {
                distinct += t.distinct();
                t.addTo(kept);
            }
            String what = files.size() == 1 ? files.get(0).uri() : files.size() + " inputs";
            if (scan.tokens() == 0) {
                throw new CorpusException(what, "no tokens found in the input");
            }
            Vocabulary v = Vocabulary.select(kept, minCount, vs.maxVocab());
            if (v.size() == 0) {
                throw new CorpusException(what, "no word occurs at least " + minCount + " times (" + distinct
                        + " distinct words); lower --min-count");
            }
            return new VocabularyBuilder.Result(v, Math.toIntExact(distinct), scan);
        } finally {
            scans.unpersist(false);
        }
    }

    private static void checkFailures(List<SplitScan> scans) throws CorpusException {
        for (SplitScan s : scans) {
            if (s.failure != null) {
                int colon = s.failure.indexOf(": ");
                throw new CorpusException(s.failure.substring(0, Math.max(0, colon)), s.failure.substring(colon + 2));
            }
        }
    }

    private static void firstDocuments(List<SplitScan> scans, long[] firstDocument) {
        long next = 0;
        for (SplitScan s : scans) { // collected in split order
            firstDocument[s.split] = next;
            next += s.documents;
        }
    }

    /** A vocabulary directory given as a local path or a {@code file:} URI. */
    static java.nio.file.Path localPath(String spec, Configuration conf) throws IOException {
        Path p = new Path(spec);
        FileSystem fs = p.getFileSystem(conf);
        if (!"file".equals(fs.getScheme())) {
            throw new CorpusException(spec, "--vocab must be a local directory on the driver (copy it there first)");
        }
        URI u = fs.makeQualified(p).toUri();
        return Paths.get(u);
    }
}
