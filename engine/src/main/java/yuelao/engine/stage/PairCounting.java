package yuelao.engine.stage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import yuelao.core.AnalyzerSpec;
import yuelao.core.Vocabulary;
import yuelao.engine.count.CooccurrenceCounter;
import yuelao.engine.count.Subsampler;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.storage.counts.PairSink;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.ScanProgress;
import yuelao.tokenizer.scan.ScanSummary;
import yuelao.tokenizer.scan.TokenHandler;

/**
 * The counting pass of stage 2 over a stretch of corpus (docs/method.md section 1): scans it, counts every windowed pair
 * into per-thread buffers that spill sorted runs within the memory budget, and then drains the merged stream (strictly
 * increasing pair keys, exact integer units) into a sink. {@link CountingStage} runs it once over the whole corpus and
 * drains it into the store writer; a distributed job runs it once per input split and drains it into shuffle blocks.
 *
 * <p>Since units are integers and the merge sums them, the streams of any cut of a corpus into stretches, merged, equal
 * the stream of the whole corpus, provided each stretch numbers its documents from its {@linkplain Builder#firstDocument
 * first document's index in the whole corpus}: the subsampling draw is keyed by that index. Made by {@link #over}; the
 * counts stay in memory and in spill files under {@link Builder#spillDirectory} until {@link #drainTo} or {@link #close}.
 */
public final class PairCounting implements Closeable {
    private final CooccurrenceAccumulator accumulator;
    private final ScanSummary summary;
    private final long pairEvents;

    private PairCounting(CooccurrenceAccumulator accumulator, ScanSummary summary, long pairEvents) {
        this.accumulator = accumulator;
        this.summary = summary;
        this.pairEvents = pairEvents;
    }

    /** A counting pass over {@code sources}, in their order; the builder names the rest. */
    public static Builder over(List<InputSource> sources) {
        return new Builder(sources);
    }

    /** What the scan read. */
    public ScanSummary summary() {
        return summary;
    }

    /** Co-occurrence events (position pairs) counted. */
    public long pairEvents() {
        return pairEvents;
    }

    /** Merges every run into {@code sink}: strictly increasing keys, units summed. Call once; the spill files are gone after. */
    public void drainTo(PairSink sink) throws IOException {
        accumulator.finish(sink);
    }

    /** Runs spilled while counting. */
    public int runsSpilled() {
        return accumulator.runsSpilled();
    }

    /** Bytes of the spilled runs. */
    public long bytesSpilled() {
        return accumulator.bytesSpilled();
    }

    /** The most run files open at once in the merge. */
    public int maxOpenRunFiles() {
        return accumulator.maxOpenRunFiles();
    }

    /** Deletes the spill files not yet merged (when the pass is abandoned). */
    @Override
    public void close() throws IOException {
        accumulator.close();
    }

    /** The named parts of a counting pass. */
    public static final class Builder {
        private final List<InputSource> sources;
        private long firstDocument;
        private Vocabulary vocabulary;
        private AnalyzerSpec analyzer;
        private int maxDocumentChars;
        private PhraseTable phrases;
        private CountSettings settings;
        private int threads = 1;
        private Path spillDirectory;
        private Consumer<ScanProgress> progress = p -> {};

        private Builder(List<InputSource> sources) {
            this.sources = List.copyOf(sources);
        }

        /** The index, in the whole corpus, of the first document of these sources (0 for a whole corpus). */
        public Builder firstDocument(long index) {
            if (index < 0) {
                throw new IllegalArgumentException("negative document index " + index);
            }
            this.firstDocument = index;
            return this;
        }

        public Builder vocabulary(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        /** How text becomes tokens, and the longest document (longer lines are split). */
        public Builder analysis(AnalyzerSpec analyzer, int maxDocumentChars) {
            this.analyzer = analyzer;
            this.maxDocumentChars = maxDocumentChars;
            return this;
        }

        /** The phrase table joined into single tokens while reading (null: none), as the vocabulary was built. */
        public Builder phrases(PhraseTable phrases) {
            this.phrases = phrases;
            return this;
        }

        public Builder settings(CountSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Tokenizer threads; the budget of {@link CountSettings#memoryBytes()} is shared among them. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Where spill runs go (created if missing). */
        public Builder spillDirectory(Path dir) {
            this.spillDirectory = dir;
            return this;
        }

        public Builder progress(Consumer<ScanProgress> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** Scans and counts; the result holds the counts until drained. */
        public PairCounting scan() throws IOException {
            Vocabulary vocab = Objects.requireNonNull(vocabulary, "vocabulary");
            CountSettings cs = Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(analyzer, "analyzer");
            Objects.requireNonNull(spillDirectory, "spillDirectory");
            // The dense block takes at most a quarter of the budget; the hash buffers get the rest.
            int dense = CountingStage.denseSize(vocab.size(), cs.memoryBytes() / 4 / threads);
            long denseBytes = 8L * CooccurrenceCounter.denseCells(dense) * threads;
            Subsampler subsampler = cs.subsample() > 0 ? new Subsampler(vocab.counts(), vocab.totalCount(), cs.subsample(), cs.seed()) : null;
            CorpusScanner scanner = new CorpusScanner(analyzer, threads, maxDocumentChars).phrases(phrases).onProgress(progress, 250);
            CooccurrenceAccumulator acc = new CooccurrenceAccumulator(spillDirectory, Math.max(threads, cs.memoryBytes() - denseBytes), threads,
                    cs.fanIn());
            try {
                long base = firstDocument;
                List<CooccurrenceCounter> counters = new ArrayList<>(); // made by the scanner's caller thread, in thread order
                CorpusScanner.Result<TokenHandler> scan = scanner.scan(sources, t -> {
                    CooccurrenceCounter c = new CooccurrenceCounter(vocab, cs.window(), cs.weighting(), cs.keepOovPositions(),
                            cs.selfPairs(), subsampler, acc, dense);
                    counters.add(c);
                    return base == 0 ? c : new ShiftedDocuments(c, base);
                });
                long events = 0;
                for (CooccurrenceCounter c : counters) {
                    c.flushDense();
                    events += c.pairEvents();
                }
                return new PairCounting(acc, scan.summary(), events);
            } catch (IOException | RuntimeException | Error e) {
                acc.close();
                throw e;
            }
        }
    }

    /** Numbers a stretch's documents from its first document's index in the whole corpus (the subsampling key). */
    private static final class ShiftedDocuments implements TokenHandler {
        private final TokenHandler counter;
        private final long base;

        ShiftedDocuments(TokenHandler counter, long base) {
            this.counter = counter;
            this.base = base;
        }

        @Override
        public void startDocument(long index) {
            counter.startDocument(base + index);
        }

        @Override
        public void token(char[] term, int length) {
            counter.token(term, length);
        }

        @Override
        public void endDocument() {
            counter.endDocument();
        }
    }
}
