package yuelao.engine.train;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import yuelao.storage.counts.CountStoreDirectory;

/**
 * {@code --method sgns}: word2vec's negative-sampling loss over the counts ({@link LogisticTrainer}), from the eig start
 * by default, with one shared table or a separate context table (docs/method.md section 3).
 */
public final class SgnsTraining {
    private SgnsTraining() {}

    public static Trained train(CountStoreDirectory store, TrainSettings s, Consumer<String> progress) {
        long t0 = System.nanoTime();
        SgnsSettings g = s.sgns();
        float[] init = null;
        float[] contexts = null;
        if (g.eigInit()) {
            float[][] start = EigenTraining.eigStart(store, s, g.contexts() == SgnsSettings.Contexts.START);
            init = start[0];
            contexts = start[1];
        }
        int nd = store.counts().vocabSize() * s.dim();
        if (g.contexts() == SgnsSettings.Contexts.ZERO) {
            contexts = null; // the trainer's separate table starts at 0
        } else if (g.contexts() == SgnsSettings.Contexts.START && contexts == null) { // random start: an independent draw
            contexts = new float[nd];
            SplittableRandom rnd = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
            for (int k = 0; k < nd; k++) {
                contexts[k] = (float) ((rnd.nextDouble() - 0.5) / s.dim());
            }
        }
        try (LogisticTrainer trainer = new LogisticTrainer(store.counts(), s, BlockSchedule.BLOCKS)) {
            if (init != null) {
                trainer.restore(init);
            }
            if (contexts != null) {
                trainer.restoreContexts(contexts);
            }
            StringBuilder log = new StringBuilder();
            double samples = g.samples() * trainer.totalMass();
            for (int e = 1; e <= g.epochs(); e++) {
                LogisticTrainer.EpochStats st = trainer.epoch(e, g.epochs(), samples, s.threads());
                double elapsed = (System.nanoTime() - t0) / 1e9;
                String line = String.format(Locale.ROOT, "epoch %d/%d: loss observed %.5f, negative %.5f, %.2f M events/s, ETA %s",
                        e, g.epochs(), st.positiveLoss(), st.negativeLoss(), st.eventsPerSecond() / 1e6, Trained.eta(elapsed, e, g.epochs()));
                progress.accept(line);
                log.append(line).append('\n');
            }
            return new Trained(trainer.output(g.sumOutput() && trainer.separateContexts()), null, log.toString().strip(), Map.of());
        }
    }
}
