package yuelao.engine.stage;

import yuelao.engine.subword.SpectralReweighting;
import yuelao.engine.subword.SubwordFeatures;
import yuelao.engine.subword.SubwordRefiner;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.subword.SubwordSgns;
import yuelao.engine.subword.SubwordTrainer;
import yuelao.engine.train.TrainSettings;
import yuelao.engine.vectors.VectorsDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.core.Vocabulary;

/**
 * The subword step of training ({@code --subwords}): word vectors from the word-level method, then the feature
 * table fitted to them (and optionally refined on the composed vectors); the output's {@code vectors.bin} holds
 * the composed word vectors, {@code subwords.bin} the feature table.
 *
 * <p>Choices, by measurement on english-mix (docs/experiments/subwords.md): the composition is the <b>sum</b> of the
 * feature vectors with the word's <b>own id included</b>; the fit target is the eig vectors reweighted to
 * eigenvalue power {@code --subword-power} 0 and normalised to unit length (directions: frequent words' large
 * norms do not dominate the shared n-grams), ridge 8. The refinement is off by default (it takes about 6x the
 * time); with it, the recipe is fastText's objective over the counts, the fit blended back, then a linear
 * {@link SpectralReweighting} of the whole table (linear, so compositions stay sums).
 */
public final class SubwordStage {
    private SubwordStage() {}

    /** The composed vectors, the feature lists and the feature table. */
    public record Result(float[] composed, SubwordFeatures features, float[] table, String summary) {}

