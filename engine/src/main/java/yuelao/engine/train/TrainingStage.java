package yuelao.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import yuelao.engine.linalg.SparseSymmetric;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.engine.store.CountStoreDirectory;
import yuelao.engine.vectors.Word2VecText;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.vectors.VectorsFile;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.vocab.Vocabulary;

/**
 * Stage 3: count store to word vectors, one shared table with {@code <v_i, v_j> ~ PMI_ij} (METHOD.md
 * section 3). The output directory holds {@code vocab.bin}/{@code vocab.txt} (the store's vocabulary),
 * {@code vectors.bin} (native, memory-mappable) and {@code vectors.txt} (word2vec text), staged and renamed
 * atomically.
 */
public final class TrainingStage {
    private TrainingStage() {}

    static String eta(double elapsed, int done, int total) {
        double rest = elapsed / done * (total - done);
        return rest < 60 ? String.format(java.util.Locale.ROOT, "%.0fs", rest) : String.format(java.util.Locale.ROOT, "%dm%02ds", (long) rest / 60, (long) rest % 60);
    }

    private static Path resolveResume(Path resume) throws IOException {
        if (java.nio.file.Files.isDirectory(resume)) {
            java.util.List<Path> files = Checkpoint.list(resume);
            if (files.isEmpty()) {
                throw new java.nio.file.NoSuchFileException(resume + "/epoch-*.ckpt", null, "no checkpoint in this directory");
            }
            return files.getLast();
        }
        return resume;
    }

    private static void writeCheckpoint(Path dir, int epoch, Vocabulary v, int dim, Map<String, String> trajectory, PmiTrainer trainer)
            throws IOException {
        java.nio.file.Files.createDirectories(dir);
        yuelao.storage.format.TempNames.removeStale(Checkpoint.fileFor(dir, epoch));
        Checkpoint.write(Checkpoint.fileFor(dir, epoch), v.fingerprint(), v.size(), dim, epoch, trajectory, trainer.vectors(),
                trainer.adagrad());
        java.util.List<Path> files = Checkpoint.list(dir);
        for (int i = 0; i < files.size() - Checkpointing.KEEP; i++) {
            if (Checkpoint.isCheckpoint(files.get(i))) { // a file of that name that yuelao did not write stays
                java.nio.file.Files.deleteIfExists(files.get(i));
            }
        }
    }

    /**
     * Frequency balancing factors s_i = (n_i / n_0)^a (n_0 = the largest unigram count); all 1 when a = 0.
     * The closed forms factorize D M D with D = diag(s): a weighted least-squares fit of M with weights
     * (s_i s_j)^2 on entry (i, j), so a > 0 gives frequent pairs more say than the plain Frobenius fit.
     */
    static double[] balance(yuelao.storage.counts.CountStore c, double a) {
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

    /** The eig vectors of the closed form (used as a starting point). */
    static float[] eigVectors(CountStoreDirectory store, TrainOptions o) {
        return eigStart(store, o, false)[0];
    }

    /**
     * The eig start W = Q diag(lambda)^p and, if {@code contexts}, its counterpart C = Q diag(lambda)^(1-p)
     * (so that W C^T = Q diag(lambda) Q^T), both unbalanced.
     */
    static float[][] eigStart(CountStoreDirectory store, TrainOptions o, boolean contexts) {
        EigenFactorization.Result r = closedForm(store, o, EigenFactorization.Keep.POSITIVE, it -> {});
        float[] v = r.vectors();
        float[] c = null;
        if (contexts) { // column scaling commutes with the rows' unbalancing
            double[] ev = r.eigenvalues();
            float[] f = new float[o.dim()];
            for (int k = 0; k < o.dim(); k++) {
                f[k] = ev[k] > 0 ? (float) Math.pow(ev[k], 1 - 2 * o.power()) : 0f;
            }
            c = v.clone();
            for (int k = 0; k < c.length; k++) {
                c[k] *= f[k % o.dim()];
            }
        }
        return new float[][] {v, c};
    }

    /**
     * The closed forms: the top eigen-directions (by {@code keep}) of the PPMI matrix, frequency-balanced by
     * {@code --balance}, v = Q diag(lambda)^p with the balancing undone on the rows.
     */
    static EigenFactorization.Result closedForm(CountStoreDirectory store, TrainOptions o, EigenFactorization.Keep keep,
            java.util.function.IntConsumer progress) {
        PmiView ppmi = PmiView.of(store, new PmiOptions(PmiMeasure.PPMI, o.shift(), o.cds(), 0, PmiOptions.Marginals.UNIGRAM));
        double[] bal = balance(store.counts(), o.balance());
        try (SparseSymmetric m = new SparseSymmetric(store.counts(),
                (i, j, x) -> i == j ? 0f : (float) (ppmi.value(i, j, x) * bal[i] * bal[j]))) {
            EigenFactorization.Result r = EigenFactorization.compute(m, o.dim(), o.oversample(), o.iterations(), o.power(), keep, o.seed(),
                    o.threads(), progress);
            unbalance(r.vectors(), bal, o.dim());
            return r;
        }
    }

    /** What training produced. */
    public record Result(Vocabulary vocabulary, float[] vectors, int dim, double seconds, String summary) {}

    /**
     * Checkpoint settings of the iterative method (they never change the result).
     *
     * @param dir where {@code epoch-NNNN.ckpt} files go
     * @param every write one after every {@code every} epochs (0 = never)
     * @param resume a checkpoint file, or a directory whose newest checkpoint is taken, or null
     */
    public record Checkpointing(Path dir, int every, Path resume) {
        public static final Checkpointing NONE = new Checkpointing(null, 0, null);

        public Checkpointing {
            if (every < 0) {
                throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + every);
            }
            if (every > 0 && dir == null) {
                throw new IllegalArgumentException("--checkpoint-every needs a checkpoint directory");
            }
        }

        /** Checkpoints kept on disk: the newest two, so a kill while writing one still leaves a complete one. */
        static final int KEEP = 2;
    }

