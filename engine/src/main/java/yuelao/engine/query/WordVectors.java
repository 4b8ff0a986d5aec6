package yuelao.engine.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import yuelao.engine.subword.SubwordFeatures;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.SubwordFile;
import yuelao.engine.vectors.VectorsDirectory;
import yuelao.core.AnalyzerSpec;

/**
 * A table of word vectors for queries, in the spirit of gensim's {@code KeyedVectors}: immutable and safe to
 * share between threads.
 *
 * <p>Contract:
 * <ul>
 *   <li>Ids are rows in rank order: id 0 is the most frequent word, so "the top N words" are ids 0..N-1.
 *   <li>The raw rows and their unit-normalised copies are built once, at construction, into heap chunks
 *       ({@link RowTable}: no 2^31-element ceiling on V x dim). A zero row stays zero when normalised, so
 *       its cosine with anything is 0.
 *   <li>Unknown words give {@link OptionalInt#empty()} / {@link Optional#empty()}, never an exception.
 *   <li>{@link #restrict(int)} limits the <em>candidates</em> of searches to the top N words (gensim's
 *       {@code restrict_vocab}); look-ups still see every word. {@link #caseInsensitive()} folds words to lower
 *       case; when two words fold together the more frequent one wins and the others are dropped (as the
 *       reference evaluator and gensim's {@code case_insensitive} do).
 *   <li>The Cholesky factor of the similarity route is computed once per context size K, on first use, and
 *       cached (shared by every view of the same table).
 *   <li>Memory: two heap tables of V x stride floats (raw and unit; stride = dim rounded up to 4), plus one
 *       more per similarity context size used: 100,000 x 100 takes 80 MB. {@link #open} maps
 *       {@code vectors.bin} only while copying it.
 * </ul>
 */
public final class WordVectors {
    private final Data data;
    private final int limit;
    private final boolean caseInsensitive;

    /** The shared, immutable content of a table and its views. */
    private static final class Data {
        final List<String> words;
        final Map<String, Integer> index;
        final RowTable raw;
        final RowTable unit;
        final SortedMap<String, String> properties;
        final Map<Integer, SimilarityBasis> bases = new ConcurrentHashMap<>();
        final SubwordTable subwords;
        private volatile yuelao.tokenizer.analysis.TextAnalyzer analyzer;

        /** The vocabulary's analyzer (made on first use: most queries never need it), or null if none is recorded. */
        yuelao.tokenizer.analysis.TextAnalyzer analyzer() {
            yuelao.tokenizer.analysis.TextAnalyzer a = analyzer;
            if (a == null && properties.containsKey("analyzer")) {
                synchronized (this) {
                    if (analyzer == null) {
                        analyzer = new yuelao.tokenizer.analysis.TextAnalyzer(yuelao.core.AnalyzerSpec.fromProperties(properties));
                    }
                    a = analyzer;
                }
            }
            return a;
        }

        /** The words' corpus counts, or null when the table was built without them. */
        final long[] counts;

        Data(List<String> words, RowTable raw, SortedMap<String, String> properties) {
            this(words, raw, properties, null, null);
        }

        Data(List<String> words, RowTable raw, SortedMap<String, String> properties, SubwordTable subwords, long[] counts) {
            this.subwords = subwords;
            this.counts = counts;
            this.words = words;
            this.raw = raw;
            this.properties = properties;
            Map<String, Integer> idx = new HashMap<>(Math.max(16, words.size() * 2));
            for (int i = 0; i < words.size(); i++) {
                if (idx.putIfAbsent(words.get(i), i) != null) {
                    throw new IllegalArgumentException("duplicate word: " + words.get(i));
                }
            }
            this.index = idx;
            this.unit = normalise(raw);
        }
    }

    private WordVectors(Data data, int limit, boolean caseInsensitive) {
        this.data = data;
        this.limit = limit;
        this.caseInsensitive = caseInsensitive;
    }

    /**
     * An in-memory table: {@code words} in rank order (most frequent first), {@code data} row-major,
     * {@code words.size() * dim} floats. The arrays are copied.
     */
    public static WordVectors of(List<String> words, float[] data, int dim) {
        return of(words, data, dim, Map.of());
    }

