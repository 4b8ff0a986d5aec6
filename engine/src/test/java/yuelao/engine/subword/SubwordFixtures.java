package yuelao.engine.subword;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import yuelao.engine.stage.TrainingStage;
import yuelao.engine.train.ClosedFormSettings;
import yuelao.engine.train.TrainSettings;
import yuelao.storage.vectors.SubwordFile;

/** Named settings and helpers shared by the subword tests (here and in the stage and query tests). */
public final class SubwordFixtures {
    private SubwordFixtures() {}

    /** eig with run's p .25 and shift .25, 10 iterations with oversampling 20. */
    public static TrainSettings eig(int dim, int threads) {
        return TrainSettings.builder().method(TrainSettings.Method.EIG).dim(dim).seed(7).threads(threads)
                .closedForm(ClosedFormSettings.builder().power(0.25).shift(0.25).iterations(10).oversample(20).build()).build();
    }

    /** The dimension and seed a refiner reads from the word-level settings (the rest stays at the defaults). */
    public static TrainSettings dimAndSeed(int dim, long seed) {
        return TrainSettings.builder().dim(dim).seed(seed).build();
    }

    /** n-grams 2-4 in 100,003 buckets, ridge 4, 20 fit iterations. */
    public static SubwordSettings.Builder subwordSettings() {
        return SubwordSettings.builder().ngrams(2, 4).buckets(100_003).ridge(4.0).fitIterations(20);
    }

    /** {@link #subwordSettings()} with the pmi refinement (batch 8) for {@code refineEpochs}. */
    public static SubwordSettings pmiRefined(int refineEpochs) {
        return subwordSettings().loss(SubwordSettings.Loss.PMI).refinementEpochs(refineEpochs).pmiBatch(8).build();
    }

    /** Trains word vectors and the subword model from a store into {@code out}. */
    public static void train(Path store, Path out, TrainSettings s, SubwordSettings sw) throws IOException {
        TrainingStage.run(TrainingStage.job().store(store).out(out).settings(s).subwords(sw).build());
    }

    /**
     * Adds to {@code acc} the stored vectors of the distinct hash buckets of {@code word} that the table holds (a
     * composition computed here from the file, independently of the code under test); returns how many it found.
     */
    public static int addBuckets(String word, SubwordFeatures.Spec spec, SubwordFile.Table t, float[] acc) {
        List<Integer> bs = new ArrayList<>();
        SubwordFeatures.forEachBucket(word, spec, bs::add);
        int found = 0;
        for (int b : bs.stream().distinct().toList()) {
            int row = Arrays.binarySearch(t.bucketIds(), b);
            if (row >= 0) {
                found++;
                for (int k = 0; k < acc.length; k++) {
                    acc[k] += t.bucketVectors()[row * acc.length + k];
                }
            }
        }
        return found;
    }
}
