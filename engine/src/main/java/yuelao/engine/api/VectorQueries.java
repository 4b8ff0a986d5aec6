package yuelao.engine.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import yuelao.engine.query.Analogy;
import yuelao.engine.query.DoesntMatch;
import yuelao.engine.query.HnswIndex;
import yuelao.engine.query.IndexSettings;
import yuelao.engine.query.Mode;
import yuelao.engine.query.Nearest;
import yuelao.engine.query.NeighbourhoodMap;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.Sentences;
import yuelao.engine.query.VocabularyIndex;
import yuelao.engine.query.WordVectors;

/**
 * Every query on word vectors, answered as {@link Answers} records: the one code path of the CLI's query verbs, the
 * server and the library. Holds an opened table (and its approximate index, if the directory has one); immutable and
 * thread-safe. Close it to release the index mapping and the analyzer.
 *
 * <p>Unknown words: a word outside the vocabulary is composed from its character n-grams when the vectors come from a
 * subword model (the answer says so: {@code composed}, {@code note}); otherwise, or when none of its n-grams is known,
 * the query fails with a {@link QueryException} of kind {@link QueryException.Kind#UNKNOWN_WORD} naming the word.
 * Bad arguments (top below 1, an index asked for where there is none ...) fail with kind {@link
 * QueryException.Kind#BAD_ARGUMENT}.
 */
public final class VectorQueries implements AutoCloseable {
    /** Which search answers a nearest query. */
    public enum Search {
        /** The index when there is one, the mode is cosine and there are at least {@link IndexSettings#exactBelow()} candidates. */
        AUTO,
        /** Every candidate scored. */
        EXACT,
        /** The approximate index (an error if there is none, or for another mode than cosine). */
        ANN;