    /** As {@link #of(List, float[], int)}, with properties (e.g. the analyzer of the corpus, see {@link #analyzer()}). */
    public static WordVectors of(List<String> words, float[] data, int dim, Map<String, String> properties) {
        if (dim <= 0 || (long) words.size() * dim != data.length) {
            throw new IllegalArgumentException(data.length + " floats are not " + words.size() + " words x " + dim);
        }
        RowTable raw = RowTable.allocate(words.size(), dim, RowTable.DEFAULT_CHUNK_FLOATS);
        for (int i = 0; i < words.size(); i++) {
            System.arraycopy(data, i * dim, raw.chunk(i), raw.offset(i), dim);
        }
        return new WordVectors(new Data(List.copyOf(words), raw, new TreeMap<>(properties)), words.size(), false);
    }

    /** Package-private: a table with a chosen chunk size (tests exercise rows split across chunks). */
    static WordVectors of(List<String> words, float[] data, int dim, int chunkFloats) {
        RowTable raw = RowTable.allocate(words.size(), dim, chunkFloats);
        for (int i = 0; i < words.size(); i++) {
            System.arraycopy(data, i * dim, raw.chunk(i), raw.offset(i), dim);
        }
        return new WordVectors(new Data(List.copyOf(words), raw, new TreeMap<>()), words.size(), false);
    }

    /**
     * Opens a VECTORS directory written by {@code yuelao train}: {@code vocab.bin} (words, properties) and
     * {@code vectors.bin} (memory-mapped, verified, then copied row by row into heap chunks; the mapping is
     * released before this returns). Missing or corrupt files throw the storage readers' typed exceptions,
     * which name the file.
     */
    public static WordVectors open(Path dir) throws IOException {
        try (VectorsDirectory.Opened o = VectorsDirectory.open(dir)) {
            int rows = o.rows();
            int dim = o.dim();
            RowTable raw = RowTable.allocate(rows, dim, RowTable.DEFAULT_CHUNK_FLOATS);
            for (int i = 0; i < rows; i++) {
                o.copyRow(i, raw.chunk(i), raw.offset(i));
            }
            List<String> words = List.of(o.vocabulary().words());
            TreeMap<String, String> props = new TreeMap<>(o.properties());
            SubwordTable subwords = null;
            if (o.subwords().isPresent()) {
                SubwordFile.Table t = o.subwords().get();
                try {
                    subwords = new SubwordTable(SubwordFeatures.Spec.fromProperties(t.properties()), t.bucketIds(), t.bucketVectors(), dim);
                } catch (RuntimeException e) {
                    throw new StoreFormatException(o.path().resolve(SubwordFile.FILE_NAME), "corrupt subword properties (" + e.getMessage() + ")");
                }
            }
            return new WordVectors(new Data(words, raw, props, subwords, o.vocabulary().counts()), rows, false);
        }
    }

    /** This table with an n-gram table for composing unseen words (e.g. an in-memory model). */
    public WordVectors withSubwords(SubwordTable subwords) {
        if (subwords != null && subwords.dim() != dim()) {
            throw new IllegalArgumentException("subword dimension " + subwords.dim() + " is not " + dim());
        }
        Data d = new Data(data.words, data.raw, data.properties, subwords, data.counts);
        return new WordVectors(d, limit, caseInsensitive);
    }

    /** The n-gram table, when the vectors come from a subword model ({@code train --subwords}). */
    public Optional<SubwordTable> subwords() {
        return Optional.ofNullable(data.subwords);
    }

    /**
     * A word's vector: its row if it is in the vocabulary, else (with a subword model) the sum of its n-gram
     * vectors. {@code composed} says which; {@code ngrams}/{@code found}: its n-grams and those the model
     * knows (0 for a vocabulary word). {@code query} is the word as asked; {@code word} the form looked up, which
     * differs when the vocabulary's analyzer normalises it ("War" is read as "war" under the english analyzer).
     */
    public record Lookup(String query, String word, float[] vector, boolean composed, int ngrams, int found) {
        /** A vocabulary word or composition asked by its own form. */
        public Lookup(String word, float[] vector, boolean composed, int ngrams, int found) {
            this(word, word, vector, composed, ngrams, found);
        }

        /** True when the word asked was normalised by the vocabulary's analyzer before the look-up. */
        public boolean normalized() {
            return !query.equals(word);
        }

        /** One line saying how the word was read: normalised, composed, both; "" for a vocabulary word asked as it is. */
        public String note() {
            String read = normalized() ? String.format(Locale.ROOT, "'%s' is read as '%s' (the vocabulary's analyzer)", query, word) : "";
            if (!composed) {
                return read;
            }
            String c = String.format(Locale.ROOT, "'%s' is not in the vocabulary: composed from %d of its %d character n-grams", word, found,
                    ngrams);
            return read.isEmpty() ? c : read + "; " + c;
        }
    }

