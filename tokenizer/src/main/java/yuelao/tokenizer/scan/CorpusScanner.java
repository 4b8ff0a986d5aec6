package yuelao.tokenizer.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.analysis.Analyzers;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.phrase.PhraseJoiner;
import yuelao.tokenizer.phrase.PhraseTable;

/**
 * The streaming tokenization pipeline: one reader thread cuts the inputs into document batches (bounded
 * pool, so memory stays bounded), {@code threads} tokenizer threads run the Lucene chain over each
 * document and feed their own {@link TokenHandler}. Per token nothing is allocated: the TokenStream, its
 * term buffer, the document reader and the batches are all reused.
 *
 * <p>Which thread sees which document depends on timing, so handlers must combine into results that do
 * not depend on it (sums, for instance). Documents keep their corpus-order index.
 */
public final class CorpusScanner {
    private final AnalyzerSpec spec;
    private final int threads;
    private final int maxDocumentChars;
    private boolean asciiFastPath = true;
    private PhraseTable phrases;
    private Consumer<ScanProgress> progress = p -> {};
    private long progressIntervalMillis = 500;

    public CorpusScanner(AnalyzerSpec spec, int threads, int maxDocumentChars) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.spec = spec;
        this.threads = threads;
        this.maxDocumentChars = maxDocumentChars;
    }

    public CorpusScanner(AnalyzerSpec spec, int threads) {
        this(spec, threads, DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS);
    }

    /**
     * Whether documents made of ASCII only take the analyzer's {@link AsciiFastPath} when it has one (default true;
     * the tokens are the same either way, which is what the tests check with this switch, and benchmarks time both).
     */
    public CorpusScanner asciiFastPath(boolean on) {
        this.asciiFastPath = on;
        return this;
    }

    /**
     * The heap a scan with these settings holds whatever the corpus: the pool of document batches (two per thread and
     * one more, each of at least 512 Ki chars or a whole maximal document) and each thread's analyzer chain (about a
     * megabyte). What a caller budgets before it starts.
     */
    public static long heapBytes(int threads, int maxDocumentChars) {
        long batchChars = Math.max(maxDocumentChars + 1L, 1L << 19);
        return (2L * threads + 1) * batchChars * Character.BYTES + threads * (1L << 20);
    }

    /**
     * Joins the phrases of {@code table} (null = none) before the handlers see the tokens ({@link PhraseJoiner}); documents
     * are then always tokenized one by one, so that no phrase is joined across a line. The table must be made of this
     * scanner's analyzer's tokens.
     */
    public CorpusScanner phrases(PhraseTable table) throws IOException {
        if (table != null) {
            table.requireAnalyzer(spec);
        }
        this.phrases = table;
        return this;
    }

    /** Receives a snapshot about every {@code intervalMillis} while scanning (from a monitor thread). */
    public CorpusScanner onProgress(Consumer<ScanProgress> listener, long intervalMillis) {
        this.progress = listener;
        this.progressIntervalMillis = intervalMillis;
        return this;
    }

    /**
     * Scans the inputs. {@code handlers.apply(t)} makes the handler of tokenizer thread t; the list of
     * handlers is returned in thread order together with the summary.
     */
    public <H extends TokenHandler> Result<H> scan(List<InputSource> inputs, IntFunction<H> handlers) throws IOException {
        long t0 = System.nanoTime();
        LongAdder overLong = new LongAdder();
        Analyzer analyzer = Analyzers.create(spec, overLong);
        DocumentReader reader = new DocumentReader(inputs, maxDocumentChars);
        int batchChars = Math.max(maxDocumentChars + 1, 1 << 19);
        int poolSize = threads * 2 + 1;
        BlockingQueue<DocumentBatch> free = new ArrayBlockingQueue<>(poolSize);
        BlockingQueue<DocumentBatch> full = new ArrayBlockingQueue<>(poolSize + threads);
        for (int i = 0; i < poolSize; i++) {
            free.add(new DocumentBatch(batchChars));
        }
        DocumentBatch endMarker = new DocumentBatch(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong tokens = new AtomicLong();
        List<H> handlerList = new ArrayList<>();
        List<PhraseJoiner> joiners = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            H handler = handlers.apply(t);
            handlerList.add(handler);
            TokenHandler target = handler;
            if (phrases != null) {
                PhraseJoiner joiner = new PhraseJoiner(phrases, handler);
                joiners.add(joiner);
                target = joiner;
            }
            TokenHandler first = target;
            Thread w = new Thread(() -> {
                try {
                    AsciiFastPath fast = asciiFastPath ? AsciiFastPath.forSpec(spec, overLong) : null;
                    tokenize(analyzer, fast, first, !first.needsDocuments() && spec.breaksAtLineEnds(), free, full, endMarker, tokens,
                            failure);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    full.clear();
                    free.clear();
                }
            }, "yuelao-tokenizer-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        Thread monitor = startMonitor(reader, tokens, t0);
        try {
            while (failure.get() == null) {
                DocumentBatch b = free.poll(100, TimeUnit.MILLISECONDS);
                if (b == null) {
                    continue;
                }
                if (!reader.fill(b)) {
                    break;
                }
                while (!full.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    if (failure.get() != null) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            for (int t = 0; t < threads; t++) {
                full.offer(endMarker);
            }
            try {
                for (Thread w : workers) {
                    w.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            monitor.interrupt();
            reader.close();
            analyzer.close();
        }
        Throwable f = failure.get();
        if (f != null) {
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new IOException(f);
        }
        long elapsed = System.nanoTime() - t0;
        progress.accept(new ScanProgress(reader.rawBytesRead(), reader.totalRawBytes(), tokens.get(), reader.documents(), elapsed));
        long handed = tokens.get();
        long joined = 0;
        if (phrases != null) {
            handed = 0;
            for (PhraseJoiner j : joiners) {
                handed += j.tokensOut();
                joined += j.phrasesJoined();
            }
        }
        ScanSummary summary = new ScanSummary(reader.documents(), handed, reader.rawBytesRead(), reader.decodedBytes(),
                reader.malformedSequences(), reader.firstMalformedLocation(), overLong.sum(), reader.splitLines(),
                reader.skippedEmptyFiles(), elapsed, joined);
        return new Result<>(handlerList, summary);
    }

    /**
     * @param wholeBatch tokenize each batch as one stream (its documents separated by line feeds): for handlers that
     *     do not need document boundaries, with an analyzer that never joins tokens across a line end
     * @param fast the ASCII path of the analyzer (null if none): documents made of ASCII only go through it, the others
     *     through the Lucene chain
     */
    private static void tokenize(Analyzer analyzer, AsciiFastPath fast, TokenHandler handler, boolean wholeBatch,
            BlockingQueue<DocumentBatch> free, BlockingQueue<DocumentBatch> full, DocumentBatch endMarker, AtomicLong tokenTotal,
            AtomicReference<Throwable> failure) throws IOException, InterruptedException {
        CharSliceReader slice = new CharSliceReader();
        while (true) {
            DocumentBatch b = full.take();
            if (b == endMarker || failure.get() != null) {
                break;
            }
            char[] chars = b.chars();
            long localTokens = 0;
            int n = b.size();
            if (wholeBatch) {
                handler.startDocument(b.firstDocumentIndex());
                // runs of documents that take the same path, each run as one text (line feeds between documents)
                for (int d = 0; d < n; ) {
                    boolean viaFast = fastFits(fast, b, d);
                    int e = d + 1;
                    while (e < n && fastFits(fast, b, e) == viaFast) {
                        e++;
                    }
                    localTokens += viaFast ? fast.tokenize(chars, b.start(d), b.end(e - 1), handler)
                            : lucene(analyzer, slice, chars, b.start(d), b.end(e - 1), handler);
                    d = e;
                }
                handler.endDocument();
            } else {
                for (int d = 0; d < n; d++) {
                    handler.startDocument(b.firstDocumentIndex() + d);
                    localTokens += fastFits(fast, b, d) ? fast.tokenize(chars, b.start(d), b.end(d), handler)
                            : lucene(analyzer, slice, chars, b.start(d), b.end(d), handler);
                    handler.endDocument();
                }
            }
            tokenTotal.addAndGet(localTokens);
            free.put(b);
        }
    }

    private static boolean fastFits(AsciiFastPath fast, DocumentBatch b, int d) {
        return fast != null && b.ascii(d) && b.end(d) - b.start(d) <= AsciiFastPath.MAX_TEXT_CHARS;
    }

    /** The Lucene chain over chars[from, to); returns the tokens passed on. */
    private static long lucene(Analyzer analyzer, CharSliceReader slice, char[] chars, int from, int to, TokenHandler handler) throws IOException {
        long tokens = 0;
        slice.set(chars, from, to - from);
        try (TokenStream ts = analyzer.tokenStream("text", slice)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                handler.token(term.buffer(), term.length());
                tokens++;
            }
            ts.end();
        }
        return tokens;
    }

    private Thread startMonitor(DocumentReader reader, AtomicLong tokens, long t0) {
        Thread m = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(progressIntervalMillis);
                    progress.accept(new ScanProgress(reader.rawBytesRead(), reader.totalRawBytes(), tokens.get(),
                            reader.documents(), System.nanoTime() - t0));
                }
            } catch (InterruptedException e) {
                // scan finished
            }
        }, "yuelao-progress");
        m.setDaemon(true);
        m.start();
        return m;
    }

    /** The handlers, in thread order, and what the scan read. */
    public record Result<H>(List<H> handlers, ScanSummary summary) {}
}
