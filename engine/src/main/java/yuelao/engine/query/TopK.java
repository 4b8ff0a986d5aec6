package yuelao.engine.query;

/**
 * The k best (id, score) pairs seen, in a bounded binary min-heap of primitives (no allocation per offer).
 *
 * <p>Order: a higher score is better; equal scores are broken by the lower id (deterministic, and the same
 * whatever order the rows are offered in, so results do not depend on how rows are split between threads).
 * NaN scores are never kept. Not thread-safe: one per query per thread.
 */
final class TopK {
    private final int k;
    private final int[] ids;
    private final float[] scores;
    private int size;

    TopK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k = " + k);
        }
        this.k = k;
        this.ids = new int[k];
        this.scores = new float[k];
    }

    int size() {
        return size;
    }

    /** True if (id, score) would enter the heap now: callers use it to skip costly checks (exclusions). */
    boolean accepts(int id, float score) {
        if (size < k) {
            return score == score;
        }
        return k > 0 && better(score, id, scores[0], ids[0]);
    }

    /** Offers a candidate; the caller has already rejected excluded ids. */
    void offer(int id, float score) {
        if (!accepts(id, score)) {
            return;
        }
        if (size < k) {
            int i = size++;
            ids[i] = id;
            scores[i] = score;
            siftUp(i);
        } else {
            ids[0] = id;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Adds everything another heap holds. */
    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.ids[i], other.scores[i]);
        }
    }

    /** The kept ids, best first (drains nothing; sorts a copy). */
    int[] sortedIds() {
        int[] order = sortedOrder();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = ids[order[i]];
        }
        return out;
    }

    /** The kept scores, best first, aligned with {@link #sortedIds()}. */
    float[] sortedScores() {
        int[] order = sortedOrder();
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = scores[order[i]];
        }
        return out;
    }

    void clear() {
        size = 0;
    }

    private int[] sortedOrder() {
        // Insertion sort of at most k entries: k is small (a top-k list), and this runs once per query.
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            int j = i;
            while (j > 0 && better(scores[i], ids[i], scores[order[j - 1]], ids[order[j - 1]])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    /** (s1, id1) ranks before (s2, id2). */
    static boolean better(float s1, int id1, float s2, int id2) {
        return s1 > s2 || (s1 == s2 && id1 < id2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (better(scores[p], ids[p], scores[i], ids[i])) {
                swap(i, p);
                i = p;
            } else {
                return;
            }
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            int r = l + 1;
            if (r < size && better(scores[l], ids[l], scores[r], ids[r])) {
                worst = r;
            }
            if (better(scores[i], ids[i], scores[worst], ids[worst])) {
                swap(i, worst);
                i = worst;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int ti = ids[a];
        ids[a] = ids[b];
        ids[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
