package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.ClosedFormSettings;
import yuelao.engine.train.TrainSettings;

/** The subword stage run alone ({@code yuelao subwords}) gives the files of {@code train --subwords} in one go. */
class SubwordStageTest {
    @TempDir
    Path tmp;

    @Test
    void wordVectorsThenSubwordsEqualsTrainingWithSubwordsInOneGo() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 31, 500, 80, 3, WindowWeighting.DYNAMIC, 2);
        for (TrainSettings.Method method : new TrainSettings.Method[] {TrainSettings.Method.EIG, TrainSettings.Method.PMI}) {
            TrainSettings s = TrainSettings.builder().method(method).dim(6).seed(5).threads(2)
                    .closedForm(ClosedFormSettings.builder().power(0.25).shift(0.25).iterations(8).build())
                    .pmi(yuelao.engine.train.PmiSettings.builder().epochs(2).build()).build();
            SubwordSettings sw = SubwordSettings.builder().ngrams(2, 4).buckets(50_021).fitIterations(15).build();
            Path word = tmp.resolve("word-" + method);
            Path oneGo = tmp.resolve("one-" + method);
            Path twoSteps = tmp.resolve("two-" + method);
            TrainingStage.run(TrainingStage.job().store(store).out(word).settings(s).build());
            TrainingStage.run(TrainingStage.job().store(store).out(oneGo).settings(s).subwords(sw).build());
            SubwordStage.run(SubwordStage.job().store(store).vectors(word).out(twoSteps).settings(sw).threads(2).build());
            for (String f : new String[] {"vectors.bin", "subwords.bin", "vocab.bin", "vectors.txt"}) {
                assertArrayEquals(Files.readAllBytes(oneGo.resolve(f)), Files.readAllBytes(twoSteps.resolve(f)), method + " " + f);
            }
        }
    }

    @Test
    void theVerbRefusesVectorsOfAnotherStoreAndSubwordModels() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 32, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path other = TestCorpora.randomStore(tmp, 33, 300, 70, 3, WindowWeighting.UNIFORM, 2);
        Path word = tmp.resolve("word");
        Path sub = tmp.resolve("sub");
        assertEquals(0, run("train", "--store", other.toString(), "-o", word.toString(), "--dim", "5", "-q").code());
        assertOneLineError(run("subwords", "--store", store.toString(), "--vectors", word.toString(), "-o", sub.toString(), "-q"),
                "word", "another vocabulary");
        assertEquals(0, run("train", "--store", store.toString(), "-o", word.toString(), "--dim", "5", "-q", "--force").code());
        assertEquals(0, run("subwords", "--store", store.toString(), "--vectors", word.toString(), "-o", sub.toString(), "-q",
                "--subwords", "2-3").code());
        assertOneLineError(run("subwords", "--store", store.toString(), "--vectors", sub.toString(), "-o", tmp.resolve("again").toString(),
                "-q"), "already a subword model");
        assertOneLineError(run("subwords", "--store", store.toString(), "--vectors", word.toString(), "-o", tmp.resolve("x").toString(),
                "--subwords", "none", "-q"), "--subwords none");
    }
}
