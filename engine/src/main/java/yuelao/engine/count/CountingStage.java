package yuelao.engine.count;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import yuelao.engine.pipeline.VocabularyStage;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreWriter;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.vocab.StoredVocabulary;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.ScanProgress;
import yuelao.tokenizer.scan.ScanSummary;
import yuelao.tokenizer.vocab.Vocabulary;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/**
 * Stage 2 (GloVe's cooccur): corpus to count store. The store is a directory, staged under a temporary
 * sibling name and renamed into place only when complete, so a killed run never leaves a store that looks
 * whole; rerunning the command removes the leftovers and starts cleanly.
 *
 * <pre>
 * STORE/vocab.bin, vocab.txt   the vocabulary (ids, unigram counts n_i)
 * STORE/counts.bin             the symmetric CSR matrix of x_ij in exact units, N, X, the settings
 * </pre>
 */
public final class CountingStage {
    /** Most spill runs merged at once; far below any open-file limit. */
    public static final int DEFAULT_FAN_IN = 64;

    private CountingStage() {}

    /**
     * @param vocabulary how to build the vocabulary (also gives inputs, analyzer, threads)
     * @param vocabDir an existing vocabulary to reuse instead (its analyzer settings win), or null
     * @param subsample word2vec's threshold t, or 0 for none
     * @param memoryBytes budget for the counting buffers of all threads together
     */
    public record Request(VocabularyStage.Request vocabulary, Path vocabDir, int window, WindowWeighting weighting,
            boolean keepOovPositions, boolean selfPairs, double subsample, long seed, long memoryBytes, int fanIn) {
        public Request {
            if (window < 1 || window > weighting.maxWindow()) {
                throw new IllegalArgumentException("--window must be in 1.." + weighting.maxWindow() + " for " + weighting.id()
                        + " weighting, got " + window);
            }
            if (subsample < 0 || subsample >= 1) {
                throw new IllegalArgumentException("--subsample must be 0 (off) or a small threshold like 1e-4, got " + subsample);
            }
            if (memoryBytes < (1 << 20)) {
                throw new IllegalArgumentException("--memory must be at least 1m, got " + memoryBytes + " bytes");
            }
        }
    }

    /** What a counting run did. */
    public record Result(Vocabulary vocabulary, ScanSummary vocabularyScan, ScanSummary countScan, long pairEvents,
            long nonZeros, long unorderedPairs, int runsSpilled, long bytesSpilled, int maxOpenRunFiles, double seconds,
            double writeSeconds) {}

    /** Progress callbacks: stage name and scan snapshot. */
    public interface Progress {
        Consumer<ScanProgress> stage(String name);
    }

