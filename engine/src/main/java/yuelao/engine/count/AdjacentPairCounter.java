package yuelao.engine.count;

import java.io.IOException;
import java.io.UncheckedIOException;
import yuelao.core.Vocabulary;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.storage.counts.PairCountBuffer;
import yuelao.tokenizer.scan.TokenHandler;

/**
 * One tokenizer thread's count of adjacent bigrams, the second counting mode (docs/measures.md, "Phrases"): for every
 * two consecutive tokens a, b of a document, both in the vocabulary, one is added to the <em>ordered</em> pair (a, b),
 * packed as {@code (long) a << 32 | b}. A token outside the vocabulary separates its neighbours; nothing spans two
 * documents. Counts go to the accumulator's buffers (spilled within the memory budget, so the merged counts are exact
 * whatever the thread count); pairs of the {@code denseSize} most frequent words go to a dense square first.
 */
public final class AdjacentPairCounter implements TokenHandler {
    private final Vocabulary vocabulary;
    private final CooccurrenceAccumulator accumulator;
    private final PairCountBuffer buffer;
    private final int denseSize;
    private final long[] dense;
    private int previous = -1;
    private long bigrams;

    /** @param denseSize the most frequent words whose pairs are counted in a dense denseSize^2 array */
    public AdjacentPairCounter(Vocabulary vocabulary, CooccurrenceAccumulator accumulator, int denseSize) {
        this.vocabulary = vocabulary;
        this.accumulator = accumulator;
        this.buffer = accumulator.newThreadBuffer();
        this.denseSize = Math.min(denseSize, vocabulary.size());
        this.dense = new long[this.denseSize * this.denseSize];
    }

    /** The ordered pair (a, b) packed into one long: a first. */
    public static long key(int a, int b) {
        return ((long) a << 32) | b;
    }

    @Override
    public void startDocument(long index) {
        previous = -1;
    }

    @Override
    public void token(char[] term, int length) {
        int id = vocabulary.id(term, 0, length);
        int a = previous;
        previous = id;
        if (a < 0 || id < 0) {
            return;
        }
        bigrams++;
        if (a < denseSize && id < denseSize) {
            dense[a * denseSize + id]++;
            return;
        }
        add(key(a, id), 1);
    }

    @Override
    public void endDocument() {
        previous = -1;
    }

    private void add(long key, long count) {
        if (buffer.isFull()) {
            try {
                accumulator.spill(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        buffer.add(key, count);
    }

    /** Moves the dense square into the buffer (spilling as needed); call once after the scan. */
    public void flushDense() {
        int k = denseSize;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                long c = dense[a * k + b];
                if (c != 0) {
                    add(key(a, b), c);
                }
            }
        }
        java.util.Arrays.fill(dense, 0);
    }

    /** Adjacent in-vocabulary bigrams counted by this thread. */
    public long bigrams() {
        return bigrams;
    }
}
