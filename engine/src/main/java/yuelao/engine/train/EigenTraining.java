package yuelao.engine.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import yuelao.engine.linalg.SparseSymmetric;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreDirectory;

/**
 * The closed forms, {@code --method eig} and {@code svd} (docs/method.md section 3): the top eigen-directions of the
 * shifted, smoothed PPMI matrix (eig: the positive ones, the only ones a shared table can represent; svd: by |lambda|),
 * frequency-balanced by {@code --balance}, v = Q diag(lambda)^p with the balancing undone on the rows. Also the eig
 * start of the iterative methods.
 */
public final class EigenTraining {
    private EigenTraining() {}

    /** Trains by the closed form of {@code s.method()} (eig or svd). */
    public static Trained train(CountStoreDirectory store, TrainSettings s, Consumer<String> progress) {
        long t0 = System.nanoTime();
        EigenFactorization.Keep keep = s.method() == TrainSettings.Method.EIG ? EigenFactorization.Keep.POSITIVE
                : EigenFactorization.Keep.MAGNITUDE;
        int iterations = s.closedForm().iterations();
        EigenFactorization.Result r = factorize(store, s, keep, it -> progress.accept(String.format(Locale.ROOT,
                "%s: subspace iteration %d/%d (%.1fs)", s.method().id(), it, iterations, (System.nanoTime() - t0) / 1e9)));
        double[] ev = r.eigenvalues();
        int usable = 0;
        while (usable < ev.length && (keep == EigenFactorization.Keep.POSITIVE ? ev[usable] > 0 : ev[usable] != 0)) {
            usable++;
        }
        if (usable < s.dim()) { // the rest would be zero columns (and their residuals meaningless)
            throw new IllegalArgumentException("the store's PPMI matrix has only " + usable + (keep == EigenFactorization.Keep.POSITIVE
                    ? " positive" : " non-zero") + " eigen-directions, fewer than --dim " + s.dim() + ": use --dim " + Math.max(1, usable)
                    + " or less, or count a larger corpus");
        }
        double maxRes = 0;
        for (double x : r.residuals()) {
            maxRes = Math.max(maxRes, x);
        }
        String summary = String.format(Locale.ROOT, "eigenvalues %.3f .. %.3f; largest relative residual %.3g", ev[0], ev[ev.length - 1], maxRes);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("train.eigenvalue.first", Double.toString(ev[0]));
        props.put("train.eigenvalue.last", Double.toString(ev[ev.length - 1]));
        return new Trained(r.vectors(), ev, summary, props);
    }

    /**
     * The eig start W = Q diag(lambda)^p and, if {@code contexts}, its counterpart C = Q diag(lambda)^(1-p) (so that
     * W C^T = Q diag(lambda) Q^T), both unbalanced; {@code [1]} is null without contexts.
     */
    public static float[][] eigStart(CountStoreDirectory store, TrainSettings s, boolean contexts) {
        EigenFactorization.Result r = factorize(store, s, EigenFactorization.Keep.POSITIVE, it -> {});
        float[] v = r.vectors();
        float[] c = null;
        int dim = s.dim();
        if (contexts) { // column scaling commutes with the rows' unbalancing
            double[] ev = r.eigenvalues();
            float[] f = new float[dim];
            for (int k = 0; k < dim; k++) {
                f[k] = ev[k] > 0 ? (float) Math.pow(ev[k], 1 - 2 * s.closedForm().power()) : 0f;
            }
            c = v.clone();
            for (int k = 0; k < c.length; k++) {
                c[k] *= f[k % dim];
            }
        }
        return new float[][] {v, c};
    }

    private static EigenFactorization.Result factorize(CountStoreDirectory store, TrainSettings s, EigenFactorization.Keep keep,
            IntConsumer progress) {
        ClosedFormSettings c = s.closedForm();
        PmiView ppmi = PmiView.of(store, new PmiOptions(PmiMeasure.PPMI, c.shift(), c.cds(), 0, PmiOptions.Marginals.UNIGRAM));
        double[] bal = balance(store.counts(), c.balance());
        try (SparseSymmetric m = new SparseSymmetric(store.counts(),
                (i, j, x) -> i == j ? 0f : (float) (ppmi.value(i, j, x) * bal[i] * bal[j]))) {
            EigenFactorization.Result r = EigenFactorization.compute(m, s.dim(), c.oversample(), c.iterations(), c.power(), keep, s.seed(),
                    s.threads(), progress);
            unbalance(r.vectors(), bal, s.dim());
            return r;
        }
    }

    /**
     * Frequency balancing factors s_i = (n_i / n_0)^a (n_0 = the largest unigram count); all 1 when a = 0. The closed
     * forms factorize D M D with D = diag(s): a weighted least-squares fit of M with weights (s_i s_j)^2 on entry (i, j),
     * so a > 0 gives frequent pairs more say than the plain Frobenius fit.
     */
    static double[] balance(CountStore c, double a) {
        int n = c.vocabSize();
        double[] s = new double[n];
        double n0 = 1;
        for (int i = 0; i < n; i++) {
            n0 = Math.max(n0, c.unigramCount(i));
        }
        for (int i = 0; i < n; i++) {
            s[i] = a == 0 ? 1 : Math.pow(Math.max(1, c.unigramCount(i)) / n0, a);
        }
        return s;
    }

    /** Undoes the balancing on the rows: v_i /= s_i, so that {@code <v_i, v_j>} estimates M_ij again. */
    static void unbalance(float[] v, double[] s, int dim) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] != 1) {
                float f = (float) (1 / s[i]);
                for (int k = 0; k < dim; k++) {
                    v[i * dim + k] *= f;
                }
            }
        }
    }
}
