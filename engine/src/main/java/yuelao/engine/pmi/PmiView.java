package yuelao.engine.pmi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.core.Vocabulary;

/**
 * PMI as a queryable object over a count store (docs/method.md section 2). Immutable and thread-safe: the counts
 * are memory-mapped and the per-word log-marginals are computed once.
 *
 * <p>Formulas, with x_ij the pair count, X = sum over ordered pairs i != j of x_ij, c_i the marginal count
 * (unigram n_i by default, or the row sum x_i* = sum over j != i of x_ij), and V the vocabulary size:
 *
 * <ul>
 *   <li>add-lambda smoothing (lambda = 0 by default): x'_ij = x_ij + lambda, X' = X + lambda V (V - 1), and for
 *       row-sum marginals x'_i* = x_i* + lambda (V - 1);
 *   <li>context-distribution smoothing with exponent a (1 = none), applied to both sides so that PMI stays
 *       symmetric: P(i) = c_i^a / sum_k c_k^a;
 *   <li>{@code PMI_ij = log x'_ij - log X' - log P(i) - log P(j) - log k}, k the shift (1 = none); with unigram
 *       marginals and no smoothing this is docs/method.md's {@code log x_ij - log X - log n_i - log n_j + 2 log N};
 *   <li>{@code PPMI_ij = max(PMI_ij, 0)} (SPPMI_k when k > 1);
 *   <li>{@code NPMI_ij = PMI_ij / (-log P(i,j))} with P(i,j) = x'_ij / X' and no shift, in [-1, 1].
 * </ul>
 *
 * Unobserved pairs (x'_ij = 0) never become a number by accident: PMI reports "unobserved" ({@link
 * PairScore#observed()} false, value negative infinity), PPMI and SPPMI give 0, NPMI gives -1.
 */
public final class PmiView implements PairScorer {
    private final CountStoreDirectory store;
    private final CountStore counts;
    private final Vocabulary vocabulary;
    private final PmiOptions options;
    private final double[] logP;
    private final double logX;
    private final double logShift;
    private final double scale;
    private final double lambda;

    private PmiView(CountStoreDirectory store, PmiOptions options) {
        if (options.measure() == PmiMeasure.NPMI && options.shift() != 1) {
            throw new IllegalArgumentException("--shift applies to pmi and ppmi, not to npmi");
        }
        this.store = store;
        this.counts = store.counts();
        this.vocabulary = store.vocabulary();
        this.options = options;
        this.scale = counts.scale();
        this.lambda = options.smoothing();
        int v = vocabulary.size();
        double pairsOrdered = (double) v * (v - 1);
        double x = counts.totalPairMass() + lambda * pairsOrdered;
        this.logX = Math.log(x);
        this.logShift = Math.log(options.shift());
        double[] c = new double[v];
        for (int i = 0; i < v; i++) {
            if (options.marginals() == PmiOptions.Marginals.UNIGRAM) {
                c[i] = counts.unigramCount(i);
            } else {
                double rowSum = 0;
                for (long k = counts.rowStart(i); k < counts.rowEnd(i); k++) {
                    if (counts.column(k) != i) {
                        rowSum += counts.units(k);
                    }
                }
                c[i] = rowSum / scale + lambda * (v - 1);
            }
        }
        double a = options.cds();
        double total = 0;
        for (double ci : c) {
            total += a == 1 ? ci : Math.pow(ci, a);
        }
        double logTotal = Math.log(total);
        this.logP = new double[v];
        for (int i = 0; i < v; i++) {
            logP[i] = (a == 1 ? Math.log(c[i]) : a * Math.log(c[i])) - logTotal;
        }
    }