    /**
     * The form the vocabulary's analyzer gives {@code word} (the analyzer recorded in the properties: the store's, or
     * {@code whitespace} for imported vectors), when it makes exactly one token; else {@code word} itself.
     */
    public String normalize(String word) {
        yuelao.tokenizer.analysis.TextAnalyzer a = data.analyzer();
        if (a == null) {
            return word;
        }
        List<String> tokens = a.tokens(word);
        return tokens.size() == 1 ? tokens.getFirst() : word;
    }

    /** The vector of a word or, for an unknown word with a subword model, its composition; empty otherwise. */
    public Optional<Lookup> vectorOrComposed(String word) {
        OptionalInt i = id(word);
        if (i.isPresent()) {
            return Optional.of(new Lookup(word, vector(i.getAsInt()), false, 0, 0));
        }
        // normalised the way the vocabulary was built, before composing: "War" is "war", not a new word
        String form = normalize(word);
        OptionalInt n = form.equals(word) ? OptionalInt.empty() : id(form);
        if (n.isPresent()) {
            return Optional.of(new Lookup(word, form, vector(n.getAsInt()), false, 0, 0));
        }
        if (data.subwords == null) {
            return Optional.empty();
        }
        return data.subwords.compose(caseInsensitive ? fold(form) : form)
                .map(c -> new Lookup(word, form, c.vector(), true, c.ngrams(), c.found()));
    }

    private static RowTable normalise(RowTable raw) {
        RowTable unit = RowTable.allocate(raw.rows(), raw.dim(), raw.rowsPerChunk() * raw.stride());
        for (int i = 0; i < raw.rows(); i++) {
            float[] c = raw.chunk(i);
            int o = raw.offset(i);
            double ss = 0;
            for (int k = 0; k < raw.dim(); k++) {
                ss += (double) c[o + k] * c[o + k];
            }
            if (ss > 0) {
                double inv = 1 / Math.sqrt(ss);
                float[] u = unit.chunk(i);
                for (int k = 0; k < raw.dim(); k++) {
                    u[o + k] = (float) (c[o + k] * inv);
                }
            }
        }
        return unit;
    }

    /** A view whose searches consider only the top {@code n} words (n <= 0 or n >= size: all of them). */
    public WordVectors restrict(int n) {
        int l = n <= 0 ? size() : Math.min(n, size());
        return new WordVectors(data, l, caseInsensitive);
    }

    /**
     * A view with case-insensitive look-ups: every word is lower-cased (Locale.ROOT); when several words fold to
     * the same form, only the most frequent (lowest id) is kept, and ids are renumbered in rank order. If no
     * word changes under folding, the view shares this table's memory; otherwise it is a copy of the kept rows.
     * The restriction of this view is carried over as a count of kept words.
     */
    public WordVectors caseInsensitive() {
        if (caseInsensitive) {
            return this;
        }
        boolean identity = true;
        for (String w : data.words) {
            if (!w.equals(fold(w))) {
                identity = false;
                break;
            }
        }
        if (identity) {
            return new WordVectors(data, limit, true);
        }
        List<String> kept = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        int keptBelowLimit = 0;
        for (int i = 0; i < size(); i++) {
            String f = fold(data.words.get(i));
            if (seen.putIfAbsent(f, Boolean.TRUE) == null) {
                kept.add(f);
                rows.add(i);
                if (i < limit) {
                    keptBelowLimit++;
                }
            }
        }
        RowTable raw = RowTable.allocate(kept.size(), dim(), RowTable.DEFAULT_CHUNK_FLOATS);
        long[] counts = data.counts == null ? null : new long[kept.size()];
        for (int j = 0; j < kept.size(); j++) {
            data.raw.copyRow(rows.get(j), raw.chunk(j), raw.offset(j));
            if (counts != null) {
                counts[j] = data.counts[rows.get(j)];
            }
        }
        return new WordVectors(new Data(List.copyOf(kept), raw, data.properties, data.subwords, counts), keptBelowLimit, true);
    }

    static String fold(String w) {
        return w.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code other} is a view of the same rows (ids mean the same words in both). */
    public boolean sharesRows(WordVectors other) {
        return data == other.data;
    }

