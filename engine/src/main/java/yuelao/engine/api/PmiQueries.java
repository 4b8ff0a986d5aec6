package yuelao.engine.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yuelao.engine.pmi.AssociationMeasure;
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Collocations;
import yuelao.engine.pmi.ContingencyTable;
import yuelao.engine.pmi.Measure;
import yuelao.engine.pmi.PairScorer;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.engine.query.VocabularyIndex;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.tokenizer.analysis.TextAnalyzer;
import yuelao.tokenizer.phrase.PhraseTableFile;

/**
 * Every query on a count store, answered as {@link Answers} records: the one code path of the CLI's PMI verbs, the
 * server and the library (docs/method.md section 2). Query words and texts go through the store's own analyzer, so
 * "Congress" finds "congress" in a lower-cased store. Thread-safe; the PMI view of each settings is built once and
 * kept (at most {@value #VIEWS} of them, the least recently used dropped). Close it to unmap the store.
 *
 * <p>An unknown word is a {@link QueryException} of kind {@link QueryException.Kind#UNKNOWN_WORD} naming it; a bad
 * setting (a shift on npmi, smoothing below 0 ...) one of kind {@link QueryException.Kind#BAD_ARGUMENT}.
 */
public final class PmiQueries implements AutoCloseable {
    private static final int VIEWS = 8;