    public static PmiView of(CountStoreDirectory store, PmiOptions options) {
        return new PmiView(store, options);
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public PmiOptions options() {
        return options;
    }

    @Override
    public PmiMeasure measure() {
        return options.measure();
    }

    @Override
    public String describe() {
        return options.describe();
    }

    @Override
    public CountStoreDirectory store() {
        return store;
    }

    /** The id of a word, or empty if it is not in the vocabulary. */
    public OptionalInt id(String word) {
        int i = vocabulary.id(word);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** log P(i) after smoothing (for tests and exports). */
    public double logMarginal(int i) {
        return logP[i];
    }

    /**
     * A pair's score.
     *
     * @param count x_ij (0 if unobserved; before add-lambda)
     * @param observed false if the pair never co-occurred and no smoothing makes it finite
     * @param value the measure's value (PMI of an unobserved pair: negative infinity)
     */
    public record PairScore(int i, int j, double count, boolean observed, double value) {}

    /** The score of (i, j): one binary search in row i, O(log degree). */
    public PairScore pair(int i, int j) {
        long k = counts.find(i, j);
        double x = k < 0 ? 0 : counts.units(k) / scale;
        return score(i, j, x);
    }

    /** The measure's value for (i, j) given x_ij (0 = unobserved). */
    @Override
    public double value(int i, int j, double x) {
        double xs = x + lambda;
        if (xs <= 0) {
            return unobservedValue();
        }
        // (logP[i] + logP[j]) first: floating-point addition commutes, so PMI_ij == PMI_ji exactly.
        double pmi = Math.log(xs) - logX - (logP[i] + logP[j]);
        return switch (options.measure()) {
            case PMI -> pmi - logShift;
            case PPMI -> Math.max(pmi - logShift, 0);
            case NPMI -> npmi(pmi, Math.log(xs) - logX);
        };
    }

    private PairScore score(int i, int j, double x) {
        return new PairScore(i, j, x, x + lambda > 0, value(i, j, x));
    }

    /** NPMI = PMI / (-log P(i,j)); a pair with P(i,j) = 1 is perfectly associated (1). */
    private static double npmi(double pmi, double logPij) {
        if (logPij >= 0) {
            return 1;
        }
        return Math.max(-1, Math.min(1, pmi / -logPij));
    }

    /** A context word of a query word, with its score. */
    public record Associate(int id, String word, double count, double value) {}

    /**
     * The top contexts of word i by the measure, from one row scan (no full-matrix pass); pairs with fewer
     * than {@code minPairCount} co-occurrences are skipped. Ties: the more frequent pair first, then the lower id.
     */
    public List<Associate> associates(int i, int top, double minPairCount) {
        if (top <= 0) {
            return List.of();
        }
        List<Associate> out = new ArrayList<>();
        for (Collocations.Collocation c : Collocations.ofWord(this, i, top, Collocations.Filter.minCount(minPairCount))) {
            out.add(new Associate(c.id2(), c.word2(), c.pairCount(), c.score()));
        }
        return out;
    }

    /** How a sum treats unobserved pairs. */
    public enum Unobserved {
        /** Left out of the sum (and listed as skipped). */
        SKIP,
        /** Counted as 0, as PPMI does. */
        ZERO,
        /** Given a finite value by add-lambda smoothing of the counts. */
        SMOOTH;

        public static Unobserved parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "skip" -> SKIP;
                case "zero" -> ZERO;
                case "smooth" -> SMOOTH;
                default -> throw new IllegalArgumentException("unknown --unobserved '" + s + "' (expected skip, zero or smooth)");
            };
        }
    }

    /** One term of an additive sum: the pair, its score, and what was done with it. */
    public record Term(int q, int a, PairScore score, double contribution, boolean skipped) {}

    /** PMI(Q, A) with its breakdown. */
    public record PhraseScore(double total, List<Term> terms, int observedPairs, int unobservedPairs) {}

    /**
     * The additive multi-feature decomposition (docs/method.md section 2): PMI(Q, A) = sum_i sum_j PMI(q_i, a_j),
     * repeats counted with multiplicity. Ids must be in the vocabulary. A pair of the same word is a
     * self-pair: it has no PMI in this model and is treated like an unobserved pair.
     *
     * @param policy what an unobserved pair contributes; SMOOTH needs a view built with smoothing > 0
     */
    public PhraseScore phrase(int[] q, int[] a, Unobserved policy) {
        if (policy == Unobserved.SMOOTH && lambda <= 0) {
            throw new IllegalArgumentException("--unobserved smooth needs --smoothing > 0");
        }
        List<Term> terms = new ArrayList<>(q.length * a.length);
        double total = 0;
        int observed = 0;
        int unobserved = 0;
        for (int qi : q) {
            for (int aj : a) {
                PairScore s = qi == aj ? new PairScore(qi, aj, 0, false, unobservedValue()) : pair(qi, aj);
                boolean seen = s.count() > 0 && qi != aj;
                double contribution;
                boolean skipped = false;
                if (seen || (policy == Unobserved.SMOOTH && qi != aj)) {
                    contribution = s.value();
                } else if (policy == Unobserved.ZERO) {
                    contribution = 0;
                } else {
                    contribution = 0;
                    skipped = true;
                }
                if (seen) {
                    observed++;
                } else {
                    unobserved++;
                }
                total += contribution;
                terms.add(new Term(qi, aj, s, contribution, skipped));
            }
        }
        return new PhraseScore(total, terms, observed, unobserved);
    }

    private double unobservedValue() {
        return switch (options.measure()) {
            case PMI -> Double.NEGATIVE_INFINITY;
            case PPMI -> 0;
            case NPMI -> -1;
        };
    }

    /** A word of a text with its association to the rest of the text. */
    public record Keyword(int id, String word, double score, int pairs) {}

    /**
     * Keywords of a text: each distinct in-vocabulary word w scored by sum_j PMI(w, t_j) over the text's other
     * tokens t_j (every token position whose word is not w; repeats count), unobserved pairs handled by the
     * policy; ranked by score, ties by id.
     */
    public List<Keyword> keywords(int[] tokens, Unobserved policy) {
        int[] distinct = Arrays.stream(tokens).distinct().toArray();
        List<Keyword> out = new ArrayList<>();
        for (int w : distinct) {
            int[] others = Arrays.stream(tokens).filter(t -> t != w).toArray();
            PhraseScore s = phrase(new int[] {w}, others, policy);
            out.add(new Keyword(w, vocabulary.word(w), s.total(), s.observedPairs()));
        }
        out.sort((x, y) -> x.score() != y.score() ? Double.compare(y.score(), x.score()) : Integer.compare(x.id(), y.id()));
        return out;
    }
}