        public static Search parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "exact" -> EXACT;
                case "ann", "hnsw" -> ANN;
                default -> throw QueryException.badArgument("unknown search '" + s + "' (expected auto, exact or ann)");
            };
        }
    }

    /**
     * The options of a nearest query; build with {@link #builder()} (the defaults are there).
     *
     * @param restrict search only the most frequent N words (0 = all)
     * @param ef the index's candidate list (0 = the index settings' default)
     */
    public record NearestOptions(int top, Mode mode, int contextWords, int restrict, Search search, int ef) {
        public static Builder builder() {
            return new Builder();
        }

        /** Builder with the defaults: top 10, cosine, K = {@link Nearest#DEFAULT_CONTEXT_WORDS}, all words, auto search. */
        public static final class Builder {
            private int top = 10;
            private Mode mode = Mode.COSINE;
            private int contextWords = Nearest.DEFAULT_CONTEXT_WORDS;
            private int restrict;
            private Search search = Search.AUTO;
            private int ef;

            public Builder top(int v) {
                top = v;
                return this;
            }

            public Builder mode(Mode v) {
                mode = v;
                return this;
            }

            public Builder contextWords(int v) {
                contextWords = v;
                return this;
            }

            public Builder restrict(int v) {
                restrict = v;
                return this;
            }

            public Builder search(Search v) {
                search = v;
                return this;
            }

            public Builder ef(int v) {
                ef = v;
                return this;
            }

            public NearestOptions build() {
                return new NearestOptions(top, mode, contextWords, restrict, search, ef);
            }
        }
    }

    private final WordVectors vectors;
    private final HnswIndex index;
    private final IndexSettings settings;
    private final String source;
    private final String caseHint;
    private final Sentences sentences;
    private final VocabularyIndex prefixes;

    /**
     * @param index the approximate index over {@code vectors}' rows, or null
     * @param source how messages name the vectors (e.g. their directory)
     * @param caseHint appended to the message of a single unknown word (e.g. " (try --case-insensitive)"), or ""
     */
    public VectorQueries(WordVectors vectors, HnswIndex index, IndexSettings settings, String source, String caseHint) {
        this.vectors = vectors;
        this.index = index != null && index.covers(vectors) ? index : null;
        this.settings = settings;
        this.source = source;
        this.caseHint = caseHint;
        this.sentences = new Sentences(vectors);
        this.prefixes = new VocabularyIndex(vectors.words());
    }

    /** Whether {@link #open} opens the index beside the vectors. */
    public enum IndexUse {
        /** Never (queries that do not search by cosine, or --exact). */
        NONE,
        /** When the vocabulary is large enough for {@link Search#AUTO} to use it ({@link IndexSettings#exactBelow()}). */
        AUTO,
        /** Whenever there is one (a server, where each request chooses; --ann). */
        ALWAYS
    }

    /**
     * Opens the vectors of {@code dir} (a VECTORS or run directory) and, as {@code use} says, their index if there is
     * one (opening it verifies its checksum and structure: a pass over the file); case-folded look-ups with {@code
     * caseInsensitive} (a folded copy is not covered by the index, which is then not used).
     */
    public static VectorQueries open(Path dir, boolean caseInsensitive, IndexSettings settings, IndexUse use) throws IOException {
        WordVectors wv = WordVectors.open(dir);
        WordVectors view = caseInsensitive ? wv.caseInsensitive() : wv;
        boolean load = use == IndexUse.ALWAYS || (use == IndexUse.AUTO && wv.size() >= settings.exactBelow());
        HnswIndex index = load ? HnswIndex.open(dir, wv).orElse(null) : null;
        if (index != null && !index.covers(view)) {
            index.close();
            index = null;
        }
        return new VectorQueries(view, index, settings, dir.toString(), caseInsensitive ? "" : " (try --case-insensitive)");
    }

    public WordVectors vectors() {
        return vectors;
    }

    public Optional<HnswIndex> index() {
        return Optional.ofNullable(index);
    }

    public IndexSettings indexSettings() {
        return settings;
    }

    /** The vectors of {@code words}: rows or compositions; an unknown word is a {@link QueryException}. */
    public List<WordVectors.Lookup> lookup(List<String> words) {
        List<WordVectors.Lookup> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String w : words) {
            Optional<WordVectors.Lookup> l = vectors.vectorOrComposed(w);
            if (l.isPresent()) {
                found.add(l.get());
            } else {
                missing.add(w);
            }
        }
        if (!missing.isEmpty()) {
            if (vectors.subwords().isEmpty()) {
                throw missing.size() == 1 ? QueryException.unknown("'" + missing.get(0) + "' is not in the vocabulary of " + source + hint(missing.get(0)), missing)
                        : QueryException.unknown("not in the vocabulary of " + source + ": " + String.join(", ", missing), missing);
            }
            throw QueryException.unknown((missing.size() == 1 ? "'" + missing.get(0) + "' is" : String.join(", ", missing) + " are")
                    + " not in the vocabulary of " + source + ", and no character n-gram of it is known to the subword model", missing);
        }
        return found;
    }

    /** Why an unknown word may still be meant: its analyzer form is missing too, or another case of it is there. */
    private String hint(String word) {
        String form = vectors.normalize(word);
        if (!form.equals(word)) {
            return " (nor is '" + form + "', as the vocabulary's analyzer reads it)";
        }
        return !vectors.isCaseInsensitive() && vectors.caseInsensitive().contains(word) ? caseHint : "";
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw QueryException.badArgument(what + " must be at least 1, not " + value);
        }
    }

    private WordVectors view(int restrict) {
        if (restrict < 0) {
            throw QueryException.badArgument("restrict must be >= 0 (0 = all words), not " + restrict);
        }
        return vectors.restrict(restrict);
    }

    /** Whether the index answers a search of {@code mode} over {@code view}'s candidates. */
    private boolean useIndex(WordVectors view, Mode mode, Search search) {
        return switch (search) {
            case EXACT -> false;
            case ANN -> {
                if (index == null) {
                    throw QueryException.badArgument("no approximate index for " + source + " (build one with: yuelao index " + source + ")");
                }
                if (mode != Mode.COSINE) {
                    throw QueryException.badArgument("the approximate index answers the cosine mode only, not " + mode.id());
                }
                yield true;
            }
            case AUTO -> index != null && mode == Mode.COSINE && view.searchLimit() >= settings.exactBelow();
        };
    }

    /** The nearest words of {@code word} (never the word itself). */
    public Answers.Nearest nearest(String word, NearestOptions o) {
        requirePositive("top", o.top());
        requirePositive("context words", o.contextWords());
        WordVectors view = view(o.restrict());
        WordVectors.Lookup l = lookup(List.of(word)).get(0);
        boolean ann = useIndex(view, o.mode(), o.search());
        List<Neighbor> hits;
        if (ann) {
            int[] exclude = l.composed() ? new int[0] : new int[] {view.id(l.word()).getAsInt()};
            hits = index.nearest(view, unit(l.vector()), o.top(), o.ef() > 0 ? o.ef() : settings.ef(), exclude);
        } else {
            hits = l.composed() ? Nearest.ofVector(view, l.vector(), o.top(), o.mode(), o.contextWords(), new int[0])
                    : Nearest.of(view, l.word(), o.top(), o.mode(), o.contextWords()).orElseThrow();
        }
        return new Answers.Nearest(word, o.mode().id(), l.composed(), l.note().isEmpty() ? null : l.note(), ann ? "hnsw" : "exact", view.searchLimit(),
                o.mode() == Mode.SIMILARITY ? Math.min(o.contextWords(), view.size()) : null, scored(hits));
    }

    /** {@link #nearest} for each word: its answer, or an {@link Answers.Error} for a word that has none. */
    public Answers.Batch nearest(List<String> words, NearestOptions o) {
        List<Object> out = new ArrayList<>(words.size());
        for (String w : words) {
            try {
                out.add(nearest(w, o));
            } catch (QueryException e) {
                if (e.kind() != QueryException.Kind.UNKNOWN_WORD) {
                    throw e;
                }
                out.add(e.toAnswer());
            }
        }
        return new Answers.Batch(out);
    }

    /** a : b :: c : ? (a, b and c never among the answers). */
    public Answers.Analogy analogy(String a, String b, String c, Analogy.Method method, int top, int restrict) {
        requirePositive("top", top);
        WordVectors view = view(restrict);
        List<WordVectors.Lookup> ls = lookup(List.of(a, b, c));
        List<String> composed = ls.stream().filter(WordVectors.Lookup::composed).map(WordVectors.Lookup::word).toList();
        List<Neighbor> hits;
        if (composed.isEmpty()) {
            hits = Analogy.solve(view, ls.get(0).word(), ls.get(1).word(), ls.get(2).word(), method, top).orElseThrow();
        } else {
            int[] ids = new int[3];
            for (int i = 0; i < 3; i++) {
                ids[i] = ls.get(i).composed() ? -1 : view.id(ls.get(i).word()).getAsInt();
            }
            hits = Analogy.solve(view, ls.get(0).vector(), ls.get(1).vector(), ls.get(2).vector(), ids, method, top);
        }
        return new Answers.Analogy(a, b, c, method.id(), composed.isEmpty() ? null : composed, view.searchLimit(), scored(hits));
    }

    /** Cosine and inner product of two words; with {@code contextWords} > 0 also their profile correlation. */
    public Answers.Similarity similarity(String a, String b, int contextWords) {
        if (contextWords < 0) {
            throw QueryException.badArgument("context words must be >= 0, not " + contextWords);
        }
        List<WordVectors.Lookup> ls = lookup(List.of(a, b));
        boolean composed = ls.get(0).composed() || ls.get(1).composed();
        WordVectors.PairSimilarity s = composed ? WordVectors.PairSimilarity.of(ls.get(0).vector(), ls.get(1).vector()) : vectors.similarity(ls.get(0).word(), ls.get(1).word());
        Double corr = null;
        Integer k = null;
        if (contextWords > 0) {
            k = Math.min(contextWords, vectors.size());
            corr = composed ? Nearest.profileCorrelation(vectors, ls.get(0).vector(), ls.get(1).vector(), k)
                    : Nearest.profileCorrelation(vectors, vectors.id(ls.get(0).word()).getAsInt(), vectors.id(ls.get(1).word()).getAsInt(), k);
        }
        List<String> names = ls.stream().filter(WordVectors.Lookup::composed).map(WordVectors.Lookup::word).toList();
        return new Answers.Similarity(a, b, names.isEmpty() ? null : names, s.cosine(), s.dot(), corr, k);
    }

    /** Sentence vectors of one or two texts; with {@code keywords} > 0 the top keywords of each. */
    public Answers.Sentence sentence(List<String> texts, int keywords) {
        if (texts.isEmpty() || texts.size() > 2) {
            throw QueryException.badArgument("one or two texts, not " + texts.size());
        }
        Sentences.SentenceVector[] v = new Sentences.SentenceVector[texts.size()];
        List<Answers.Text> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            v[i] = sentences.vector(texts.get(i));
            if (v[i].isEmpty()) {
                throw QueryException.unknown("no in-vocabulary word in text " + (i + 1) + " (out of vocabulary: " + v[i].outOfVocabulary() + ")",
                        v[i].outOfVocabulary());
            }
            List<Answers.Scored> kw = null;
            if (keywords > 0) {
                List<Neighbor> k = sentences.keywords(v[i]);
                kw = scored(k.subList(0, Math.min(keywords, k.size())));
            }
            out.add(new Answers.Text(texts.get(i), v[i].ids().length, v[i].composed().stream().map(WordVectors.Lookup::word).toList(),
                    v[i].outOfVocabulary(), Math.sqrt(Sentences.relatedness(v[i], v[i])), kw));
        }
        Double rel = v.length == 2 ? Sentences.relatedness(v[0], v[1]) : null;
        Double cos = v.length == 2 ? Sentences.cosine(v[0], v[1]) : null;
        return new Answers.Sentence(out, rel, cos);
    }

    /** The word least like the others (every word must be in the vocabulary; at least two). */
    public Answers.DoesntMatch doesntMatch(List<String> words) {
        if (words.size() < 2) {
            throw QueryException.badArgument("doesnt-match needs at least two words, not " + words.size());
        }
        // each word as the vocabulary's analyzer reads it ("War" is "war"), unless it is in the vocabulary as given
        List<String> forms = words.stream().map(w -> vectors.contains(w) ? w : vectors.normalize(w)).toList();
        List<String> unknown = vectors.unknown(forms);
        if (unknown.size() == 1) {
            throw QueryException.unknown("'" + words.get(forms.indexOf(unknown.get(0))) + "' is not in the vocabulary of " + source
                    + hint(words.get(forms.indexOf(unknown.get(0)))), unknown);
        }
        if (!unknown.isEmpty()) {
            throw QueryException.unknown("not in the vocabulary of " + source + ": " + String.join(", ", unknown), unknown);
        }
        DoesntMatch.Result r = DoesntMatch.of(vectors, forms);
        return new Answers.DoesntMatch(words, r.odd().orElseThrow(), scored(r.cosines()));
    }

    /** The 2-D map of a word and its top nearest words ({@link NeighbourhoodMap}). */
    public Answers.Map2d map(String word, NearestOptions o) {
        Answers.Nearest n = nearest(word, o);
        WordVectors.Lookup centre = lookup(List.of(word)).get(0);
        List<float[]> rows = new ArrayList<>();
        rows.add(centre.vector());
        for (Answers.Scored s : n.results()) {
            rows.add(vectors.vector(vectors.id(s.word()).getAsInt()));
        }
        NeighbourhoodMap.Projection p = NeighbourhoodMap.project(rows);
        List<Answers.Point> points = new ArrayList<>();
        points.add(new Answers.Point(word, p.x()[0], p.y()[0], 1));
        for (int i = 0; i < n.results().size(); i++) {
            Answers.Scored s = n.results().get(i);
            points.add(new Answers.Point(s.word(), p.x()[i + 1], p.y()[i + 1], s.score()));
        }
        return new Answers.Map2d(word, n.mode(), n.composed(), points, p.explained());
    }

    /** Up to {@code limit} vocabulary words starting with {@code prefix}, most frequent first. */
    public Answers.Vocabulary prefix(String prefix, int limit) {
        requirePositive("limit", limit);
        List<Answers.Entry> out = new ArrayList<>();
        for (int id : prefixes.startingWith(prefix, limit)) {
            out.add(new Answers.Entry(vectors.word(id), countOf(id)));
        }
        return new Answers.Vocabulary(prefix, out);
    }

    /** The corpus count of a word when the vocabulary recorded it (0 otherwise). */
    private long countOf(int id) {
        return vectors.count(id);
    }

    /** Sizes, subword model, index and the settings the vectors were made with. */
    public Answers.VectorsInfo info() {
        Answers.IndexInfo ii = index == null ? null
                : new Answers.IndexInfo(index.nodes(), index.levels(), settings.exactBelow(), settings.ef(), index.properties());
        return new Answers.VectorsInfo(vectors.size(), vectors.dim(), vectors.subwords().isPresent(), ii, vectors.properties());
    }

    static List<Answers.Scored> scored(List<Neighbor> hits) {
        List<Answers.Scored> out = new ArrayList<>(hits.size());
        for (Neighbor n : hits) {
            out.add(new Answers.Scored(n.word(), n.score()));
        }
        return out;
    }

    private static float[] unit(float[] v) {
        double ss = 0;
        for (float x : v) {
            ss += (double) x * x;
        }
        float[] u = new float[v.length];
        if (ss > 0) {
            double inv = 1 / Math.sqrt(ss);
            for (int k = 0; k < v.length; k++) {
                u[k] = (float) (v[k] * inv);
            }
        }
        return u;
    }

    @Override
    public void close() {
        sentences.close();
        if (index != null) {
            index.close();
        }
    }
}
