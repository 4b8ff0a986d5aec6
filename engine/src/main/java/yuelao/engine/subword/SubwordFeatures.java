package yuelao.engine.subword;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A word as a multi-feature variable (issue 7): its own id plus hashed character n-grams. Under the naive
 * independence assumption of docs/method.md section 2 the word's PMI with any other word is the sum of its
 * features' PMIs; with PMI ~ inner product its vector is the sum of its feature vectors, v_w = sum_g z_g.
 *
 * <p>Features of a word:
 * <ul>
 *   <li>{@link Scheme#LATIN} (fastText's choice): the n-grams of {@code <w>} ({@code <} and {@code >} mark the
 *       word's boundaries) for n in [minn, maxn], counted in code points (never UTF-16 units), the whole
 *       {@code <w>} included when its length is in range.
 *   <li>{@link Scheme#CJK} (the {@code smartcn} and {@code cjk} analyzers): the word's characters and their
 *       n-grams for n in [1, min(maxn, length - 1)], without boundary markers (a Chinese word is short and
 *       its characters carry the meaning; the whole word is the word's own id). A single-character word has
 *       that character as its one n-gram, so a character's vector is shared with the words that contain it.
 * </ul>
 * Each n-gram is hashed by 32-bit FNV-1a over its UTF-8 bytes (standard FNV-1a on unsigned bytes; fastText
 * sign-extends bytes, which differs for non-ASCII text) into {@code buckets} buckets: stable across runs,
 * JVMs, platforms and locales.
 *
 * <p>Feature ids of a table: {@code [0, words)} are the words' own ids, {@code [words, words + used)} the
 * n-gram buckets that vocabulary words use, compactly renumbered in increasing bucket order ({@link #bucketIds}).
 * A bucket used by fewer than {@code minCount} vocabulary words is dropped (it cannot share strength). The
 * lists are flat int arrays ({@link #offsets}, {@link #ids}): training allocates nothing per pair.
 */
public final class SubwordFeatures {
    /** Which character features a word has. */
    public enum Scheme {
        LATIN, CJK;

        /** CJK for the Chinese analyzers (smartcn, cjk), LATIN otherwise. */
        public static Scheme forAnalyzer(String analyzer) {
            return "smartcn".equals(analyzer) || "cjk".equals(analyzer) ? CJK : LATIN;
        }
    }

    /** The n-gram settings, as stored in properties. */
    public record Spec(int minn, int maxn, int buckets, Scheme scheme) {
        public Spec {
            if (minn < 1 || maxn < minn || maxn > 32) {
                throw new IllegalArgumentException("--subwords MIN-MAX needs 1 <= MIN <= MAX <= 32, got " + minn + "-" + maxn);
            }
            if (buckets < 1) {
                throw new IllegalArgumentException("--buckets must be at least 1, got " + buckets);
            }
        }

        public static final String HASH = "fnv1a32-utf8";

        public void toProperties(Map<String, String> p) {
            p.put("subwords.minn", Integer.toString(minn));
            p.put("subwords.maxn", Integer.toString(maxn));
            p.put("subwords.buckets", Integer.toString(buckets));
            p.put("subwords.scheme", scheme.name().toLowerCase(java.util.Locale.ROOT));
            p.put("subwords.hash", HASH);
        }

        public static Spec fromProperties(Map<String, String> p) {
            String hash = p.getOrDefault("subwords.hash", HASH);
            if (!hash.equals(HASH)) {
                throw new IllegalArgumentException("unknown subword hash '" + hash + "' (this version knows " + HASH + ")");
            }
            return new Spec(Integer.parseInt(p.get("subwords.minn")), Integer.parseInt(p.get("subwords.maxn")),
                    Integer.parseInt(p.get("subwords.buckets")),
                    Scheme.valueOf(p.getOrDefault("subwords.scheme", "latin").toUpperCase(java.util.Locale.ROOT)));
        }
    }

    private final Spec spec;
    private final int words;
    private final boolean includeWord;
    private final int[] offsets;
    private final int[] ids;
    private final int[] bucketIds;

    private SubwordFeatures(Spec spec, int words, boolean includeWord, int[] offsets, int[] ids, int[] bucketIds) {
        this.spec = spec;
        this.words = words;
        this.includeWord = includeWord;
        this.offsets = offsets;
        this.ids = ids;
        this.bucketIds = bucketIds;
    }

    /** 32-bit FNV-1a over the UTF-8 bytes of {@code s} (unsigned bytes), as an unsigned value in a long. */
    public static long fnv1a(String s) {
        return fnv1a(s.getBytes(StandardCharsets.UTF_8), 0, -1);
    }

    static long fnv1a(byte[] b, int from, int to) {
        int end = to < 0 ? b.length : to;
        int h = 0x811C9DC5;
        for (int i = from; i < end; i++) {
            h ^= b[i] & 0xFF;
            h *= 0x01000193;
        }
        return h & 0xFFFFFFFFL;
    }

    /** The bucket of an n-gram: FNV-1a mod buckets. */
    public static int bucket(String ngram, int buckets) {
        return (int) (fnv1a(ngram) % buckets);
    }

    /** Calls {@code sink} with the bucket of every n-gram of {@code word} (duplicates included, in order). */
    public static void forEachBucket(String word, Spec spec, IntConsumer sink) {
        forEachNgram(word, spec, g -> sink.accept(bucket(g, spec.buckets())));
    }

    /** Calls {@code sink} with every n-gram of {@code word} under {@code spec} (for tests and messages). */
    public static void forEachNgram(String word, Spec spec, java.util.function.Consumer<String> sink) {
        String s = spec.scheme() == Scheme.LATIN ? "<" + word + ">" : word;
        int[] cps = s.codePoints().toArray();
        int len = cps.length;
        int lo = spec.minn();
        int hi = spec.maxn();
        if (spec.scheme() == Scheme.CJK) {
            lo = 1;
            hi = len == 1 ? 1 : Math.min(spec.maxn(), len - 1);
        }
        for (int start = 0; start < len; start++) {
            for (int n = lo; n <= hi && start + n <= len; n++) {
                sink.accept(new String(cps, start, n));
            }
        }
    }

    /**
     * Builds the feature lists of a vocabulary.
     *
     * @param includeWord whether a word's own id is one of its features
     * @param minCount a bucket is kept only if at least this many vocabulary words use it
     */
    public static SubwordFeatures build(String[] vocabulary, Spec spec, boolean includeWord, int minCount) {
        int v = vocabulary.length;
        int[][] per = new int[v][];
        int[] uses = new int[spec.buckets()];
        int[] tmp = new int[256];
        for (int w = 0; w < v; w++) {
            int[] count = {0};
            int[][] buf = {tmp};
            forEachBucket(vocabulary[w], spec, b -> {
                if (count[0] == buf[0].length) {
                    buf[0] = Arrays.copyOf(buf[0], count[0] * 2);
                }
                buf[0][count[0]++] = b;
            });
            tmp = buf[0];
            int[] bs = Arrays.copyOf(tmp, count[0]);
            Arrays.sort(bs);
            int m = 0; // distinct buckets: a repeated n-gram (or a collision) counts once
            for (int k = 0; k < bs.length; k++) {
                if (k == 0 || bs[k] != bs[k - 1]) {
                    bs[m++] = bs[k];
                }
            }
            per[w] = Arrays.copyOf(bs, m);
            for (int b : per[w]) {
                uses[b]++;
            }
        }
        int used = 0;
        int[] compact = new int[spec.buckets()];
        for (int b = 0; b < uses.length; b++) {
            compact[b] = uses[b] >= Math.max(1, minCount) ? used++ : -1;
        }
        int[] bucketIds = new int[used];
        for (int b = 0; b < uses.length; b++) {
            if (compact[b] >= 0) {
                bucketIds[compact[b]] = b;
            }
        }
        int[] offsets = new int[v + 1];
        int total = 0;
        for (int w = 0; w < v; w++) {
            int c = includeWord ? 1 : 0;
            for (int b : per[w]) {
                if (compact[b] >= 0) {
                    c++;
                }
            }
            if (c == 0) {
                c = 1; // a word with no kept n-gram keeps its own id
            }
            total += c;
            offsets[w + 1] = total;
        }
        int[] ids = new int[total];
        for (int w = 0; w < v; w++) {
            int p = offsets[w];
            if (includeWord || countKept(per[w], compact) == 0) {
                ids[p++] = w;
            }
            for (int b : per[w]) {
                if (compact[b] >= 0) {
                    ids[p++] = v + compact[b];
                }
            }
        }
        return new SubwordFeatures(spec, v, includeWord, offsets, ids, bucketIds);
    }

    private static int countKept(int[] buckets, int[] compact) {
        int c = 0;
        for (int b : buckets) {
            if (compact[b] >= 0) {
                c++;
            }
        }
        return c;
    }

    public Spec spec() {
        return spec;
    }

    public int words() {
        return words;
    }

    public boolean includeWord() {
        return includeWord;
    }

    /** Number of feature rows: words plus used buckets. */
    public int features() {
        return words + bucketIds.length;
    }

    /** The used buckets in increasing order; feature id {@code words + k} is bucket {@code bucketIds[k]}. */
    public int[] bucketIds() {
        return bucketIds;
    }

    /** Feature list of word w: {@code ids[offsets[w] .. offsets[w + 1])}. */
    public int[] offsets() {
        return offsets;
    }

    public int[] ids() {
        return ids;
    }

    /** Composes the word vectors: row w = sum of its features' rows of {@code z} (features() x dim). */
    public float[] compose(float[] z, int dim, int threads) {
        return compose(z, dim, threads, new float[words * dim]);
    }

    /**
     * The adjoint of the composition, A^T y: row g of {@code out} (features x dim, overwritten) = sum of the rows of
     * {@code perWord} (words x dim) of the words that have feature g. It carries a gradient with respect to the word
     * vectors back to the feature table. Single-threaded (tests, reports).
     */
    public void composeTranspose(float[] perWord, int dim, float[] out) {
        java.util.Arrays.fill(out, 0f);
        for (int w = 0; w < words; w++) {
            for (int p = offsets[w]; p < offsets[w + 1]; p++) {
                yuelao.engine.linalg.VectorOps.axpy(1f, perWord, w * dim, out, ids[p] * dim, dim);
            }
        }
    }

    /** As {@link #compose(float[], int, int)}, into {@code out} (words x dim, overwritten). */
    public float[] compose(float[] z, int dim, int threads, float[] out) {
        int[] bounds = yuelao.engine.linalg.Parallel.even(words, Math.max(1, threads));
        yuelao.engine.linalg.Parallel.run(threads, bounds, (t, from, to) -> {
            for (int w = from; w < to; w++) {
                java.util.Arrays.fill(out, w * dim, (w + 1) * dim, 0f);
                for (int p = offsets[w]; p < offsets[w + 1]; p++) {
                    yuelao.engine.linalg.VectorOps.axpy(1f, z, ids[p] * dim, out, w * dim, dim);
                }
            }
        });
        return out;
    }
}
