package yuelao.engine.count;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.storage.counts.PairCountBuffer;
import yuelao.storage.counts.PairKey;
import yuelao.tokenizer.scan.TokenHandler;
import yuelao.core.Vocabulary;

/**
 * One tokenizer thread's co-occurrence counting (docs/method.md section 1). Per document: map each token to its
 * vocabulary id (no String is made), delete out-of-vocabulary tokens before windowing (or keep their
 * positions as gaps with {@code keepOovPositions}), optionally subsample, then for every pair of positions
 * s < t with t - s <= W add units(t - s) to the unordered pair {a, b}. Self-pairs (a == b) are skipped
 * unless {@code selfPairs}. Windows never cross a document.
 *
 * <p>Hot path: a dense upper-triangular {@code long[]} for pairs of the {@code denseSize} most frequent
 * words (GloVe's rank-product idea: most co-occurrences are between frequent words, and an array index
 * beats a hash probe), and the fastutil buffer for the rest. The dense block is folded into the buffer
 * when the thread ends.
 */
public final class CooccurrenceCounter implements TokenHandler {
    private static final int GAP = -1;

    private final Vocabulary vocabulary;
    private final int window;
    private final long[] unitsByDistance;
    private final boolean keepOovPositions;
    private final boolean selfPairs;
    private final Subsampler subsampler;
    private final CooccurrenceAccumulator accumulator;
    private final PairCountBuffer buffer;
    private final int denseSize;
    private final long[] dense;

    private int[] ids = new int[1024];
    private int length;
    private long document;
    private int position;
    private long pairEvents;

    public CooccurrenceCounter(Vocabulary vocabulary, int window, WindowWeighting weighting, boolean keepOovPositions,
            boolean selfPairs, Subsampler subsampler, CooccurrenceAccumulator accumulator, int denseSize) {
        this.vocabulary = vocabulary;
        this.window = window;
        this.unitsByDistance = weighting.unitsByDistance(window);
        this.keepOovPositions = keepOovPositions;
        this.selfPairs = selfPairs;
        this.subsampler = subsampler;
        this.accumulator = accumulator;
        this.buffer = accumulator.newThreadBuffer();
        this.denseSize = Math.min(denseSize, vocabulary.size());
        this.dense = new long[denseCells(this.denseSize)];
    }

    /** Cells of the upper triangle (a <= b) of a k x k block. */
    public static int denseCells(int k) {
        return (int) ((long) k * (k + 1) / 2);
    }

    @Override
    public void startDocument(long index) {
        document = index;
        length = 0;
        position = 0;
    }

    @Override
    public void token(char[] term, int len) {
        int id = vocabulary.id(term, 0, len);
        int pos = position++;
        if (id < 0) {
            if (keepOovPositions) {
                append(GAP);
            }
            return;
        }
        if (subsampler != null && !subsampler.keep(id, document, pos)) {
            return; // deleted before windowing, like word2vec's subsampling (it widens the window)
        }
        append(id);
    }

    private void append(int id) {
        if (length == ids.length) {
            ids = Arrays.copyOf(ids, length * 2);
        }
        ids[length++] = id;
    }

    @Override
    public void endDocument() {
        final int[] ids = this.ids;
        final int n = length;
        final int k = denseSize;
        final long[] dense = this.dense;
        final long[] units = unitsByDistance;
        long events = 0;
        for (int s = 0; s < n; s++) {
            int a = ids[s];
            if (a < 0) {
                continue;
            }
            int end = Math.min(n - 1, s + window);
            for (int t = s + 1; t <= end; t++) {
                int b = ids[t];
                if (b < 0 || (a == b && !selfPairs)) {
                    continue;
                }
                int lo = Math.min(a, b);
                int hi = Math.max(a, b);
                long u = units[t - s];
                if (hi < k) {
                    dense[(int) ((long) hi * (hi + 1) / 2) + lo] += u;
                } else {
                    if (buffer.isFull()) {
                        spill();
                    }
                    buffer.add(PairKey.unordered(lo, hi), u);
                }
                events++;
            }
        }
        pairEvents += events;
    }

    private void spill() {
        try {
            accumulator.spill(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Folds the dense block into the buffer (spilling as needed); call once after the scan. */
    public void flushDense() {
        int k = denseSize;
        for (int hi = 0; hi < k; hi++) {
            int base = (int) ((long) hi * (hi + 1) / 2);
            for (int lo = 0; lo <= hi; lo++) {
                long u = dense[base + lo];
                if (u != 0) {
                    if (buffer.isFull()) {
                        spill();
                    }
                    buffer.add(PairKey.unordered(lo, hi), u);
                }
            }
        }
        Arrays.fill(dense, 0);
    }

    /** Co-occurrence events (position pairs) counted by this thread. */
    public long pairEvents() {
        return pairEvents;
    }
}
