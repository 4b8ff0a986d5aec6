package yuelao.engine.query;

import java.util.Arrays;
import java.util.List;

/**
 * Prefix look-up over a vocabulary in rank order (autocomplete): the ids of the words that start with a prefix, most
 * frequent (lowest id) first. The sorted order is built on first use (V log V; about a second for a million words) and
 * then shared; thread-safe.
 */
public final class VocabularyIndex {
    private final List<String> words;
    private volatile int[] sorted;

    /** @param words the vocabulary in id (rank) order; not copied, must not change */
    public VocabularyIndex(List<String> words) {
        this.words = words;
    }

    /**
     * Up to {@code limit} ids of words starting with {@code prefix} (by UTF-16 code units, as {@link
     * String#startsWith}), in increasing id order. The empty prefix gives the most frequent words.
     */
    public int[] startingWith(String prefix, int limit) {
        if (prefix.isEmpty()) {
            int n = Math.min(limit, words.size());
            int[] out = new int[n];
            Arrays.setAll(out, i -> i);
            return out;
        }
        int[] s = sorted();
        int lo = 0;
        int hi = s.length;
        while (lo < hi) { // first word >= prefix
            int mid = (lo + hi) >>> 1;
            if (words.get(s[mid]).compareTo(prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // The best `limit` ids of the range [lo, end): a bounded max-heap would do; a sorted buffer is as simple at these sizes.
        TopK best = new TopK(Math.min(limit, words.size()));
        for (int i = lo; i < s.length && words.get(s[i]).startsWith(prefix); i++) {
            best.offer(s[i], -s[i]);
        }
        return best.sortedIds();
    }

    private int[] sorted() {
        int[] s = sorted;
        if (s == null) {
            synchronized (this) {
                s = sorted;
                if (s == null) {
                    Integer[] boxed = new Integer[words.size()];
                    Arrays.setAll(boxed, i -> i);
                    Arrays.sort(boxed, (a, b) -> words.get(a).compareTo(words.get(b)));
                    s = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
                    sorted = s;
                }
            }
        }
        return s;
    }
}