    /** @param eigenvalues the eig/svd eigenvalues of the word vectors' columns (null for the pmi method) */
    static Result run(CountStoreDirectory store, Vocabulary v, float[] wordVectors, double[] eigenvalues, TrainSettings o,
            SubwordSettings sw, Map<String, String> props, Consumer<String> progress) {
        long t0 = System.nanoTime();
        int dim = o.dim();
        double trainedPower = o.closedForm().power();
        SubwordFeatures.Spec spec = new SubwordFeatures.Spec(sw.minn(), sw.maxn(), sw.buckets(),
                SubwordFeatures.Scheme.forAnalyzer(props.get("analyzer")));
        SubwordFeatures f = SubwordFeatures.build(v.words(), spec, sw.includeWord(), sw.minCount());
        progress.accept(String.format(Locale.ROOT, "subwords: %,d words, %,d used buckets, %.1f features per word", v.size(),
                f.bucketIds().length, (double) f.ids().length / v.size()));
        if (eigenvalues != null && sw.power() != trainedPower) {
            // the fit's own eigenvalue weighting: U diag(lambda)^p -> U diag(lambda)^q, column by column
            wordVectors = wordVectors.clone();
            for (int c = 0; c < dim; c++) {
                double lambda = Math.abs(eigenvalues[c]);
                float s = (float) (lambda > 0 ? Math.pow(lambda, sw.power() - trainedPower) : 0);
                for (int w = 0; w < v.size(); w++) {
                    wordVectors[w * dim + c] *= s;
                }
            }
        }
        if (sw.unitFit()) { // fit the directions: every word counts the same in what its n-grams share
            wordVectors = wordVectors.clone();
            for (int w = 0; w < v.size(); w++) {
                double ss = 0;
                for (int k = 0; k < dim; k++) {
                    ss += (double) wordVectors[w * dim + k] * wordVectors[w * dim + k];
                }
                float inv = ss > 0 ? (float) (1 / Math.sqrt(ss)) : 0f;
                for (int k = 0; k < dim; k++) {
                    wordVectors[w * dim + k] *= inv;
                }
            }
        }
        float[] z = SubwordTrainer.fit(f, wordVectors, null, dim, sw.ridge(), sw.fitIterations(), o.threads(),
                it -> progress.accept(String.format(Locale.ROOT, "subwords: fit iteration %d/%d (%.1fs)", it, sw.fitIterations(),
                        (System.nanoTime() - t0) / 1e9)));
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "subwords %d-%d (%s): %,d used buckets of %,d, %.1f features per word; fit in %.1fs", sw.minn(), sw.maxn(),
                spec.scheme().name().toLowerCase(Locale.ROOT), f.bucketIds().length, sw.buckets(), (double) f.ids().length / v.size(),
                (System.nanoTime() - t0) / 1e9));
        if (sw.refinementEpochs() > 0 && sw.loss() == SubwordSettings.Loss.PMI) {
            PmiView ppmi = PmiView.of(store, new PmiOptions(PmiMeasure.PPMI, o.closedForm().shift(), o.closedForm().cds(), 0,
                    PmiOptions.Marginals.UNIGRAM));
            double xMax = o.pmi().xMax();
            double alpha = o.pmi().alpha();
            SubwordRefiner.PairValues values = new SubwordRefiner.PairValues() {
                @Override
                public float target(int i, int j, double x) {
                    return (float) ppmi.value(i, j, x);
                }

                @Override
                public float weight(int i, int j, double x) {
                    return (float) Math.min(1.0, Math.pow(x / xMax, alpha));
                }
            };
            SubwordRefiner r = new SubwordRefiner(f, store.counts(), values, o, sw);
            for (int e = 1; e <= sw.refinementEpochs(); e++) {
                double loss = r.epoch(z, e, o.threads());
                String line = String.format(Locale.ROOT, "subwords: refinement epoch %d/%d: loss %.5f (%.1fs)", e, sw.refinementEpochs(), loss,
                        (System.nanoTime() - t0) / 1e9);
                progress.accept(line);
                summary.append("\n").append(line);
            }
        } else if (sw.refinementEpochs() > 0) {
            float[] closedForm = sw.blend() > 0 ? z.clone() : null;
            float[] contexts = new float[v.size() * dim];
            if (sw.contexts() == SubwordSettings.Contexts.UNIT) {
                System.arraycopy(wordVectors, 0, contexts, 0, contexts.length); // the unit-length fit targets
            }
            SubwordSgns sg = new SubwordSgns(f, store.counts(), o, sw);
            sg.train(z, contexts, sw.refinementEpochs(), sw.samples(), o.threads(), st -> {
                String line = String.format(Locale.ROOT,
                        "subwords: sgns epoch %d/%d: log-loss %.4f per positive, %.4f per negative; %.1fs (%.1fs in all)", st.epoch(),
                        sw.refinementEpochs(), st.positiveLoss(), st.negativeLoss(), st.seconds(), (System.nanoTime() - t0) / 1e9);
                progress.accept(line);
                summary.append("\n").append(line);
            });
            if (closedForm != null) {
                // z = z_sgns / rms_sgns + blend z_fit / rms_fit: each part scaled to unit mean square composed norm, so
                // that the blend weighs directions, not scales; still one feature table, compositions still sums
                float trainedScale = (float) (1 / rms(f.compose(z, dim, o.threads()), dim));
                float cf = (float) (sw.blend() / rms(f.compose(closedForm, dim, o.threads()), dim));
                for (int k = 0; k < z.length; k++) {
                    z[k] = trainedScale * z[k] + cf * closedForm[k];
                }
                summary.append(String.format(Locale.ROOT, "\nsubwords: blended with the closed-form fit, weight %.2f", sw.blend()));
            }
        }
        if (!sw.spectrumIsIdentity()) {
            SpectralReweighting.apply(z, dim, SpectralReweighting.map(f.compose(z, dim, o.threads()), dim, sw.spectralPower(), sw.dropTop(), true,
                    o.threads()), o.threads());
            summary.append(String.format(Locale.ROOT, "\nsubwords: singular values s -> c s^%.2f, %d strongest direction(s) removed",
                    sw.spectralPower(), sw.dropTop()));
        }
        float[] composed = f.compose(z, dim, o.threads());
        return new Result(composed, f, z, summary.toString());
    }

    /** Root mean square of the rows' norms. */
    private static double rms(float[] rows, int dim) {
        double ss = 0;
        for (float x : rows) {
            ss += (double) x * x;
        }
        int n = rows.length / dim;
        return n > 0 && ss > 0 ? Math.sqrt(ss / n) : 1;
    }

    /** The feature table as {@code subwords.bin} stores it: the words' own rows, then the used buckets' rows. */
    static VectorsDirectory.Subwords stored(Result r, int dim) {
        SubwordFeatures f = r.features();
        int words = f.words(); // own-id rows (zero for a word without one)
        float[] wordPart = java.util.Arrays.copyOfRange(r.table(), 0, words * dim);
        float[] bucketPart = java.util.Arrays.copyOfRange(r.table(), words * dim, f.features() * dim);
        return new VectorsDirectory.Subwords(words, f.bucketIds(), wordPart, bucketPart);
    }
}
