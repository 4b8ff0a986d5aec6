package yuelao.engine.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import yuelao.engine.subword.SubwordFeatures;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.Checkpointing;
import yuelao.engine.train.Evaluator;
import yuelao.engine.train.TrainSettings;
import yuelao.engine.vectors.VectorsDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.format.OutputGuard;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.VectorsFile;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.input.InputFiles;

/**
 * {@code yuelao run}: the stages in one directory, resumable. A run directory holds
 *
 * <pre>
 * DIR/store/          the count store (stage 2; stage 1's vocabulary inside)
 * DIR/words/          the word-level vectors, when the run fits subwords (stage 3; no vectors.txt)
 * DIR/vectors/        the final vectors (stage 3, or 3b with subwords)
 * DIR/run.properties  the manifest: the inputs, each stage's settings, and which stages are complete
 * </pre>
 *
 * Each stage's output is committed atomically, then marked done in the manifest. Running the same job again continues
 * from the first stage that is not done: a finished stage is reused when the manifest shows the same inputs (path,
 * size, modification time) and settings and its files pass their checksums; so an interrupted run, rerun, gives the
 * same files, byte for byte, as an uninterrupted one. A finished stage made with other inputs or settings is refused
 * in one line unless {@code force}, which redoes it (and every later stage). Nothing but the run's own outputs is ever
 * replaced ({@link OutputGuard}).
 */
public final class RunPipeline {
    private RunPipeline() {}

    /** One run: the corpus, the settings of every stage, the directory. Made by {@link #job()}. */
    public static final class Job {
        private final List<String> inputs;
        private final Path dir;
        private final boolean force;
        private final VocabularySettings vocabulary;
        private final Path reuseVocabulary;
        private final CountSettings counting;
        private final TrainSettings training;
        private final SubwordSettings subwords;
        private final Checkpointing checkpointing;
        private final Evaluator evaluator;
        private final CountingStage.Progress scanProgress;
        private final Consumer<String> progress;
        private final Consumer<String> notices;
        private final Consumer<CountingStage.Result> onCounted;
        private final RunBudget budget;
        private final Consumer<StageMeter.Usage> usage;

        private Job(Builder b) {
            this.inputs = List.copyOf(Objects.requireNonNull(b.inputs, "inputs"));
            this.dir = Objects.requireNonNull(b.dir, "dir");
            this.force = b.force;
            this.vocabulary = b.vocabulary;
            this.reuseVocabulary = b.reuseVocabulary;
            this.counting = b.counting;
            this.training = b.training;
            this.subwords = b.subwords;
            this.checkpointing = b.checkpointing;
            this.evaluator = b.evaluator;
            this.scanProgress = b.scanProgress;
            this.progress = b.progress;
            this.notices = b.notices;
            this.onCounted = b.onCounted;
            this.budget = b.budget != null ? b.budget : RunBudget.of(null);
            this.usage = b.usage;
        }

        /** The recipe's settings for every stage; threads and seed from the training settings. */
        public static Builder of(Recipes.Recipe recipe) {
            return new Builder().vocabulary(recipe.vocabulary()).counting(recipe.counting()).training(recipe.training())
                    .subwords(recipe.subwords());
        }

        public static final class Builder {
            private List<String> inputs;
            private Path dir;
            private boolean force;
            private VocabularySettings vocabulary = VocabularySettings.builder().build();
            private Path reuseVocabulary;
            private CountSettings counting = CountSettings.builder().build();
            private TrainSettings training = TrainSettings.builder().build();
            private SubwordSettings subwords;
            private Checkpointing checkpointing = Checkpointing.NONE;
            private Evaluator evaluator;
            private CountingStage.Progress scanProgress = CountingStage.Progress.NONE;
            private Consumer<String> progress = line -> {};
            private Consumer<String> notices = line -> {};
            private Consumer<CountingStage.Result> onCounted = r -> {};
            private RunBudget budget;
            private Consumer<StageMeter.Usage> usage = u -> {};

            private Builder() {}

            /** Told what each stage that ran cost (wall, CPU, GC, peak memory). */
            public Builder usage(Consumer<StageMeter.Usage> usage) {
                this.usage = Objects.requireNonNull(usage);
                return this;
            }

            /** The run's memory budget, which every stage is checked against before it starts (default: the machine's). */
            public Builder budget(RunBudget budget) {
                this.budget = budget;
                return this;
            }

            /** Told when the counting stage has finished (before training starts). */
            public Builder onCounted(Consumer<CountingStage.Result> listener) {
                this.onCounted = Objects.requireNonNull(listener);
                return this;
            }

