package yuelao.engine.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import yuelao.core.StoreKeys;
import yuelao.engine.count.CooccurrenceCounter;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreWriter;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.vocab.StoredVocabulary;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.ScanProgress;
import yuelao.tokenizer.scan.ScanSummary;
import yuelao.core.Vocabulary;
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
    private CountingStage() {}

    /** One counting job: the corpus, how to make or where to find the vocabulary, how to count. Made by {@link #job()}. */
    public static final class Job {
        private final List<String> inputs;
        private final VocabularySettings vocabulary;
        private final Path reuseVocabulary;
        private final CountSettings counting;
        private final int threads;

        private Job(Builder b) {
            this.inputs = List.copyOf(Objects.requireNonNull(b.inputs, "inputs"));
            this.vocabulary = b.vocabulary;
            this.reuseVocabulary = b.reuseVocabulary;
            this.counting = b.counting;
            this.threads = b.threads;
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no input: name at least one file, directory, glob or -");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
        }

        /** The corpus: files, directories (recursive), globs, or "-" for standard input. */
        public List<String> inputs() {
            return inputs;
        }

        /** How the vocabulary is built (unless one is reused). */
        public VocabularySettings vocabulary() {
            return vocabulary;
        }

        /** A vocabulary directory to reuse instead of building one (its analyzer settings win), or null. */
        public Path reuseVocabulary() {
            return reuseVocabulary;
        }

        public CountSettings counting() {
            return counting;
        }

        public int threads() {
            return threads;
        }

        public static final class Builder {
            private List<String> inputs;
            private VocabularySettings vocabulary = VocabularySettings.builder().build();
            private Path reuseVocabulary;
            private CountSettings counting = CountSettings.builder().build();
            private int threads = Runtime.getRuntime().availableProcessors();

            private Builder() {}

            public Builder inputs(List<String> inputs) {
                this.inputs = inputs;
                return this;
            }

            public Builder vocabulary(VocabularySettings vocabulary) {
                this.vocabulary = Objects.requireNonNull(vocabulary);
                return this;
            }

            public Builder reuseVocabulary(Path dir) {
                this.reuseVocabulary = dir;
                return this;
            }

            public Builder counting(CountSettings counting) {
                this.counting = Objects.requireNonNull(counting);
                return this;
            }

            public Builder threads(int threads) {
                this.threads = threads;
                return this;
            }

            public Job build() {
                return new Job(this);
            }
        }
    }

    public static Job.Builder job() {
        return new Job.Builder();
    }

    /** What a counting run did. */
    public record Result(Vocabulary vocabulary, ScanSummary vocabularyScan, ScanSummary countScan, long pairEvents,
            long nonZeros, long unorderedPairs, int runsSpilled, long bytesSpilled, int maxOpenRunFiles, double seconds,
            double writeSeconds) {}

    /** Progress callbacks: stage name and scan snapshot. */
    public interface Progress {
        /** No progress reports. */
        Progress NONE = name -> snapshot -> {};

        Consumer<ScanProgress> stage(String name);
    }

    public static Result run(Job r, Path out, boolean force, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        CountSettings cs = r.counting();
        checkMemory(r, Runtime.getRuntime().maxMemory());
        List<InputSource> sources = InputFiles.expand(r.inputs());
        if (r.reuseVocabulary() == null && sources.stream().anyMatch(InputSource::isStdin)) {
            throw new CorpusException("-", "standard input can be read only once, but counting reads the corpus twice "
                    + "(vocabulary, then pairs): build the vocabulary first with 'yuelao vocab' and pass --vocab DIR");
        }
        AtomicDirectory.removeStale(out);
        List<Path> inputs = new java.util.ArrayList<>(VocabularyStage.inputPaths(sources));
        if (r.reuseVocabulary() != null) {
            inputs.add(r.reuseVocabulary());
        }
        try (AtomicDirectory dir = AtomicDirectory.begin(out, CountStore.DIRECTORY_KIND, force, inputs)) {
            Vocabulary vocab;
            AnalyzerSpec analyzer;
            ScanSummary vocabScan = null;
            Map<String, String> props = new LinkedHashMap<>();
            PhraseTable phrases;
            if (r.reuseVocabulary() != null) {
                StoredVocabulary stored = VocabularyFile.read(r.reuseVocabulary());
                vocab = stored.vocabulary();
                analyzer = AnalyzerSpec.fromProperties(stored.properties());
                // the pairs are counted over the tokens the vocabulary was made of: its phrase table, or none
                PhraseTable given = r.vocabulary().phrases();
                phrases = PhraseTableFile.recorded(stored.properties(), given == null ? null : given.source(), r.reuseVocabulary().toString());
                props.putAll(stored.properties());
                VocabularyFile.write(dir.path(), vocab, stored.properties());
            } else {
                VocabularyBuilder.Result vr = VocabularyStage.build(r.inputs(), r.vocabulary(), r.threads(), progress.stage("vocab"));
                vocab = vr.vocabulary();
                analyzer = r.vocabulary().analyzer();
                phrases = r.vocabulary().phrases();
                vocabScan = vr.scan();
                Map<String, String> vprops = VocabularyStage.properties(r.vocabulary(), vr);
                props.putAll(vprops);
                VocabularyFile.write(dir.path(), vocab, vprops);
            }
            props.putAll(cs.toProperties());

            try (PairCounting counted = PairCounting.over(sources).vocabulary(vocab).analysis(analyzer, r.vocabulary().maxDocumentChars())
                    .phrases(phrases).settings(cs).threads(r.threads()).spillDirectory(dir.path().resolve("spill")).progress(progress.stage("count")).scan()) {
                props.put(StoreKeys.CORPUS_COUNTED_TOKENS, Long.toString(counted.summary().tokens()));
                long tWrite = System.nanoTime();
                try (CountStoreWriter w = CountStoreWriter.create(dir.path().resolve(CountStore.FILE_NAME), vocab,
                        cs.weighting().scale(cs.window()), props, dir.path().resolve("spill"), scatterWindow(cs.memoryBytes()))) {
                    counted.drainTo(w);
                    w.commit();
                }
                java.nio.file.Files.deleteIfExists(dir.path().resolve("spill"));
                long nnz;
                long diagonalEntries = 0;
                try (CountStore store = CountStore.open(dir.path().resolve(CountStore.FILE_NAME), false)) {
                    nnz = store.nonZeros();
                    for (int i = 0; cs.selfPairs() && i < store.vocabSize(); i++) {
                        diagonalEntries += store.find(i, i) >= 0 ? 1 : 0;
                    }
                }
                dir.commit();
                return new Result(vocab, vocabScan, counted.summary(), counted.pairEvents(), nnz, (nnz + diagonalEntries) / 2,
                        counted.runsSpilled(), counted.bytesSpilled(), counted.maxOpenRunFiles(), (System.nanoTime() - t0) / 1e9,
                        (System.nanoTime() - tWrite) / 1e9);
            }
        }
    }

    /**
     * Refuses, before any work, settings whose fixed memory cannot fit: each counting thread needs at least 256 KiB of
     * the budget, and the budget, the tokenizer pool ({@link CorpusScanner#heapBytes}) and the last buffer held while
     * the store is written must fit in the heap. A user sees one line naming the options to change, not an
     * OutOfMemoryError an hour later.
     */
    static void checkMemory(Job r, long maxHeap) {
        CountSettings cs = r.counting();
        int threads = r.threads();
        if (cs.memoryBytes() / threads < (256L << 10)) {
            throw new IllegalArgumentException("--memory " + yuelao.core.ByteSize.format(cs.memoryBytes()) + " is too small for --threads "
                    + threads + ": each counting thread needs at least 256k (raise --memory to " + yuelao.core.ByteSize.format(threads * (256L << 10))
                    + " or use fewer threads)");
        }
        long scanner = CorpusScanner.heapBytes(threads, r.vocabulary().maxDocumentChars());
        long need = cs.memoryBytes() + scatterWindow(cs.memoryBytes()) + scanner;
        if (need > maxHeap) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "counting with --memory %s and --threads %d needs about %d MiB of heap (budget, store writing, tokenizer buffers), "
                    + "this JVM has %d MiB: lower --memory or --threads, or raise YUELAO_HEAP", yuelao.core.ByteSize.format(cs.memoryBytes()),
                    threads, need >> 20, maxHeap >> 20));
        }
    }

    /**
     * Mapped CSR bytes per scatter pass when the store is written: half the budget, because the last
     * in-memory buffer is still held while the runs are merged, clamped to [4 MiB, 256 MiB].
     */
    public static long scatterWindow(long memoryBytes) {
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
