package yuelao.storage.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import yuelao.core.Vocabulary;

/** Random pair events, a brute-force HashMap reference, and an exhaustive store comparison. */
final class CountsFixture {
    private CountsFixture() {}

    /** Unordered pair events (x, y may come in either order; x == y allowed). */
    record Events(int[] x, int[] y, long[] units) {
        int size() {
            return x.length;
        }
    }

    static Vocabulary vocabulary(int v) {
        String[] words = new String[v];
        long[] counts = new long[v];
        for (int i = 0; i < v; i++) {
            words[i] = String.format("w%05d", i);
            counts[i] = 10L * (v - i) + 3;
        }
        return Vocabulary.ofRanked(words, counts);
    }

    /** Ids drawn with a skew (squares of uniforms) so that some pairs repeat a lot and many stay absent. */
    static Events randomEvents(Random rnd, int n, int v, long maxUnits) {
        int[] x = new int[n];
        int[] y = new int[n];
        long[] u = new long[n];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextDouble();
            double b = rnd.nextDouble();
            x[i] = (int) (a * a * v);
            y[i] = rnd.nextInt(20) == 0 ? x[i] : (int) (b * b * v);
            u[i] = 1 + (long) (rnd.nextDouble() * maxUnits);
        }
        return new Events(x, y, u);
    }

    /** Brute force: unordered key to summed units, with boxed java.util.HashMap. */
    static Map<Long, Long> reference(Events e) {
        Map<Long, Long> ref = new HashMap<>();
        for (int i = 0; i < e.size(); i++) {
            ref.merge(PairKey.unordered(e.x()[i], e.y()[i]), e.units()[i], Long::sum);
        }
        return ref;
    }

    /** Feeds events [from, to) into one thread buffer, spilling when full. */
    static void feed(CooccurrenceAccumulator acc, PairCountBuffer buf, Events e, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            buf.add(e.x()[i], e.y()[i], e.units()[i]);
            if (buf.isFull()) {
                acc.spill(buf);
            }
        }
    }

    /** Counts with {@code threads} threads (events split in contiguous slices) and writes the store. */
    static CooccurrenceAccumulator build(Path storeFile, Path tempDir, Vocabulary vocab, Events e, long budget, int threads,
            int fanIn, long scale, Map<String, String> props) throws Exception {
        CooccurrenceAccumulator acc = new CooccurrenceAccumulator(tempDir, budget, threads, fanIn);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            PairCountBuffer buf = acc.newThreadBuffer();
            int from = (int) ((long) e.size() * t / threads);
            int to = (int) ((long) e.size() * (t + 1) / threads);
            Thread th = new Thread(() -> {
                try {
                    feed(acc, buf, e, from, to);
                } catch (Throwable x) {
                    failures.add(x);
                }
            });
            workers.add(th);
            th.start();
        }
        for (Thread th : workers) {
            th.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
        try (CountStoreWriter w = CountStoreWriter.create(storeFile, vocab, scale, props, tempDir)) {
            acc.finish(w);
            w.commit();
        }
        return acc;
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Compares the store with the reference in every way the store can be read. */
    static void assertStoreEquals(CountStore s, Map<Long, Long> ref, Vocabulary vocab, Random rnd) throws IOException {
        int v = vocab.size();
        assertEquals(v, s.vocabSize());
        assertEquals(vocab.fingerprint(), s.vocabularyFingerprint());
        // Expected rows: both directions, diagonal once.
        List<TreeMap<Integer, Long>> rows = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            rows.add(new TreeMap<>());
        }
        long x = 0;
        long diag = 0;
        long nnz = 0;
        for (Map.Entry<Long, Long> en : ref.entrySet()) {
            int a = PairKey.first(en.getKey());
            int b = PairKey.second(en.getKey());
            rows.get(a).put(b, en.getValue());
            rows.get(b).put(a, en.getValue());
            if (a != b) {
                x += 2 * en.getValue();
                nnz += 2;
            } else {
                diag += en.getValue();
                nnz++;
            }
        }
        assertEquals(nnz, s.nonZeros());
        assertEquals(x, s.totalPairUnits());
        assertEquals((double) x / s.scale(), s.totalPairMass());
        assertEquals(diag, s.diagonalUnits());
        assertEquals(vocab.totalCount(), s.totalTokens());
        for (int i = 0; i < v; i++) {
            assertEquals(vocab.count(i), s.unigramCount(i));
            assertEquals(rows.get(i).size(), s.rowEnd(i) - s.rowStart(i), "degree of row " + i);
            long k = s.rowStart(i);
            int previous = -1;
            for (Map.Entry<Integer, Long> en : rows.get(i).entrySet()) {
                int col = s.column(k);
                assertTrue(col > previous, "CSR invariant: row " + i + " columns strictly increasing");
                previous = col;
                assertEquals(en.getKey(), col, "row " + i);
                assertEquals(en.getValue(), s.units(k), "row " + i + " col " + col);
                assertEquals((double) en.getValue() / s.scale(), s.value(k));
                k++;
            }
        }
        // Random probes, most of them absent pairs.
        for (int p = 0; p < 20_000; p++) {
            int i = rnd.nextInt(v);
            int j = rnd.nextInt(v);
            long expected = ref.getOrDefault(PairKey.unordered(i, j), 0L);
            assertEquals(expected, s.pairUnits(i, j));
            assertEquals((double) expected / s.scale(), s.count(i, j));
        }
        // Upper-triangle stream: sorted reference order.
        TreeMap<Long, Long> sorted = new TreeMap<>(ref);
        List<long[]> streamed = new ArrayList<>();
        s.forEachUpperPair((key, units) -> streamed.add(new long[] {key, units}));
        assertEquals(sorted.size(), streamed.size());
        int idx = 0;
        for (Map.Entry<Long, Long> en : sorted.entrySet()) {
            assertEquals(en.getKey(), streamed.get(idx)[0]);
            assertEquals(en.getValue(), streamed.get(idx)[1]);
            idx++;
        }
        assertFalse(s.upperPairs().next() && sorted.isEmpty());
    }
}