            public Builder inputs(List<String> inputs) {
                this.inputs = inputs;
                return this;
            }

            /** The run directory (store/, words/, vectors/ and the manifest inside). */
            public Builder dir(Path dir) {
                this.dir = dir;
                return this;
            }

            /** Redo finished stages made with other inputs or settings (else they are refused). */
            public Builder force(boolean force) {
                this.force = force;
                return this;
            }

            public Builder vocabulary(VocabularySettings vocabulary) {
                this.vocabulary = Objects.requireNonNull(vocabulary);
                return this;
            }

            public Builder reuseVocabulary(Path dir) {
                this.reuseVocabulary = dir;
                return this;
            }

            public Builder counting(CountSettings counting) {
                this.counting = Objects.requireNonNull(counting);
                return this;
            }

            public Builder training(TrainSettings training) {
                this.training = Objects.requireNonNull(training);
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

            public Builder evaluator(Evaluator evaluator) {
                this.evaluator = evaluator;
                return this;
            }

            /** Progress of the two corpus passes. */
            public Builder scanProgress(CountingStage.Progress progress) {
                this.scanProgress = Objects.requireNonNull(progress);
                return this;
            }

            /** One line per training epoch or iteration. */
            public Builder progress(Consumer<String> progress) {
                this.progress = Objects.requireNonNull(progress);
                return this;
            }

            /** Lines about what the run reuses and skips. */
            public Builder notices(Consumer<String> notices) {
                this.notices = Objects.requireNonNull(notices);
                return this;
            }

            public Job build() {
                return new Job(this);
            }
        }

        public Path store() {
            return dir.resolve("store");
        }

        /** The word-level vectors of a subword run (unused without subwords). */
        public Path words() {
            return dir.resolve("words");
        }

        public Path vectors() {
            return dir.resolve("vectors");
        }

        public Path manifest() {
            return dir.resolve(RunManifest.FILE_NAME);
        }

        /** The final training step's settings. */
        public TrainSettings training() {
            return training;
        }

        public SubwordSettings subwords() {
            return subwords;
        }

        public RunBudget budget() {
            return budget;
        }
    }

    public static Job.Builder job() {
        return new Job.Builder();
    }

    /**
     * What a run did; {@code counted} and {@code trained} are null for stages it reused.
     *
     * @param tokens the corpus's tokens (from the store)
     */
    public record Result(CountingStage.Result counted, TrainingStage.Result trained, long tokens, int words, int dim, double seconds) {}

    /**
     * Checks, before any work, that every output of the run may be written: each one either is absent, or a finished
     * stage of this very job (reused), or (with {@code force}) an output of the same kind that yuelao wrote.
     */
    public static void check(Job job) throws IOException {
        if (Files.exists(job.dir) && !Files.isDirectory(job.dir)) {
            throw new StoreFormatException(job.dir, "is a file; the run's output is a directory");
        }
        List<Path> inputs = inputPaths(job);
        OutputGuard.checkDirectory(job.store(), CountStore.DIRECTORY_KIND, true, inputs);
        inputs.add(job.store());
        OutputGuard.checkDirectory(job.words(), VectorsFile.DIRECTORY_KIND, true, inputs);
        OutputGuard.checkDirectory(job.vectors(), VectorsFile.DIRECTORY_KIND, true, inputs);
        if (!job.force) {
            RunManifest m = RunManifest.read(job.manifest());
            for (Stage st : stages(job)) {
                if (Files.exists(st.out) && !ours(m, st)) {
                    String diff = m.firstDifference(st.name, st.settings);
                    throw new StoreFormatException(st.out, (diff == null ? "was not made by this run" : "was made with other inputs or settings ("
                            + diff + ")") + "; use --force to redo it");
                }
            }
        }
    }