    /** The default checkpoint directory of an output: a sibling {@code VECTORS.checkpoints}. */
    public static Path defaultCheckpointDir(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".checkpoints");
    }

    public static Result run(Path storeDir, Path out, boolean force, TrainOptions o, Consumer<String> progress) throws IOException {
        return run(storeDir, out, force, o, Checkpointing.NONE, progress);
    }

    /** Scores vectors during training (the {@code --eval-*} files): one short line, e.g. "WS353 .661, Google 31.2 %". */
    @FunctionalInterface
    public interface Evaluator {
        String evaluate(Vocabulary vocabulary, float[] vectors, int dim) throws IOException;
    }

    public static Result run(Path storeDir, Path out, boolean force, TrainOptions o, Checkpointing ck, Consumer<String> progress)
            throws IOException {
        return run(storeDir, out, force, o, ck, progress, null);
    }

    /** @param evaluator scores the vectors after each epoch (pmi) or once (closed forms); null for none */
    public static Result run(Path storeDir, Path out, boolean force, TrainOptions o, Checkpointing ck, Consumer<String> progress,
            Evaluator evaluator) throws IOException {
        return run(storeDir, out, force, o, ck, progress, evaluator, null);
    }

    /** @param subwords the subword model's settings ({@code --subwords}), or null for word vectors only */
    public static Result run(Path storeDir, Path out, boolean force, TrainOptions o, Checkpointing ck, Consumer<String> progress,
            Evaluator evaluator, SubwordOptions subwords) throws IOException {
        long t0 = System.nanoTime();
        AtomicDirectory.removeStale(out);
        try (CountStoreDirectory store = CountStoreDirectory.open(storeDir)) {
            Vocabulary v = store.vocabulary();
            if (v.size() <= o.dim()) {
                throw new IllegalArgumentException("--dim " + o.dim() + " needs more than " + o.dim() + " words; the store has " + v.size());
            }
            float[] vectors = null;
            double[] eigenvalues = null; // of the closed forms, for the subword fit's own eigenvalue power
            String summary = "";
            Map<String, String> props = new LinkedHashMap<>(store.counts().properties());
            props.keySet().removeIf(k -> k.equals("scale") || k.equals("X.units") || k.equals("N") || k.equals("diagonal.units"));
            props.putAll(o.toProperties());
            switch (o.method()) {
                case EIG, SVD -> {
                    EigenFactorization.Result r = closedForm(store,
                            o, o.method() == TrainOptions.Method.EIG ? EigenFactorization.Keep.POSITIVE : EigenFactorization.Keep.MAGNITUDE,
                            it -> progress.accept(String.format(java.util.Locale.ROOT, "%s: subspace iteration %d/%d (%.1fs)", o.method().id(), it,
                                    o.iterations(), (System.nanoTime() - t0) / 1e9)));
                    vectors = r.vectors();
                    double[] ev = r.eigenvalues();
                    eigenvalues = ev;
                    double maxRes = 0;
                    for (double x : r.residuals()) {
                        maxRes = Math.max(maxRes, x);
                    }
                    summary = String.format(java.util.Locale.ROOT, "eigenvalues %.3f .. %.3f; largest relative residual %.3g",
                            ev[0], ev[ev.length - 1], maxRes);
                    props.put("train.eigenvalue.first", Double.toString(ev[0]));
                    props.put("train.eigenvalue.last", Double.toString(ev[ev.length - 1]));
                }
                case SGNS -> {
                    float[] init = null;
                    float[] contexts = null;
                    if (o.eigInit()) {
                        float[][] start = eigStart(store, o, o.contexts() == TrainOptions.Contexts.START);
                        init = start[0];
                        contexts = start[1];
                    }
                    int nd = store.counts().vocabSize() * o.dim();
                    if (o.contexts() == TrainOptions.Contexts.ZERO) {
                        contexts = new float[nd];
                    } else if (o.contexts() == TrainOptions.Contexts.START && contexts == null) { // random start: an independent draw
                        contexts = new float[nd];
                        java.util.SplittableRandom rnd = new java.util.SplittableRandom(o.seed() ^ 0x5DEECE66DL);
                        for (int k = 0; k < nd; k++) {
                            contexts[k] = (float) ((rnd.nextDouble() - 0.5) / o.dim());
                        }
                    }
                    try (LogisticTrainer trainer = new LogisticTrainer(store.counts(), o.dim(), o.learningRate(), o.negatives(), o.offset(),
                            o.seed(), init, contexts, PmiTrainer.BLOCKS)) {
                        StringBuilder log = new StringBuilder();
                        double samples = o.samples() * trainer.totalMass();
                        for (int e = 1; e <= o.epochs(); e++) {
                            LogisticTrainer.EpochStats st = trainer.epoch(e, o.epochs(), samples, o.threads());
                            double elapsed = (System.nanoTime() - t0) / 1e9;
                            String line = String.format(java.util.Locale.ROOT,
                                    "epoch %d/%d: loss observed %.5f, negative %.5f, %.2f M events/s, ETA %s",
                                    e, o.epochs(), st.positiveLoss(), st.negativeLoss(), st.eventsPerSecond() / 1e6, eta(elapsed, e, o.epochs()));
                            progress.accept(line);
                            log.append(line).append('\n');
                        }
                        vectors = trainer.output(o.sumOutput() && trainer.separateContexts());
                        String other = System.getProperty("yuelao.sgns.otherOutput"); // measurement aid: the other table choice, as text
                        if (other != null && trainer.separateContexts()) {
                            java.nio.file.Files.createDirectories(Path.of(other));
                            Word2VecText.write(Path.of(other, "vectors.txt"), v, trainer.output(!o.sumOutput()), o.dim(), true);
                        }
                        summary = log.toString().strip();
                    }
                }
                case PMI -> {
                    PmiView pmi = PmiView.of(store, PmiOptions.of(PmiMeasure.PMI));
                    float[] init = null;
                    Map<String, String> trajectory = new LinkedHashMap<>(o.toProperties());
                    trajectory.put("store.nonZeros", Long.toString(store.counts().nonZeros()));
                    trajectory.put("store.X.units", String.valueOf(store.counts().properties().get("X.units")));
                    Checkpoint.State resumed = null;
                    if (ck.resume() != null) {
                        resumed = Checkpoint.read(resolveResume(ck.resume()));
                        Checkpoint.checkCompatible(resumed, v.fingerprint(), trajectory);
                        if (resumed.epochsDone() > o.epochs()) {
                            throw new IllegalArgumentException(resumed.file() + ": checkpoint is at epoch " + resumed.epochsDone()
                                    + ", beyond --epochs " + o.epochs());
                        }
                    } else if (o.eigInit()) { // a checkpoint replaces any initialisation
                        init = eigVectors(store, o);
                    }
                    try (PmiTrainer trainer = new PmiTrainer(pmi, o.dim(), o.learningRate(), o.xMax(), o.alpha(), o.truncatedWeight(),
                            o.holdout(), o.seed(), init, PmiTrainer.BLOCKS)) {
                        trainer.negativeSampling(o.negatives(), o.negativeWeight(), o.ppmiTargets());
                        int first = 1;
                        if (resumed != null) {
                            trainer.restore(resumed.vectors(), resumed.accumulators());
                            first = resumed.epochsDone() + 1;
                            progress.accept("resumed from " + resumed.file() + " after epoch " + resumed.epochsDone());
                        }
                        StringBuilder log = new StringBuilder();
                        for (int e = first; e <= o.epochs(); e++) {
                            PmiTrainer.EpochStats st = trainer.epoch(e, o.threads());
                            double elapsed = (System.nanoTime() - t0) / 1e9;
                            String line = String.format(java.util.Locale.ROOT,
                                    "epoch %d/%d: loss %.5f, %.2f M pairs/s (%.2f M/s per thread), %d non-finite skipped, ETA %s",
                                    e, o.epochs(), st.loss(), st.recordsPerSecond() / 1e6, st.recordsPerSecond() / 1e6 / o.threads(),
                                    st.skipped(), eta(elapsed, e, o.epochs()));
                            if (o.holdout() > 0) {
                                PmiTrainer.Fit tr = trainer.fit(false);
                                PmiTrainer.Fit ho = trainer.fit(true);
                                line += String.format(java.util.Locale.ROOT,
                                        "; RMSE train %.4f (weighted %.4f), held-out %.4f (weighted %.4f), predict-0 held-out %.4f (%.4f)",
                                        tr.rmse(), tr.weightedRmse(), ho.rmse(), ho.weightedRmse(), ho.rmseZero(), ho.weightedRmseZero());
                            }
                            if (evaluator != null) {
                                line += "; " + evaluator.evaluate(v, trainer.vectors(), o.dim());
                            }
                            progress.accept(line);
                            log.append(line).append('\n');
                            if (ck.every() > 0 && (e % ck.every() == 0 || e == o.epochs())) {
                                writeCheckpoint(ck.dir(), e, v, o.dim(), trajectory, trainer);
                            }
                        }
                        vectors = trainer.vectors().clone();
                        summary = log.toString().strip();
                    }
                }
            }
            SubwordStage.Result sw = null;
            if (subwords != null) {
                if (evaluator != null) {
                    summary += "\nword-level evaluation: " + evaluator.evaluate(v, vectors, o.dim());
                }
                subwords.toProperties(props);
                sw = SubwordStage.run(store, v, vectors, eigenvalues, o, subwords, props, progress);
                sw.features().spec().toProperties(props);
                vectors = sw.composed();
                summary += "\n" + sw.summary();
            }
            if (evaluator != null && (o.method() != TrainOptions.Method.PMI || sw != null)) {
                summary += "\nevaluation: " + evaluator.evaluate(v, vectors, o.dim());
            }
            List<Path> inputs = new java.util.ArrayList<>(List.of(storeDir));
            if (ck.resume() != null) {
                inputs.add(ck.resume());
            }
            try (AtomicDirectory dir = AtomicDirectory.begin(out, VectorsFile.DIRECTORY_KIND, force, inputs)) {
                VocabularyFile.write(dir.path(), v, props);
                if (sw != null) {
                    SubwordStage.write(dir.path(), v, sw, o.dim(), props);
                }
                VectorsFile.write(dir.path().resolve(VectorsFile.FILE_NAME), v.fingerprint(), v.size(), o.dim(), vectors, props);
                Word2VecText.write(dir.path().resolve("vectors.txt"), v, vectors, o.dim(), true);
                dir.commit();
            }
            return new Result(v, vectors, o.dim(), (System.nanoTime() - t0) / 1e9, summary);
        }
    }
}