    public static Result run(Request r, Path out, boolean force, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        List<InputSource> sources = InputFiles.expand(r.vocabulary().inputs());
        if (r.vocabDir() == null && sources.stream().anyMatch(InputSource::isStdin)) {
            throw new CorpusException("-", "standard input can be read only once, but counting reads the corpus twice "
                    + "(vocabulary, then pairs): build the vocabulary first with 'yuelao vocab' and pass --vocab DIR");
        }
        AtomicDirectory.removeStale(out);
        List<Path> inputs = new java.util.ArrayList<>(VocabularyStage.inputPaths(sources));
        if (r.vocabDir() != null) {
            inputs.add(r.vocabDir());
        }
        try (AtomicDirectory dir = AtomicDirectory.begin(out, CountStore.DIRECTORY_KIND, force, inputs)) {
            Vocabulary vocab;
            AnalyzerSpec analyzer;
            ScanSummary vocabScan = null;
            Map<String, String> props = new LinkedHashMap<>();
            if (r.vocabDir() != null) {
                StoredVocabulary stored = VocabularyFile.read(r.vocabDir());
                vocab = stored.vocabulary();
                analyzer = AnalyzerSpec.fromProperties(stored.properties());
                props.putAll(stored.properties());
                VocabularyFile.write(dir.path(), vocab, stored.properties());
            } else {
                VocabularyBuilder.Result vr = VocabularyStage.build(r.vocabulary(), progress.stage("vocab"));
                vocab = vr.vocabulary();
                analyzer = r.vocabulary().analyzer();
                vocabScan = vr.scan();
                Map<String, String> vprops = VocabularyStage.properties(r.vocabulary(), vr);
                props.putAll(vprops);
                VocabularyFile.write(dir.path(), vocab, vprops);
            }
            props.put("window", Integer.toString(r.window()));
            props.put("weighting", r.weighting().id());
            props.put("keepOovPositions", Boolean.toString(r.keepOovPositions()));
            props.put("selfPairs", Boolean.toString(r.selfPairs()));
            props.put("subsample", Double.toString(r.subsample()));
            props.put("seed", Long.toString(r.seed()));

            int threads = r.vocabulary().threads();
            // The dense block takes at most a quarter of the budget; the hash buffers get the rest.
            int dense = denseSize(vocab.size(), r.memoryBytes() / 4 / threads);
            long denseBytes = 8L * CooccurrenceCounter.denseCells(dense) * threads;
            Subsampler subsampler = r.subsample() > 0 ? new Subsampler(vocab.counts(), vocab.totalCount(), r.subsample(), r.seed()) : null;
            CorpusScanner scanner = new CorpusScanner(analyzer, threads, r.vocabulary().maxDocumentChars())
                    .onProgress(progress.stage("count"), 250);
            try (CooccurrenceAccumulator acc = new CooccurrenceAccumulator(dir.path().resolve("spill"),
                    Math.max(threads, r.memoryBytes() - denseBytes), threads, r.fanIn())) {
                CorpusScanner.Result<CooccurrenceCounter> scan = scanner.scan(sources, t -> new CooccurrenceCounter(vocab,
                        r.window(), r.weighting(), r.keepOovPositions(), r.selfPairs(), subsampler, acc, dense));
                long events = 0;
                for (CooccurrenceCounter c : scan.handlers()) {
                    c.flushDense();
                    events += c.pairEvents();
                }
                props.put("corpus.countedTokens", Long.toString(scan.summary().tokens()));
                long tWrite = System.nanoTime();
                try (CountStoreWriter w = CountStoreWriter.create(dir.path().resolve(CountStore.FILE_NAME), vocab,
                        r.weighting().scale(r.window()), props, dir.path().resolve("spill"), scatterWindow(r.memoryBytes()))) {
                    acc.finish(w);
                    w.commit();
                }
                java.nio.file.Files.deleteIfExists(dir.path().resolve("spill"));
                long nnz;
                long diagonalEntries = 0;
                try (CountStore store = CountStore.open(dir.path().resolve(CountStore.FILE_NAME), false)) {
                    nnz = store.nonZeros();
                    for (int i = 0; r.selfPairs() && i < store.vocabSize(); i++) {
                        diagonalEntries += store.find(i, i) >= 0 ? 1 : 0;
                    }
                }
                dir.commit();
                return new Result(vocab, vocabScan, scan.summary(), events, nnz, (nnz + diagonalEntries) / 2, acc.runsSpilled(), acc.bytesSpilled(),
                        acc.maxOpenRunFiles(), (System.nanoTime() - t0) / 1e9, (System.nanoTime() - tWrite) / 1e9);
            }
        }
    }

    /**
     * Mapped CSR bytes per scatter pass when the store is written: half the budget, because the last
     * in-memory buffer is still held while the runs are merged, clamped to [4 MiB, 256 MiB].
     */
    static long scatterWindow(long memoryBytes) {
        return Math.clamp(memoryBytes / 2, 4L << 20, CountStoreWriter.DEFAULT_SCATTER_WINDOW_BYTES);
    }

    /** Largest k <= min(V, 4096) whose dense upper triangle fits in {@code bytes}. */
    static int denseSize(int vocabSize, long bytes) {
        int k = Math.min(vocabSize, 4096);
        while (k > 0 && 8L * CooccurrenceCounter.denseCells(k) > bytes) {
            k = k * 7 / 8;
        }
        return k;
    }
}
