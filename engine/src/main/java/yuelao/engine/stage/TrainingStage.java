package yuelao.engine.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import yuelao.core.StoreKeys;
import yuelao.core.Vocabulary;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.Checkpointing;
import yuelao.engine.train.EigenTraining;
import yuelao.engine.train.Evaluator;
import yuelao.engine.train.PmiTraining;
import yuelao.engine.train.SgnsTraining;
import yuelao.engine.train.TrainSettings;
import yuelao.engine.train.Trained;
import yuelao.engine.vectors.VectorsDirectory;
import yuelao.storage.counts.CountStoreDirectory;

/**
 * Stage 3 ({@code yuelao train}): count store to word vectors, one shared table with {@code <v_i, v_j> ~ PMI_ij}
 * (docs/method.md section 3). The method's runner trains the word vectors; with subword settings the feature table is
 * then fitted to them ({@link SubwordStage}); the result goes to a VECTORS directory through {@link VectorsDirectory},
 * staged and renamed atomically.
 */
public final class TrainingStage {
    private TrainingStage() {}

    /** What training produced. */
    public record Result(Vocabulary vocabulary, float[] vectors, int dim, double seconds, String summary) {}

    /** One training job: where to read and write, the settings, and who listens. Made by {@link #builder()}. */
    public static final class Job {
        private final Path store;
        private final Path out;
        private final boolean force;
        private final TrainSettings settings;
        private final SubwordSettings subwords;
        private final Checkpointing checkpointing;
        private final Evaluator evaluator;
        private final Consumer<String> progress;
        private final boolean text;

        private Job(Builder b) {
            this.store = Objects.requireNonNull(b.store, "store");
            this.out = Objects.requireNonNull(b.out, "out");
            this.force = b.force;
            this.settings = Objects.requireNonNull(b.settings, "settings");
            this.subwords = b.subwords;
            this.checkpointing = b.checkpointing;
            this.evaluator = b.evaluator;
            this.progress = b.progress;
            this.text = b.text;
            if (checkpointing.active() && settings.method() != TrainSettings.Method.PMI) {
                throw new IllegalArgumentException("--checkpoint-every and --resume apply to the iterative --method pmi; "
                        + settings.method().id() + (settings.method() == TrainSettings.Method.SGNS ? " runs in about a minute and has no checkpoints"
                                : " is a closed form with nothing to resume"));
            }
        }

        /** The subword settings, or null for word vectors only. */
        public SubwordSettings subwords() {
            return subwords;
        }

        /** What the job reads, which its output may never replace. */
        List<Path> inputs() {
            List<Path> in = new ArrayList<>(List.of(store));
            if (checkpointing.resume() != null) {
                in.add(checkpointing.resume());
            }
            return in;
        }

        public static final class Builder {
            private Path store;
            private Path out;
            private boolean force;
            private TrainSettings settings = TrainSettings.builder().build();
            private SubwordSettings subwords;
            private Checkpointing checkpointing = Checkpointing.NONE;
            private Evaluator evaluator;
            private Consumer<String> progress = line -> {};
            private boolean text = true;

            private Builder() {}

            /** Whether the output holds {@code vectors.txt} too (default true; false for an intermediate directory). */
            public Builder text(boolean text) {
                this.text = text;
                return this;
            }

            /** The count store to train on. */
            public Builder store(Path store) {
                this.store = store;
                return this;
            }

            /** The VECTORS directory to write. */
            public Builder out(Path out) {
                this.out = out;
                return this;
            }

            /** Replace an existing VECTORS directory that yuelao wrote. */
            public Builder force(boolean force) {
                this.force = force;
                return this;
            }

            public Builder settings(TrainSettings settings) {
                this.settings = settings;
                return this;
            }

            /** The subword model's settings, or null for word vectors only. */
            public Builder subwords(SubwordSettings subwords) {
                this.subwords = subwords;
                return this;
            }

            public Builder checkpointing(Checkpointing checkpointing) {
                this.checkpointing = Objects.requireNonNull(checkpointing);
                return this;
            }

            /** Scores the vectors after each epoch (pmi) or once (the others); null for none. */
            public Builder evaluator(Evaluator evaluator) {
                this.evaluator = evaluator;
                return this;
            }

            /** Receives one line per epoch or iteration. */
            public Builder progress(Consumer<String> progress) {
                this.progress = Objects.requireNonNull(progress);
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

    /** Runs the job: trains, fits the subwords if asked, evaluates if asked, writes the VECTORS directory. */
    public static Result run(Job job) throws IOException {
        long t0 = System.nanoTime();
        TrainSettings s = job.settings;
        try (CountStoreDirectory store = CountStoreDirectory.open(job.store)) {
            Vocabulary v = store.vocabulary();
            if (v.size() <= s.dim()) {
                throw new IllegalArgumentException("--dim " + s.dim() + " needs more than " + s.dim() + " words; the store has " + v.size());
            }
            Map<String, String> props = new LinkedHashMap<>(store.counts().properties());
            StoreKeys.WRITER_KEYS.forEach(props::remove);
            props.putAll(s.toProperties());
            Trained t = switch (s.method()) {
                case EIG, SVD -> EigenTraining.train(store, s, job.progress);
                case SGNS -> SgnsTraining.train(store, s, job.progress);
                case PMI -> PmiTraining.train(store, s, job.checkpointing, job.evaluator, job.progress);
            };
            props.putAll(t.properties());
            float[] vectors = t.vectors();
            String summary = t.summary();
            VectorsDirectory.Subwords stored = null;
            if (job.subwords != null) {
                if (job.evaluator != null) {
                    summary += "\nword-level evaluation: " + job.evaluator.evaluate(v, vectors, s.dim());
                }
                job.subwords.toProperties(props);
                SubwordStage.Result sw = SubwordStage.run(store, v, vectors, t.eigenvalues(), s, job.subwords, props, job.progress);
                sw.features().spec().toProperties(props);
                vectors = sw.composed();
                summary += "\n" + sw.summary();
                stored = SubwordStage.stored(sw, s.dim());
            }
            if (stored == null && t.eigenvalues() != null) {
                // a word-level model keeps its eigenvalues, so that 'yuelao subwords' can fit a subword model to it later
                props.put(SubwordStage.EIGENVALUES, SubwordStage.formatEigenvalues(t.eigenvalues()));
            }
            if (job.evaluator != null && (s.method() != TrainSettings.Method.PMI || stored != null)) {
                summary += "\nevaluation: " + job.evaluator.evaluate(v, vectors, s.dim());
            }
            VectorsDirectory.write(job.out, job.force, job.inputs(), new VectorsDirectory.Contents(v, vectors, s.dim(), props, stored, job.text));
            return new Result(v, vectors, s.dim(), (System.nanoTime() - t0) / 1e9, summary);
        }
    }
}
