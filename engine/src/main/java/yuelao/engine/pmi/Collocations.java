package yuelao.engine.pmi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import yuelao.core.Vocabulary;
import yuelao.engine.linalg.Parallel;
import yuelao.storage.counts.CountStore;

/**
 * Collocation lists from a count store: the corpus-wide top pairs by a measure, or the top collocates of one node word.
 * One streaming pass over the store's rows (row ranges split between threads), each thread keeping a bounded heap of
 * the best pairs; memory is O(top x threads) besides the memory-mapped store, and nothing is allocated per pair.
 *
 * <p>Which pairs: each observed pair of two different words passing the {@link Filter}. For a symmetric measure each
 * unordered pair is scored once, the more frequent word (lower id) as word1; for Delta P and Log Ratio both orders are
 * candidates, word1 being x. For a node word, word1 is always the node. Ranking: the higher score, then the larger pair
 * count, then the lower ids: the result is the same for any thread count.
 */
public final class Collocations {
    private Collocations() {}

    /**
     * One pair of a collocation list: the shape {@code collocations --json} writes.
     *
     * @param pairCount f_xy, the pair's count in the store (x_ab)
     */
    public record Collocation(int id1, int id2, String word1, String word2, double pairCount, double score) {}

    /**
     * Which pairs may enter a list.
     *
     * @param minCount the least pair count f_xy
     * @param minLength the least length of both words, in code points (1 = any)
     * @param stopwords words that may not be part of a pair
     */
    public record Filter(double minCount, int minLength, Set<String> stopwords) {
        public Filter {
            if (!(minCount >= 0) || Double.isInfinite(minCount)) {
                throw new IllegalArgumentException("--min-count must be a number >= 0, got " + minCount);
            }
            if (minLength < 1) {
                throw new IllegalArgumentException("--min-length must be at least 1, got " + minLength);
            }
            stopwords = Set.copyOf(stopwords);
        }

        /** Only a least pair count. */
        public static Filter minCount(double minCount) {
            return new Filter(minCount, 1, Set.of());
        }

        /** Which word ids may take part. */
        boolean[] words(Vocabulary v) {
            boolean[] keep = new boolean[v.size()];
            for (int i = 0; i < keep.length; i++) {
                String w = v.word(i);
                keep[i] = w.codePointCount(0, w.length()) >= minLength && !stopwords.contains(w);
            }
            return keep;
        }
    }

    /**
     * The corpus-wide top pairs.
     *
     * @param top how many (at least 0)
     * @param threads row ranges scanned at once (the result does not depend on it)
     */
    public static List<Collocation> top(PairScorer scorer, int top, Filter filter, int threads) {
        requireTop(top);
        CountStore c = scorer.store().counts();
        Vocabulary v = scorer.vocabulary();
        boolean[] keep = filter.words(v);
        boolean bothOrders = !scorer.measure().symmetric();
        int n = v.size();
        int parts = Math.max(1, Math.min(threads, n));
        long[] cumulative = new long[n + 1];
        for (int i = 0; i < n; i++) {
            cumulative[i + 1] = c.rowEnd(i);
        }
        int[] bounds = Parallel.balanced(cumulative, n, parts);
        TopPairs[] heaps = new TopPairs[parts];
        double scale = c.scale();
        double minCount = filter.minCount();
        int capacity = (int) Math.min(top, c.nonZeros()); // no more pairs than the store holds: a huge --top allocates nothing huge
        Parallel.run(parts, bounds, (t, from, to) -> {
            TopPairs heap = new TopPairs(capacity);
            for (int i = from; i < to; i++) {
                if (!keep[i]) {
                    continue;
                }
                for (long k = c.rowStart(i), end = c.rowEnd(i); k < end; k++) {
                    int j = c.column(k);
                    if (j == i || (!bothOrders && j < i) || !keep[j]) {
                        continue;
                    }
                    double x = c.units(k) / scale;
                    if (x < minCount) {
                        continue;
                    }
                    heap.offer(scorer.value(i, j, x), x, TopPairs.key(i, j));
                }
            }
            heaps[t] = heap;
        });
        TopPairs all = heaps[0];
        for (int t = 1; t < parts; t++) {
            all.addAll(heaps[t]);
        }
        return list(all, v);
    }

    /** The top collocates of one node word (word1 = the node), from one scan of its row. */
    public static List<Collocation> ofWord(PairScorer scorer, int node, int top, Filter filter) {
        requireTop(top);
        CountStore c = scorer.store().counts();
        Vocabulary v = scorer.vocabulary();
        boolean[] keep = filter.words(v);
        TopPairs heap = new TopPairs((int) Math.min(top, c.rowEnd(node) - c.rowStart(node))); // at most the row's entries
        double scale = c.scale();
        for (long k = c.rowStart(node), end = c.rowEnd(node); k < end; k++) {
            int j = c.column(k);
            if (j == node || !keep[j]) {
                continue; // self-pairs are not associations (docs/method.md section 1)
            }
            double x = c.units(k) / scale;
            if (x < filter.minCount()) {
                continue;
            }
            heap.offer(scorer.value(node, j, x), x, TopPairs.key(node, j));
        }
        return list(heap, v);
    }

    private static void requireTop(int top) {
        if (top < 0) {
            throw new IllegalArgumentException("--top must be >= 0, got " + top);
        }
    }

    private static List<Collocation> list(TopPairs heap, Vocabulary v) {
        List<Collocation> out = new ArrayList<>(heap.size());
        for (int p : heap.order()) {
            long key = heap.key(p);
            int i = (int) (key >>> 32);
            int j = (int) key;
            out.add(new Collocation(i, j, v.word(i), v.word(j), heap.count(p), heap.score(p)));
        }
        return out;
    }

    /**
     * The list as one JSON object: {@code {"measure": ..., "settings": ..., "node": ... or null, "collocations": [{"word1":
     * ..., "word2": ..., "pairCount": ..., "score": ...}, ...]}}. Counts are integers when whole; a score that is not finite
     * is {@code null}.
     */
    public static String toJson(String measure, String settings, String node, List<Collocation> list) {
        StringBuilder sb = new StringBuilder(64 + 80 * list.size());
        sb.append("{\"measure\": ").append(quote(measure)).append(", \"settings\": ").append(quote(settings)).append(", \"node\": ")
                .append(node == null ? "null" : quote(node)).append(", \"collocations\": [");
        for (int t = 0; t < list.size(); t++) {
            Collocation c = list.get(t);
            sb.append(t > 0 ? ", " : "").append("{\"word1\": ").append(quote(c.word1())).append(", \"word2\": ").append(quote(c.word2()))
                    .append(", \"pairCount\": ").append(number(c.pairCount())).append(", \"score\": ").append(number(c.score())).append('}');
        }
        return sb.append("]}").toString();
    }

    /** A count or score as text: whole numbers without a fraction, others in full precision; "null" if not finite. */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return "null";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