    public boolean isCaseInsensitive() {
        return caseInsensitive;
    }

    /** Number of words (rows). */
    public int size() {
        return data.words.size();
    }

    public int dim() {
        return data.raw.dim();
    }

    /** Searches consider ids [0, searchLimit()). */
    public int searchLimit() {
        return limit;
    }

    /** The words in id (rank) order, unmodifiable. */
    public List<String> words() {
        return Collections.unmodifiableList(data.words);
    }

    public String word(int id) {
        return data.words.get(id);
    }

    /** The corpus count of word id as the vocabulary recorded it, or 0 for a table built without counts. */
    public long count(int id) {
        return data.counts == null ? 0 : data.counts[id];
    }

    /** The id of a word (folded first if this view is case-insensitive), or empty if unknown. */
    public OptionalInt id(String word) {
        Integer i = data.index.get(caseInsensitive ? fold(word) : word);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public boolean contains(String word) {
        return id(word).isPresent();
    }

    /** The words among {@code words} that are unknown, in order (for messages). */
    public List<String> unknown(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (id(w).isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** A copy of the raw vector of id. */
    public float[] vector(int id) {
        float[] v = new float[dim()];
        data.raw.copyRow(id, v, 0);
        return v;
    }

    public Optional<float[]> vector(String word) {
        OptionalInt i = id(word);
        return i.isPresent() ? Optional.of(vector(i.getAsInt())) : Optional.empty();
    }

    /** A copy of the unit-normalised vector of id (all zeros for a zero vector). */
    public float[] unitVector(int id) {
        float[] v = new float[dim()];
        data.unit.copyRow(id, v, 0);
        return v;
    }

    /** Euclidean norm of the raw vector of id. */
    public double norm(int id) {
        double ss = 0;
        for (int k = 0; k < dim(); k++) {
            double x = data.raw.get(id, k);
            ss += x * x;
        }
        return Math.sqrt(ss);
    }

    /** Cosine of two words' vectors (0 if either is zero). */
    public double cosine(int a, int b) {
        return data.unit.dot(a, paddedRow(data.unit, b));
    }

    /** Inner product of two words' raw vectors: the model's PMI estimate (docs/method.md section 3). */
    public double dot(int a, int b) {
        return data.raw.dot(a, paddedRow(data.raw, b));
    }

    public PairSimilarity similarity(String a, String b) {
        OptionalInt ia = id(a);
        OptionalInt ib = id(b);
        if (ia.isEmpty() || ib.isEmpty()) {
            return PairSimilarity.EMPTY;
        }
        return new PairSimilarity(true, cosine(ia.getAsInt(), ib.getAsInt()), dot(ia.getAsInt(), ib.getAsInt()));
    }

    /** Cosine and inner product of two words, or {@link #EMPTY} when a word is unknown. */
    public record PairSimilarity(boolean present, double cosine, double dot) {
        public static final PairSimilarity EMPTY = new PairSimilarity(false, Double.NaN, Double.NaN);

        /** Cosine and inner product of two vectors (e.g. composed ones); cosine 0 if either is zero. */
        public static PairSimilarity of(float[] a, float[] b) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int k = 0; k < a.length; k++) {
                ab += (double) a[k] * b[k];
                aa += (double) a[k] * a[k];
                bb += (double) b[k] * b[k];
            }
            return new PairSimilarity(true, aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0, ab);
        }
    }

    /** The stored properties (training settings, analyzer); empty for an in-memory table built without them. */
    public SortedMap<String, String> properties() {
        return Collections.unmodifiableSortedMap(data.properties);
    }

    /** The analyzer the corpus was tokenized with, if the properties record one. */
    public Optional<AnalyzerSpec> analyzer() {
        return data.properties.containsKey("analyzer") ? Optional.of(AnalyzerSpec.fromProperties(data.properties)) : Optional.empty();
    }

    /** The similarity basis for context size K (capped at size()), computed once and cached. */
    SimilarityBasis basis(int contextWords) {
        int k = Math.max(1, Math.min(contextWords, size()));
        return data.bases.computeIfAbsent(k, kk -> SimilarityBasis.build(data.raw, kk));
    }

    RowTable raw() {
        return data.raw;
    }

    RowTable unit() {
        return data.unit;
    }

    static float[] paddedRow(RowTable t, int row) {
        float[] q = t.newQuery();
        t.copyRow(row, q, 0);
        return q;
    }
}