    /** Runs the job from its first stage that is not done. */
    public static Result run(Job job) throws IOException {
        check(job);
        boolean created = !Files.exists(job.dir);
        Files.createDirectories(job.dir);
        try {
            return stages(job, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            if (created && !Files.exists(job.store())) {
                // Nothing finished in a directory this run made (a bad corpus, a full disk): leave no directory that
                // looks like a run. Only the manifest is deleted, and the directory only if it is then empty.
                try {
                    Files.deleteIfExists(job.manifest());
                    Files.deleteIfExists(job.dir);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private static Result stages(Job job, long t0) throws IOException {
        List<Stage> stages = stages(job);
        Stage store = stages.get(0);
        Stage words = job.subwords != null ? stages.get(1) : null;
        Stage vectors = stages.getLast();
        RunBudget budget = job.budget;
        CountingStage.Result counted = null;
        if (!reuse(job, store)) {
            budget.check(RunBudget.counting(job.counting, job.training.threads(), job.vocabulary.maxDocumentChars()), job.dir,
                    ", or use fewer --threads");
            begin(job, store);
            counted = metered(job, "count", () -> CountingStage.run(CountingStage.job().inputs(job.inputs).vocabulary(job.vocabulary)
                    .reuseVocabulary(job.reuseVocabulary).counting(job.counting).threads(job.training.threads()).build(), job.store(), true,
                    job.scanProgress));
            finish(job, store);
            job.onCounted.accept(counted);
        }
        TrainingStage.Result trained = null;
        if (reuse(job, vectors)) {
            job.notices.accept("nothing to do: " + job.vectors() + " is this run's, finished");
        } else if (words != null) {
            TrainingStage.Result word = null;
            boolean wordsDone = reuse(job, words);
            preflightTraining(job, !wordsDone);
            if (!wordsDone) {
                begin(job, words);
                word = metered(job, "train", () -> TrainingStage.run(TrainingStage.job().store(job.store()).out(job.words()).force(true)
                        .settings(job.training).checkpointing(job.checkpointing).progress(job.progress).text(false).build()));
                finish(job, words);
            }
            begin(job, vectors);
            TrainingStage.Result sub = metered(job, "subwords", () -> SubwordStage.run(SubwordStage.job().store(job.store()).vectors(job.words())
                    .out(job.vectors()).force(true).settings(job.subwords).threads(job.training.threads()).evaluator(job.evaluator)
                    .progress(job.progress).build()));
            finish(job, vectors);
            String summary = word == null ? "" : word.summary() + "\n";
            if (word != null && job.evaluator != null) {
                summary += "word-level evaluation: " + job.evaluator.evaluate(word.vocabulary(), word.vectors(), word.dim()) + "\n";
            }
            summary += sub.summary();
            double seconds = (word == null ? 0 : word.seconds()) + sub.seconds();
            trained = new TrainingStage.Result(sub.vocabulary(), sub.vectors(), sub.dim(), seconds, summary);
        } else {
            preflightTraining(job, true);
            begin(job, vectors);
            trained = metered(job, "train", () -> TrainingStage.run(TrainingStage.job().store(job.store()).out(job.vectors()).force(true)
                    .settings(job.training).checkpointing(job.checkpointing).evaluator(job.evaluator).progress(job.progress).build()));
            finish(job, vectors);
        }
        try (CountStoreDirectory s = CountStoreDirectory.open(job.store()); VectorsDirectory.Opened v = VectorsDirectory.open(job.vectors())) {
            return new Result(counted, trained, s.counts().totalTokens(), v.rows(), v.dim(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The pre-flight of the stages after counting, from the store's vocabulary and non-zeros: the word-level training
     * (when {@code training}) and the subword fit are both checked before the first of them starts, so that a budget
     * too small for the subword fit stops the run before the eig step's work, not after it.
     */
    private static void preflightTraining(Job job, boolean training) throws IOException {
        try (CountStoreDirectory s = CountStoreDirectory.open(job.store())) {
            CountStore c = s.counts();
            if (training) {
                job.budget.check(RunBudget.training(c.vocabSize(), c.nonZeros(), job.training), job.dir,
                        ", or lower --dim (or --oversample), or raise --min-count for a smaller vocabulary");
            }
            if (job.subwords != null) {
                job.budget.check(RunBudget.subwords(s.vocabulary(), job.subwords, SubwordFeatures.Scheme.forAnalyzer(s.analyzer().name()),
                        job.training.dim()), job.dir,
                        ", or lower --buckets or --dim, or use --subwords none");
            }
        }
    }

    /** Runs a stage under the budget's guard and tells the job's usage listener what it cost. */
    private static <T> T metered(Job job, String stage, java.util.concurrent.Callable<T> work) throws IOException {
        try (StageMeter meter = StageMeter.start(stage)) {
            T result = job.budget.guard(stage, work);
            job.usage.accept(meter.stop());
            return result;
        }
    }

    /** One stage of a run: its name in the manifest, its output, the file whose footer identifies it, its settings. */
    private record Stage(String name, Path out, String signature, Map<String, String> settings, boolean store) {}

    /** The stages of the job in order: store, (words,) vectors. */
    private static List<Stage> stages(Job job) throws IOException {
        List<Stage> s = new ArrayList<>();
        s.add(new Stage("store", job.store(), CountStore.FILE_NAME, countSection(job), true));
        if (job.subwords != null) {
            s.add(new Stage("words", job.words(), VectorsFile.FILE_NAME, wordsSection(job), false));
        }
        s.add(new Stage("vectors", job.vectors(), VectorsFile.FILE_NAME, vectorsSection(job), false));
        return s;
    }

    /** The identity of a stage's existing output: its signature file's footer CRC, or "none". */
    private static String identity(Stage st) throws IOException {
        java.util.OptionalLong crc = yuelao.storage.format.BinaryFileReader.footerChecksum(st.out.resolve(st.signature));
        return crc.isPresent() ? Long.toHexString(crc.getAsLong()) : "none";
    }

    /**
     * True when the stage's existing output is this job's: marked done with these settings, or started with them and
     * committed since (its identity is no longer the one the stage was replacing; outputs are committed whole).
     */
    private static boolean ours(RunManifest m, Stage st) throws IOException {
        if (m.done(st.name, st.settings)) {
            return true;
        }
        java.util.Optional<String> replacing = m.pendingReplacing(st.name, st.settings);
        return replacing.isPresent() && !replacing.get().equals(identity(st));
    }

    /** True (and the manifest marks the stage done) when the stage's output is this job's and passes its checksums. */
    private static boolean reuse(Job job, Stage st) throws IOException {
        if (!Files.exists(st.out)) {
            return false;
        }
        RunManifest m = RunManifest.read(job.manifest());
        if (!ours(m, st)) {
            return false;
        }
        if (st.store) { // a damaged finished stage is an error, not something to redo silently
            verifyStore(st.out);
        } else {
            verifyVectors(st.out);
        }
        if (!m.done(st.name, st.settings)) {
            m.with(st.name, st.settings).write(job.manifest());
        }
        if (!st.name.equals("vectors")) {
            job.notices.accept(st.name + ": reused " + st.out + " (the same inputs and settings; checksums verified)");
        }
        return true;
    }

    /** Marks the stage (and every later one) as being redone, replacing the output there now. */
    private static void begin(Job job, Stage st) throws IOException {
        RunManifest m = RunManifest.read(job.manifest());
        List<String> later = new ArrayList<>();
        boolean after = false;
        for (Stage s : stages(job)) {
            after |= s.name.equals(st.name);
            if (after) {
                later.add(s.name);
            }
        }
        m.without(later.toArray(String[]::new)).pending(st.name, st.settings, identity(st)).write(job.manifest());
    }

    private static void finish(Job job, Stage st) throws IOException {
        RunManifest.read(job.manifest()).with(st.name, st.settings).write(job.manifest());
    }

    /** The paths among the inputs (the corpus files, the reused vocabulary, checkpoints to resume). */
    private static List<Path> inputPaths(Job job) throws IOException {
        List<Path> paths = new ArrayList<>(VocabularyStage.inputPaths(InputFiles.expand(job.inputs)));
        if (job.reuseVocabulary != null) {
            paths.add(job.reuseVocabulary);
        }
        if (job.checkpointing.resume() != null) {
            paths.add(job.checkpointing.resume());
        }
        return paths;
    }

    /** The identity of the counting stage: the inputs as found on disk and every vocabulary and counting setting. */
    static Map<String, String> countSection(Job job) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        List<Path> files = VocabularyStage.inputPaths(InputFiles.expand(job.inputs));
        m.put("inputs", Integer.toString(files.size()));
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i).toAbsolutePath().normalize();
            m.put("input." + i, f + "|" + Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis());
        }
        if (job.reuseVocabulary != null) {
            m.put("vocabulary.reused", Long.toHexString(VocabularyFile.read(job.reuseVocabulary).vocabulary().fingerprint()));
        } else {
            m.putAll(job.vocabulary.toProperties());
        }
        m.putAll(job.counting.toProperties());
        return m;
    }

    /** The identity of the word-level training stage: the counting stage's, then the training settings. */
    static Map<String, String> wordsSection(Job job) throws IOException {
        Map<String, String> m = countSection(job);
        m.putAll(job.training.toProperties());
        return m;
    }

    /** The identity of the final stage: the word-level stage's, then the subword settings. */
    static Map<String, String> vectorsSection(Job job) throws IOException {
        Map<String, String> m = wordsSection(job);
        if (job.subwords != null) {
            job.subwords.toProperties(m);
            m.put("subwords.ngrams", job.subwords.minn() + "-" + job.subwords.maxn() + "/" + job.subwords.buckets());
        }
        return m;
    }

    private static void verifyStore(Path dir) throws IOException {
        try (CountStoreDirectory s = CountStoreDirectory.open(dir)) {
            s.counts(); // open() verified both files' checksums and that they belong together
        }
    }

    private static void verifyVectors(Path dir) throws IOException {
        VectorsDirectory.open(dir).close();
    }
}
