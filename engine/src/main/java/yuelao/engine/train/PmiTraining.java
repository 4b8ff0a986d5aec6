package yuelao.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import yuelao.core.StoreKeys;
import yuelao.core.Vocabulary;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.format.TempNames;
import yuelao.storage.vectors.CheckpointFile;

/**
 * {@code --method pmi}: the seed's weighted least squares on PMI by AdaGrad ({@link PmiTrainer}), with checkpoints
 * after every E epochs and resume from one (docs/method.md section 3). The trajectory is a keyed function of the seed
 * and the epoch, so a checkpoint holds the whole state: vectors, AdaGrad accumulators and the epoch.
 */
public final class PmiTraining {
    private PmiTraining() {}

    /** @param evaluator scores the vectors after each epoch; null for none */
    public static Trained train(CountStoreDirectory store, TrainSettings s, Checkpointing ck, Evaluator evaluator, Consumer<String> progress)
            throws IOException {
        long t0 = System.nanoTime();
        PmiSettings p = s.pmi();
        Vocabulary v = store.vocabulary();
        PmiView pmi = PmiView.of(store, PmiOptions.of(PmiMeasure.PMI));
        float[] init = null;
        Map<String, String> trajectory = new LinkedHashMap<>(s.toProperties());
        trajectory.put("store.nonZeros", Long.toString(store.counts().nonZeros()));
        trajectory.put("store.X.units", String.valueOf(store.counts().properties().get(StoreKeys.X_UNITS)));
        CheckpointFile.State resumed = null;
        if (ck.resume() != null) {
            resumed = CheckpointFile.read(resolveResume(ck.resume()));
            CheckpointFile.checkCompatible(resumed, v.fingerprint(), trajectory);
            if (resumed.epochsDone() > p.epochs()) {
                throw new IllegalArgumentException(resumed.file() + ": checkpoint is at epoch " + resumed.epochsDone()
                        + ", beyond --pmi-epochs " + p.epochs());
            }
        } else if (p.eigInit()) { // a checkpoint replaces any initialisation
            init = EigenTraining.eigStart(store, s, false)[0];
        }
        try (PmiTrainer trainer = new PmiTrainer(pmi, s, BlockSchedule.BLOCKS)) {
            if (init != null) {
                trainer.restore(init);
            }
            int first = 1;
            if (resumed != null) {
                trainer.restore(resumed.vectors(), resumed.accumulators());
                first = resumed.epochsDone() + 1;
                progress.accept("resumed from " + resumed.file() + " after epoch " + resumed.epochsDone());
            }
            StringBuilder log = new StringBuilder();
            for (int e = first; e <= p.epochs(); e++) {
                PmiTrainer.EpochStats st = trainer.epoch(e, s.threads());
                double elapsed = (System.nanoTime() - t0) / 1e9;
                String line = String.format(Locale.ROOT,
                        "epoch %d/%d: loss %.5f, %.2f M pairs/s (%.2f M/s per thread), %d non-finite skipped, ETA %s",
                        e, p.epochs(), st.loss(), st.recordsPerSecond() / 1e6, st.recordsPerSecond() / 1e6 / s.threads(),
                        st.skipped(), Trained.eta(elapsed, e - first + 1, p.epochs() - first + 1));
                if (p.holdout() > 0) {
                    PmiTrainer.Fit tr = trainer.fit(false);
                    PmiTrainer.Fit ho = trainer.fit(true);
                    line += String.format(Locale.ROOT,
                            "; RMSE train %.4f (weighted %.4f), held-out %.4f (weighted %.4f), predict-0 held-out %.4f (%.4f)",
                            tr.rmse(), tr.weightedRmse(), ho.rmse(), ho.weightedRmse(), ho.rmseZero(), ho.weightedRmseZero());
                }
                if (evaluator != null) {
                    line += "; " + evaluator.evaluate(v, trainer.vectors(), s.dim());
                }
                progress.accept(line);
                log.append(line).append('\n');
                if (ck.every() > 0 && (e % ck.every() == 0 || e == p.epochs())) {
                    writeCheckpoint(ck.dir(), e, v, s.dim(), trajectory, trainer);
                }
            }
            return new Trained(trainer.vectors().clone(), null, log.toString().strip(), Map.of());
        }
    }

    private static Path resolveResume(Path resume) throws IOException {
        if (Files.isDirectory(resume)) {
            List<Path> files = CheckpointFile.list(resume);
            if (files.isEmpty()) {
                throw new NoSuchFileException(resume + "/epoch-*.ckpt", null, "no checkpoint in this directory");
            }
            return files.getLast();
        }
        return resume;
    }

    private static void writeCheckpoint(Path dir, int epoch, Vocabulary v, int dim, Map<String, String> trajectory, PmiTrainer trainer)
            throws IOException {
        Files.createDirectories(dir);
        TempNames.removeStale(CheckpointFile.fileFor(dir, epoch));
        CheckpointFile.write(CheckpointFile.fileFor(dir, epoch), v.fingerprint(), v.size(), dim, epoch, trajectory, trainer.vectors(),
                trainer.adagrad());
        List<Path> files = CheckpointFile.list(dir);
        for (int i = 0; i < files.size() - Checkpointing.KEEP; i++) {
            if (CheckpointFile.isCheckpoint(files.get(i))) { // a file of that name that yuelao did not write stays
                Files.deleteIfExists(files.get(i));
            }
        }
    }
}
