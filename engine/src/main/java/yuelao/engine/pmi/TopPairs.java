package yuelao.engine.pmi;

/**
 * The k best (score, count, pair) entries offered, in a bounded binary min-heap of primitive arrays (nothing is
 * allocated per offer). Order: the higher score first; equal scores, the larger count; then the smaller packed pair key
 * ((long) i << 32 | j, i.e. the lower first id, then the lower second id). The order is total, so the kept entries do
 * not depend on the order of the offers, and heaps of disjoint parts merge into the same result. NaN is never kept.
 * Not thread-safe: one per thread.
 */
final class TopPairs {
    private final int k;
    private final double[] scores;
    private final double[] counts;
    private final long[] keys;
    private int size;

    TopPairs(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k = " + k);
        }
        this.k = k;
        this.scores = new double[k];
        this.counts = new double[k];
        this.keys = new long[k];
    }

    static long key(int i, int j) {
        return ((long) i << 32) | (j & 0xFFFFFFFFL);
    }

    int size() {
        return size;
    }

    void offer(double score, double count, long key) {
        if (score != score || k == 0) {
            return;
        }
        if (size < k) {
            scores[size] = score;
            counts[size] = count;
            keys[size] = key;
            siftUp(size++);
        } else if (better(score, count, key, scores[0], counts[0], keys[0])) {
            scores[0] = score;
            counts[0] = count;
            keys[0] = key;
            siftDown();
        }
    }

    void addAll(TopPairs other) {
        for (int t = 0; t < other.size; t++) {
            offer(other.scores[t], other.counts[t], other.keys[t]);
        }
    }

    /** Positions of the kept entries, best first. */
    int[] order() {
        Integer[] o = new Integer[size];
        for (int t = 0; t < size; t++) {
            o[t] = t;
        }
        java.util.Arrays.sort(o, (p, q) -> better(scores[p], counts[p], keys[p], scores[q], counts[q], keys[q]) ? -1 : p.equals(q) ? 0 : 1);
        int[] out = new int[size];
        for (int t = 0; t < size; t++) {
            out[t] = o[t];
        }
        return out;
    }

    double score(int position) {
        return scores[position];
    }

    double count(int position) {
        return counts[position];
    }

    long key(int position) {
        return keys[position];
    }

    static boolean better(double s1, double c1, long k1, double s2, double c2, long k2) {
        if (s1 != s2) {
            return s1 > s2;
        }
        if (c1 != c2) {
            return c1 > c2;
        }
        return k1 < k2;
    }

    private void siftUp(int t) {
        while (t > 0) {
            int p = (t - 1) / 2;
            if (!better(scores[p], counts[p], keys[p], scores[t], counts[t], keys[t])) {
                return;
            }
            swap(p, t);
            t = p;
        }
    }

    private void siftDown() {
        int t = 0;
        while (true) {
            int l = 2 * t + 1;
            int r = l + 1;
            int m = t;
            if (l < size && better(scores[m], counts[m], keys[m], scores[l], counts[l], keys[l])) {
                m = l;
            }
            if (r < size && better(scores[m], counts[m], keys[m], scores[r], counts[r], keys[r])) {
                m = r;
            }
            if (m == t) {
                return;
            }
            swap(m, t);
            t = m;
        }
    }

    private void swap(int a, int b) {
        double ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
        double tc = counts[a];
        counts[a] = counts[b];
        counts[b] = tc;
        long tk = keys[a];
        keys[a] = keys[b];
        keys[b] = tk;
    }
}