    private final CountStoreDirectory store;
    private final TextAnalyzer analyzer;
    private final VocabularyIndex prefixes;
    private final Map<PmiOptions, PmiView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PmiOptions, PmiView> eldest) {
            return size() > VIEWS;
        }
    };

    private PmiQueries(CountStoreDirectory store, Path phrases) throws IOException {
        this.store = store;
        // the store's analyzer, joining the phrases the corpus was read with (found where recorded, or at phrases)
        this.analyzer = new TextAnalyzer(store.analyzer(), PhraseTableFile.recorded(store.counts().properties(), phrases, store.path().toString()));
        this.prefixes = new VocabularyIndex(List.of(store.vocabulary().words()));
    }

    /** Opens and verifies the count store {@code dir}. */
    public static PmiQueries open(Path dir) throws IOException {
        return open(dir, null);
    }

    /**
     * Opens and verifies the count store {@code dir}; {@code phrases} names its phrase table when it has moved from the
     * path the store recorded (null: the recorded one, if any).
     */
    public static PmiQueries open(Path dir, Path phrases) throws IOException {
        CountStoreDirectory d = CountStoreDirectory.open(dir);
        try {
            return new PmiQueries(d, phrases);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /**
     * The scorer of {@code measure}: the PMI family's view with {@code family}'s options (its measure replaced), or an
     * association measure's view, which takes none of them (a shift, cds, smoothing or row-sum marginals given with one
     * is a {@link QueryException}).
     */
    public PairScorer scorer(Measure measure, PmiOptions family) {
        if (measure instanceof PmiMeasure p) {
            return view(new PmiOptions(p, family.shift(), family.cds(), family.smoothing(), family.marginals()));
        }
        if (family.shift() != 1 || family.cds() != 1 || family.smoothing() != 0 || family.marginals() != PmiOptions.Marginals.UNIGRAM) {
            throw QueryException.badArgument("shift, cds, smoothing and marginals apply to the PMI family (pmi, ppmi, npmi), not to "
                    + measure.id());
        }
        synchronized (associations) {
            return associations.computeIfAbsent((AssociationMeasure) measure, m -> AssociationView.of(store, m));
        }
    }

    private final Map<AssociationMeasure, AssociationView> associations = new java.util.HashMap<>();

    public CountStoreDirectory store() {
        return store;
    }

    /** The PMI view of {@code options}, built on first use. */
    public PmiView view(PmiOptions options) {
        synchronized (views) {
            PmiView v = views.get(options);
            if (v == null) {
                try {
                    v = PmiView.of(store, options);
                } catch (IllegalArgumentException e) {
                    throw QueryException.badArgument(e.getMessage());
                }
                views.put(options, v);
            }
            return v;
        }
    }

    /**
     * The id of a query word: the word as the store's analyzer writes it (e.g. lower-cased) when that gives one token,
     * else the word as given; an unknown word is a {@link QueryException}.
     */
    public int wordId(String word) {
        List<String> toks = analyzer.tokens(word);
        String w = toks.size() == 1 ? toks.get(0) : word;
        int id = store.vocabulary().id(w);
        if (id < 0) {
            throw QueryException.unknown("'" + word + "' is not in the vocabulary of " + store.path()
                    + String.format(java.util.Locale.ROOT, " (%,d words)", store.vocabulary().size()), List.of(word));
        }
        return id;
    }

    /** The top contexts of {@code word} by the measure, pairs seen fewer than {@code minPairCount} times skipped. */
    public Answers.Associates associates(String word, int top, double minPairCount, PmiOptions options) {
        return associates(word, top, minPairCount, view(options));
    }

    /** The top contexts of {@code word} by any measure (the PMI family's or an association measure's). */
    public Answers.Associates associates(String word, int top, double minPairCount, PairScorer scorer) {
        if (top < 1) {
            throw QueryException.badArgument("top must be at least 1, not " + top);
        }
        if (!(minPairCount >= 0)) {
            throw QueryException.badArgument("min count must be >= 0, not " + minPairCount);
        }
        int i = wordId(word);
        List<Answers.Associate> out = new ArrayList<>();
        for (Collocations.Collocation c : Collocations.ofWord(scorer, i, top, Collocations.Filter.minCount(minPairCount))) {
            out.add(new Answers.Associate(c.word2(), c.score(), c.pairCount()));
        }
        return new Answers.Associates(store.vocabulary().word(i), store.vocabulary().count(i), scorer.measure().id(), scorer.describe(),
                minPairCount, out);
    }

    /** The measure's value for a pair, with its count and both unigram counts. */
    public Answers.Pmi pmi(String a, String b, PmiOptions options) {
        PmiView view = view(options);
        int i = wordId(a);
        int j = wordId(b);
        PmiView.PairScore s = view.pair(i, j);
        boolean finite = Double.isFinite(s.value());
        return new Answers.Pmi(store.vocabulary().word(i), store.vocabulary().word(j), options.measure().id(), finite ? s.value() : null,
                s.observed(), s.observed() && s.count() == 0, s.count(), store.vocabulary().count(i), store.vocabulary().count(j),
                options.describe());
    }

    /**
     * An association measure's value for a pair with every frequency it comes from (docs/measures.md): the pair count O,
     * both words' counts, the expected count E = k f_x f_y / N, and the 2x2 table of pair tokens when the measure uses it.
     */
    public Answers.Association association(String a, String b, AssociationView view) {
        int i = wordId(a);
        int j = wordId(b);
        ContingencyTable t = view.table(i, j);
        double v = view.value(i, j, t.o11());
        boolean table = view.measure().needsTable();
        return new Answers.Association(store.vocabulary().word(i), store.vocabulary().word(j), view.measure().id(), Double.isFinite(v) ? v : null,
                t.o11() > 0, t.o11(), store.vocabulary().count(i), store.vocabulary().count(j), t.expected(), view.span(), view.tokens(),
                table ? t.o12() : null, table ? t.o21() : null, table ? t.o22() : null, table ? t.n() : null, table ? t.e11() : null,
                view.describe());
    }

    /** The options a sum over pairs runs with: {@code smooth} without smoothing means add-1 (the CLI's rule). */
    public static PmiOptions forPolicy(PmiOptions o, PmiView.Unobserved policy) {
        return policy == PmiView.Unobserved.SMOOTH && o.smoothing() == 0 ? new PmiOptions(o.measure(), o.shift(), o.cds(), 1, o.marginals()) : o;
    }

    /** PMI(A, B) = sum_i sum_j PMI(a_i, b_j) over the texts' in-vocabulary tokens, with the breakdown. */
    public Answers.PhrasePmi phrase(String textA, String textB, PmiView.Unobserved policy, PmiOptions options) {
        PmiOptions o = forPolicy(options, policy);
        PmiView view = view(o);
        TextAnalyzer.Mapped q = analyzer.map(textA, view.vocabulary());
        TextAnalyzer.Mapped a = analyzer.map(textB, view.vocabulary());
        if (q.ids().length == 0 || a.ids().length == 0) {
            List<String> oov = q.ids().length == 0 ? q.outOfVocabulary() : a.outOfVocabulary();
            throw QueryException.unknown("no in-vocabulary word in text " + (q.ids().length == 0 ? "A" : "B") + " (out of vocabulary: " + oov + ")",
                    oov);
        }
        PmiView.PhraseScore s = view.phrase(q.ids(), a.ids(), policy);
        List<Answers.Term> terms = new ArrayList<>();
        for (PmiView.Term t : s.terms()) {
            String note;
            if (t.q() == t.a()) {
                note = "same word: no PMI, " + (t.skipped() ? "skipped" : "0");
            } else if (t.score().count() > 0) {
                note = "";
            } else if (t.skipped()) {
                note = "unobserved: skipped";
            } else if (policy == PmiView.Unobserved.SMOOTH) {
                note = "unobserved: smoothed";
            } else {
                note = "unobserved: 0";
            }
            terms.add(new Answers.Term(view.vocabulary().word(t.q()), view.vocabulary().word(t.a()), t.score().count(),
                    t.skipped() ? null : t.contribution(), note));
        }
        return new Answers.PhrasePmi(textA, textB, o.measure().id(), s.total(), q.ids().length, a.ids().length, s.observedPairs(), s.unobservedPairs(), describe(policy, o), o.describe(),
                terms, q.outOfVocabulary(), a.outOfVocabulary());
    }

    /** The distinct in-vocabulary words of a text by the sum of their PMI with the text's other tokens (top {@code top}). */
    public Answers.Keywords keywords(String text, int top, PmiView.Unobserved policy, PmiOptions options) {
        if (top < 1) {
            throw QueryException.badArgument("top must be at least 1, not " + top);
        }
        PmiOptions o = forPolicy(options, policy);
        PmiView view = view(o);
        TextAnalyzer.Mapped m = analyzer.map(text, view.vocabulary());
        if (m.ids().length == 0) {
            throw QueryException.unknown("no in-vocabulary word in the text (out of vocabulary: " + m.outOfVocabulary() + ")", m.outOfVocabulary());
        }
        List<PmiView.Keyword> kw = view.keywords(m.ids(), policy);
        List<Answers.Keyword> out = new ArrayList<>();
        for (PmiView.Keyword k : kw.subList(0, Math.min(top, kw.size()))) {
            out.add(new Answers.Keyword(k.word(), k.score(), k.pairs()));
        }
        return new Answers.Keywords(text, o.measure().id(), o.describe(), describe(policy, o), out, m.outOfVocabulary());
    }

    /** Up to {@code limit} vocabulary words starting with {@code prefix}, most frequent first. */
    public Answers.Vocabulary prefix(String prefix, int limit) {
        if (limit < 1) {
            throw QueryException.badArgument("limit must be at least 1, not " + limit);
        }
        List<Answers.Entry> out = new ArrayList<>();
        for (int id : prefixes.startingWith(prefix, limit)) {
            out.add(new Answers.Entry(store.vocabulary().word(id), store.vocabulary().count(id)));
        }
        return new Answers.Vocabulary(prefix, out);
    }

    /** Sizes and the settings the store was counted with. */
    public Answers.StoreInfo info() {
        CountStore c = store.counts();
        return new Answers.StoreInfo(store.vocabulary().size(), c.totalTokens(), c.nonZeros(), c.properties());
    }

    /** How a sum treats unobserved pairs, in words (the CLI's headers). */
    public static String describe(PmiView.Unobserved policy, PmiOptions o) {
        return switch (policy) {
            case SKIP -> "unobserved pairs skipped";
            case ZERO -> "unobserved pairs counted as 0";
            case SMOOTH -> "unobserved pairs smoothed with add-" + o.smoothing();
        };
    }

    @Override
    public void close() {
        analyzer.close();
        store.close();
    }
}
