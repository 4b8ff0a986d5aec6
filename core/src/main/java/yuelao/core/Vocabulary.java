package yuelao.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An immutable vocabulary: words with their corpus counts, ids by frequency rank.
 *
 * <p>Contract (docs/method.md section 1): id 0 is the most frequent word; ties are broken by the word's UTF-8
 * bytes in unsigned order. So "the top-K frequent words" are exactly ids 0..K-1. Look-ups by character
 * slice allocate nothing and are safe from many threads at once.
 */
public final class Vocabulary {
    private final String[] words;
    private final long[] counts;
    private final long totalCount;
    private final CharSliceTable index;
    private final long fingerprint;

    private Vocabulary(String[] words, long[] counts) {
        this.words = words;
        this.counts = counts;
        long total = 0;
        this.index = new CharSliceTable(words.length);
        for (int i = 0; i < words.length; i++) {
            total += counts[i];
            int slot = index.add(words[i]);
            if (slot != i) {
                throw new IllegalArgumentException("duplicate word in vocabulary: " + words[i]);
            }
        }
        this.totalCount = total;
        this.fingerprint = computeFingerprint(words, counts);
    }

    /**
     * A vocabulary from words already in rank order (count descending, then UTF-8 bytes ascending).
     *
     * @throws IllegalArgumentException if the order is not the rank order, a count is not positive, or a
     *     word repeats
     */
    public static Vocabulary ofRanked(String[] words, long[] counts) {
        if (words.length != counts.length) {
            throw new IllegalArgumentException("words and counts differ in length");
        }
        for (int i = 0; i < words.length; i++) {
            Objects.requireNonNull(words[i], "word");
            if (counts[i] <= 0) {
                throw new IllegalArgumentException("count of '" + words[i] + "' is not positive: " + counts[i]);
            }
            if (i > 0 && RANK_ORDER.compare(new Entry(words[i - 1], counts[i - 1]), new Entry(words[i], counts[i])) >= 0) {
                throw new IllegalArgumentException("words are not in rank order at id " + i + ": " + words[i]);
            }
        }
        return new Vocabulary(words.clone(), counts.clone());
    }

    /**
     * The vocabulary of the given (word, count) entries with count >= minCount, at most maxSize words
     * (0 = unlimited), ranked by count descending then UTF-8 bytes ascending.
     */
    public static Vocabulary select(List<Entry> entries, long minCount, int maxSize) {
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (e.count() >= minCount && e.count() > 0) {
                kept.add(e);
            }
        }
        kept.sort(RANK_ORDER);
        int n = maxSize > 0 ? Math.min(maxSize, kept.size()) : kept.size();
        String[] w = new String[n];
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = kept.get(i).word();
            c[i] = kept.get(i).count();
        }
        return new Vocabulary(w, c);
    }

    /** A word and its count. */
    public record Entry(String word, long count) {}

    /** Count descending, then UTF-8 bytes ascending (unsigned). */
    public static final Comparator<Entry> RANK_ORDER = (a, b) -> {
        int c = Long.compare(b.count(), a.count());
        return c != 0 ? c : compareUtf8(a.word(), b.word());
    };

    /** Compares two strings by their UTF-8 encodings, bytes unsigned. */
    public static int compareUtf8(String a, String b) {
        // UTF-16 order agrees with UTF-8 byte order except around surrogates; compare code points.
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    public int size() {
        return words.length;
    }

    public String word(int id) {
        return words[id];
    }

    public long count(int id) {
        return counts[id];
    }

    /** N: the sum of the counts of the kept words. */
    public long totalCount() {
        return totalCount;
    }

    /** Id of the word, or -1 if it is not in the vocabulary. */
    public int id(String word) {
        char[] c = word.toCharArray();
        return index.find(c, 0, c.length);
    }

    /** Id of the word in {@code buf[off, off+len)}, or -1; allocation-free. */
    public int id(char[] buf, int off, int len) {
        return index.find(buf, off, len);
    }

    public boolean contains(String word) {
        return id(word) >= 0;
    }

    /** A copy of the words in id order. */
    public String[] words() {
        return words.clone();
    }

    /** A copy of the counts in id order. */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * A 64-bit fingerprint of the words and counts in id order (FNV-1a over UTF-8 bytes and counts): two
     * stores that share it were counted against the same vocabulary.
     */
    public long fingerprint() {
        return fingerprint;
    }

    private static long computeFingerprint(String[] words, long[] counts) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < words.length; i++) {
            for (byte b : words[i].getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xFF)) * 0x100000001B3L;
            }
            h = (h ^ 0xFF) * 0x100000001B3L; // separator: 0xFF never occurs in UTF-8
            long c = counts[i];
            for (int k = 0; k < 8; k++) {
                h = (h ^ (c & 0xFF)) * 0x100000001B3L;
                c >>>= 8;
            }
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && Arrays.equals(words, v.words) && Arrays.equals(counts, v.counts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + words.length + " words, N=" + totalCount + "]";
    }
}
