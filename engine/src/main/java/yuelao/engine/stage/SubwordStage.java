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

    /** The property of a word-level closed-form model that holds its eigenvalues, comma-separated. */
    static final String EIGENVALUES = "train.eigenvalues";

    /** One standalone subword job ({@code yuelao subwords}): a store, the word-level vectors trained on it, the output. */
    public static final class Job {
        private final Path store;
        private final Path vectors;
        private final Path out;
        private final boolean force;
        private final SubwordSettings settings;
        private final int threads;
        private final Consumer<String> progress;
        private final yuelao.engine.train.Evaluator evaluator;

        private Job(Builder b) {
            this.store = java.util.Objects.requireNonNull(b.store, "store");
            this.vectors = java.util.Objects.requireNonNull(b.vectors, "vectors");
            this.out = java.util.Objects.requireNonNull(b.out, "out");
            this.force = b.force;
            this.settings = java.util.Objects.requireNonNull(b.settings, "settings");
            this.threads = b.threads;
            this.progress = b.progress;
            this.evaluator = b.evaluator;
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
        }

        public static final class Builder {
            private Path store;
            private Path vectors;
            private Path out;
            private boolean force;
            private SubwordSettings settings = SubwordSettings.builder().build();
            private int threads = Runtime.getRuntime().availableProcessors();
            private Consumer<String> progress = line -> {};
            private yuelao.engine.train.Evaluator evaluator;

            private Builder() {}

            /** Scores the composed vectors once they are fitted; null for none. */
            public Builder evaluator(yuelao.engine.train.Evaluator evaluator) {
                this.evaluator = evaluator;
                return this;
            }

            /** The count store the word vectors were trained on. */
            public Builder store(Path store) {
                this.store = store;
                return this;
            }

            /** The word-level VECTORS directory (from {@code train --subwords none}). */
            public Builder vectors(Path vectors) {
                this.vectors = vectors;
                return this;
            }

            /** The VECTORS directory to write. */
            public Builder out(Path out) {
                this.out = out;
                return this;
            }

            public Builder force(boolean force) {
                this.force = force;
                return this;
            }

            public Builder settings(SubwordSettings settings) {
                this.settings = settings;
                return this;
            }

            public Builder threads(int threads) {
                this.threads = threads;
                return this;
            }

            public Builder progress(Consumer<String> progress) {
                this.progress = java.util.Objects.requireNonNull(progress);
                return this;
            }

            public Job build() {
                return new Job(this);
            }
        }
    }

    public static Job.Builder job() {
        return new Job.Builder();
    }

    /**
     * Fits a subword model to word-level vectors already trained on {@code store}, and writes a VECTORS directory with
     * the composed vectors and the feature table. The same files as {@code train} with {@code --subwords} in one go:
     * the training settings and, for the closed forms, the eigenvalues come from the word-level model's properties.
     */
    public static TrainingStage.Result run(Job job) throws IOException {
        long t0 = System.nanoTime();
        try (CountStoreDirectory store = CountStoreDirectory.open(job.store)) {
            VectorsDirectory.Loaded word = VectorsDirectory.load(job.vectors);
            Vocabulary v = store.vocabulary();
            if (word.vocabulary().fingerprint() != v.fingerprint()) {
                throw new yuelao.storage.format.StoreFormatException(job.vectors, "was not trained on " + job.store + " (another vocabulary)");
            }
            Map<String, String> props = new java.util.LinkedHashMap<>(word.properties());
            if (props.containsKey("subwords.minn")) {
                throw new IllegalArgumentException(job.vectors + ": already a subword model; fit to the word-level vectors (train --subwords none)");
            }
            String ev = props.remove(EIGENVALUES);
            double[] eigenvalues = ev == null ? null : parseEigenvalues(job.vectors, ev, word.dim());
            TrainSettings o = trainSettings(props, word.dim(), job.threads);
            job.settings.toProperties(props);
            Result sw = run(store, v, word.data(), eigenvalues, o, job.settings, props, job.progress);
            sw.features().spec().toProperties(props);
            String summary = sw.summary();
            if (job.evaluator != null) {
                summary += "\nevaluation: " + job.evaluator.evaluate(v, sw.composed(), word.dim());
            }
            VectorsDirectory.write(job.out, job.force, java.util.List.of(job.store, job.vectors),
                    new VectorsDirectory.Contents(v, sw.composed(), word.dim(), props, stored(sw, word.dim())));
            return new TrainingStage.Result(v, sw.composed(), word.dim(), (System.nanoTime() - t0) / 1e9, summary);
        }
    }

    /** The training settings the subword step reads (dim, seed, threads, the closed form's p, shift, cds, pmi's x_max, alpha). */
    private static TrainSettings trainSettings(Map<String, String> p, int dim, int threads) {
        yuelao.engine.train.ClosedFormSettings.Builder c = yuelao.engine.train.ClosedFormSettings.builder();
        java.util.Optional.ofNullable(p.get("train.power")).ifPresent(x -> c.power(Double.parseDouble(x)));
        java.util.Optional.ofNullable(p.get("train.shift")).ifPresent(x -> c.shift(Double.parseDouble(x)));
        java.util.Optional.ofNullable(p.get("train.cds")).ifPresent(x -> c.cds(Double.parseDouble(x)));
        yuelao.engine.train.PmiSettings.Builder m = yuelao.engine.train.PmiSettings.builder();
        java.util.Optional.ofNullable(p.get("train.xMax")).ifPresent(x -> m.xMax(Double.parseDouble(x)));
        java.util.Optional.ofNullable(p.get("train.alpha")).ifPresent(x -> m.alpha(Double.parseDouble(x)));
        return TrainSettings.builder().method(TrainSettings.Method.parse(p.getOrDefault("train.method", "eig"))).dim(dim)
                .seed(Long.parseLong(p.getOrDefault("train.seed", "1"))).threads(threads).closedForm(c.build()).pmi(m.build()).build();
    }

    static String formatEigenvalues(double[] ev) {
        StringBuilder sb = new StringBuilder();
        for (double x : ev) {
            sb.append(sb.isEmpty() ? "" : ",").append(x);
        }
        return sb.toString();
    }

    private static double[] parseEigenvalues(Path dir, String s, int dim) throws IOException {
        String[] parts = s.split(",");
        if (parts.length != dim) {
            throw new yuelao.storage.format.StoreFormatException(dir, "corrupt " + EIGENVALUES + " property (" + parts.length + " values for dimension " + dim + ")");
        }
        double[] ev = new double[dim];
        for (int k = 0; k < dim; k++) {
            try {
                ev[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                throw new yuelao.storage.format.StoreFormatException(dir, "corrupt " + EIGENVALUES + " property (" + parts[k] + ")");
            }
        }
        return ev;
    }

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
        boolean copied = false; // the caller's array is left alone: at most one copy, reweighted in place
        if (eigenvalues != null && sw.power() != trainedPower) {
            // the fit's own eigenvalue weighting: U diag(lambda)^p -> U diag(lambda)^q, column by column
            wordVectors = wordVectors.clone();
            copied = true;
            for (int c = 0; c < dim; c++) {
                double lambda = Math.abs(eigenvalues[c]);
                float s = (float) (lambda > 0 ? Math.pow(lambda, sw.power() - trainedPower) : 0);
                for (int w = 0; w < v.size(); w++) {
                    wordVectors[w * dim + c] *= s;
                }
            }
        }
        if (sw.unitFit()) { // fit the directions: every word counts the same in what its n-grams share
            wordVectors = copied ? wordVectors : wordVectors.clone();
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
