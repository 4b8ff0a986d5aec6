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
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.analysis.Analyzers;
import yuelao.tokenizer.input.InputSource;

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
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            H handler = handlers.apply(t);
            handlerList.add(handler);
            Thread w = new Thread(() -> {
                try {
                    tokenize(analyzer, handler, !handler.needsDocuments() && spec.breaksAtLineEnds(), free, full, endMarker, tokens,
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
        ScanSummary summary = new ScanSummary(reader.documents(), tokens.get(), reader.rawBytesRead(), reader.decodedBytes(),
                reader.malformedSequences(), reader.firstMalformedLocation(), overLong.sum(), reader.splitLines(),
                reader.skippedEmptyFiles(), elapsed);
        return new Result<>(handlerList, summary);
    }

    /**
     * @param wholeBatch tokenize each batch as one stream (its documents separated by line feeds): for handlers that
     *     do not need document boundaries, with an analyzer that never joins tokens across a line end
     */
    private static void tokenize(Analyzer analyzer, TokenHandler handler, boolean wholeBatch, BlockingQueue<DocumentBatch> free,
            BlockingQueue<DocumentBatch> full, DocumentBatch endMarker, AtomicLong tokenTotal,
            AtomicReference<Throwable> failure) throws IOException, InterruptedException {
        CharSliceReader slice = new CharSliceReader();
        long localTokens = 0;
        while (true) {
            DocumentBatch b = full.take();
            if (b == endMarker || failure.get() != null) {
                break;
            }
            char[] chars = b.chars();
            for (int d = 0, n = wholeBatch ? 1 : b.size(); d < n; d++) {
                if (wholeBatch) {
                    slice.set(chars, 0, b.length());
                } else {
                    slice.set(chars, b.start(d), b.end(d) - b.start(d));
                }
                handler.startDocument(b.firstDocumentIndex() + d);
                try (TokenStream ts = analyzer.tokenStream("text", slice)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        handler.token(term.buffer(), term.length());
                        localTokens++;
                    }
                    ts.end();
                }
                handler.endDocument();
            }
            tokenTotal.addAndGet(localTokens);
            localTokens = 0;
            free.put(b);
        }
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
