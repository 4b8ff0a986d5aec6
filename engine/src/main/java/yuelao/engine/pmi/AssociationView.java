package yuelao.engine.pmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import yuelao.core.StoreKeys;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreDirectory;

/**
 * An association measure over a count store (docs/measures.md): builds each pair's {@link ContingencyTable} from the
 * store and scores it. Immutable and thread-safe: the counts are memory-mapped, the per-word figures computed once.
 *
 * <p>For a pair (a, b) of the store, with the store's conventions (docs/method.md section 1):
 *
 * <ul>
 *   <li>O = x_ab, the pair's count (its weighted co-occurrence events, each counted once);
 *   <li>f_x = n_a and f_y = n_b, the words' corpus frequencies;
 *   <li>E = k n_a n_b / N, with k = 2 sum_{d=1..W} w(d) the window span (2W for uniform weights: a word's symmetric
 *       window offers its neighbours 2W slots) and N the tokens the windows ran over (the vocabulary's tokens, or every
 *       token when out-of-vocabulary tokens kept their positions);
 *   <li>the 2x2 table of the store's pair tokens: O11 = x_ab, R1 = x_a*, C1 = x_*b, N = X (row sums and X without the
 *       diagonal), computed only for the measures that need it.
 * </ul>
 */
public final class AssociationView implements PairScorer {
    private final CountStoreDirectory store;
    private final CountStore counts;
    private final AssociationMeasure measure;
    private final double[] unigram;
    private final double[] rowSums;
    private final double pairTotal;
    private final double tokens;
    private final double span;
    private final double scale;
    private final int window;
    private final String weighting;
    private final List<String> warnings = new ArrayList<>();

    private AssociationView(CountStoreDirectory store, AssociationMeasure measure) {
        this.store = store;
        this.counts = store.counts();
        this.measure = measure;
        this.scale = counts.scale();
        int v = counts.vocabSize();
        this.unigram = new double[v];
        for (int i = 0; i < v; i++) {
            unigram[i] = counts.unigramCount(i);
        }
        if (measure.needsTable()) {
            rowSums = new double[v];
            for (int i = 0; i < v; i++) {
                long units = 0;
                for (long k = counts.rowStart(i); k < counts.rowEnd(i); k++) {
                    if (counts.column(k) != i) {
                        units += counts.units(k);
                    }
                }
                rowSums[i] = units / scale;
            }
        } else {
            rowSums = null;
        }
        this.pairTotal = counts.totalPairMass();
        this.window = Integer.parseInt(store.property(StoreKeys.WINDOW, "1"));
        this.weighting = store.property(StoreKeys.WEIGHTING, "uniform");
        this.span = span(WindowWeighting.parse(weighting), window);
        boolean keepOov = Boolean.parseBoolean(store.property(StoreKeys.KEEP_OOV_POSITIONS, "false"));
        long counted = Long.parseLong(store.property(StoreKeys.CORPUS_COUNTED_TOKENS, Long.toString(counts.totalTokens())));
        this.tokens = keepOov ? Math.max(counted, counts.totalTokens()) : counts.totalTokens();
        double subsample = Double.parseDouble(store.property(StoreKeys.SUBSAMPLE, "0"));
        if (subsample > 0) {
            warnings.add(String.format(Locale.ROOT, "this store was counted with --subsample %s, which deletes frequent words before "
                    + "windowing: the expected counts no longer match the windows; count without --subsample for collocation statistics",
                    subsample));
        }
    }

    /** The view of {@code measure} over {@code store}; O(V) set-up, plus one pass over the store for the 2x2 measures. */
    public static AssociationView of(CountStoreDirectory store, AssociationMeasure measure) {
        return new AssociationView(store, measure);
    }

    /** k = 2 sum_{d=1..W} w(d): the weight one occurrence's window gives its neighbours (docs/measures.md). */
    public static double span(WindowWeighting weighting, int window) {
        long[] units = weighting.unitsByDistance(window);
        long sum = 0;
        for (int d = 1; d <= window; d++) {
            sum += units[d];
        }
        return 2.0 * sum / weighting.scale(window);
    }

    @Override
    public AssociationMeasure measure() {
        return measure;
    }

    @Override
    public CountStoreDirectory store() {
        return store;
    }

    /** The window span k of the expected counts. */
    public double span() {
        return span;
    }

    /** The tokens N of the expected counts. */
    public double tokens() {
        return tokens;
    }

    /** Notes on how far the store fits the measures' assumptions (e.g. subsampling), one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The table of (i, j) given x_ij (0 = unobserved). */
    public ContingencyTable table(int i, int j, double x) {
        double ri = rowSums != null ? rowSums[i] : 0;
        double rj = rowSums != null ? rowSums[j] : 0;
        return ContingencyTable.windowed(x, ri, rj, rowSums != null ? pairTotal : 0, unigram[i], unigram[j], tokens, span);
    }

    /** The table of (i, j) as the store holds it. */
    public ContingencyTable table(int i, int j) {
        return table(i, j, counts.count(i, j));
    }

    @Override
    public double value(int i, int j, double x) {
        double ni = unigram[i];
        double nj = unigram[j];
        double e = span * ni * nj / tokens;
        if (rowSums == null) {
            return measure.score(x, 0, 0, 0, ni, nj, e);
        }
        return measure.score(x, rowSums[i], rowSums[j], pairTotal, ni, nj, e);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s; E = k n_x n_y / N with window span k = %s (window %d, %s weights), N = %,.0f%s", measure.id(),
                trim(span), window, weighting, tokens, measure.needsTable() ? "; 2x2 table of pair tokens (x_ab, x_a*, x_*b, X)" : "");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
