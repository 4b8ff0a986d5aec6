package yuelao.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.stage.TrainingStage;
import yuelao.storage.vectors.VectorsFile;

/** Named settings, training runs and stores shared by the training tests. */
final class TrainFixtures {
    private TrainFixtures() {}

    /** The pmi method for {@code epochs} with a tenth of the pairs held out, the other pmi settings at their defaults. */
    static TrainSettings.Builder pmiWithHoldout(int epochs) {
        return TrainSettings.builder().method(TrainSettings.Method.PMI).pmi(PmiSettings.builder().epochs(epochs).holdout(0.1).build());
    }

    /** A closed form (eig or svd) with eigenvalue power p, 30 subspace iterations, seed 7, two threads. */
    static TrainSettings.Builder closedForm(TrainSettings.Method m, double power) {
        return TrainSettings.builder().method(m).seed(7).threads(2).closedForm(ClosedFormSettings.builder().power(power).iterations(30).build());
    }

    static TrainingStage.Result train(Path store, Path out, TrainSettings s) throws IOException {
        return train(store, out, s, Checkpointing.NONE);
    }

    static TrainingStage.Result train(Path store, Path out, TrainSettings s, Checkpointing ck) throws IOException {
        return TrainingStage.run(TrainingStage.job().store(store).out(out).force(true).settings(s).checkpointing(ck).build());
    }

    static float[] readVectors(Path dir) throws IOException {
        try (VectorsFile.Stored s = VectorsFile.read(dir.resolve(VectorsFile.FILE_NAME))) {
            return s.toArray();
        }
    }

    /** Extreme counts: one pair seen a million times beside singletons (window 5, min count 1). */
    static Path extremeStore(Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < 200_000; l++) {
            sb.append("a b a b a b\n");
        }
        Random rnd = new Random(9);
        for (int l = 0; l < 300; l++) {
            sb.append("a c").append(rnd.nextInt(50)).append(" r").append(rnd.nextInt(500)).append('\n');
        }
        Path corpus = tmp.resolve("extreme.txt");
        Files.writeString(corpus, sb);
        Path store = tmp.resolve("extreme-store");
        yuelao.engine.stage.CountingStage.run(TestCorpora.job(corpus, TestCorpora.counting(5, WindowWeighting.UNIFORM, 16 << 20, 8).build(), 1, 2),
                store, true, n -> p -> {});
        return store;
    }

    /** Every value of the output is finite, in vectors.bin and in the text export. */
    static void assertAllFinite(Path out, String what) throws IOException {
        for (float x : readVectors(out)) {
            org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(x), what + ": " + x);
        }
        org.junit.jupiter.api.Assertions.assertFalse(Files.readString(out.resolve("vectors.txt")).matches("(?s).*(NaN|Infinity).*"), what);
    }
}
