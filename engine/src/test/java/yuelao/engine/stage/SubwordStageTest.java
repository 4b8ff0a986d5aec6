package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;
import static yuelao.engine.subword.SubwordFixtures.addBuckets;
import static yuelao.engine.subword.SubwordFixtures.eig;
import static yuelao.engine.subword.SubwordFixtures.pmiRefined;
import static yuelao.engine.subword.SubwordFixtures.subwordSettings;
import static yuelao.engine.subword.SubwordFixtures.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.query.WordVectors;
import yuelao.engine.subword.SubwordFeatures;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.ClosedFormSettings;
import yuelao.engine.train.TrainSettings;
import yuelao.storage.vectors.SubwordFile;
import yuelao.storage.vectors.VectorsFile;

/**
 * The subword step of training end to end: what it stores (vectors.bin rows are the compositions of the stored
 * feature table, so unseen words compose the same way), for the fit alone and for the sgns refinement with its
 * blend and spectral map; and the stage run alone ({@code yuelao subwords}) gives the files of
 * {@code train --subwords} in one go.
 */
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

    /** The fit alone: the spec is stored, and every vocabulary row is its own-id vector plus its distinct buckets' vectors. */
    @Test
    void vectorsAreTheCompositionsOfTheStoredFeatures() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 21, 400, 60, 3, WindowWeighting.UNIFORM, 2);
        Path out = tmp.resolve("sw");
        train(store, out, eig(6, 2), pmiRefined(0));
        SubwordFile.Table t = SubwordFile.read(out.resolve(SubwordFile.FILE_NAME));
        SubwordFeatures.Spec spec = SubwordFeatures.Spec.fromProperties(t.properties());
        assertEquals(new SubwordFeatures.Spec(2, 4, 100_003, SubwordFeatures.Scheme.LATIN), spec);
        assertRowsAreCompositions(out, spec, t);
    }

    /**
     * The sgns refinement with the closed-form blend and the spectral map: vectors.bin rows are still the sums of the
     * stored features, one thread gives byte-identical files, and the refinement moved the vectors away from the fit
     * alone.
     */
    @Test
    void sgnsRefinementWithBlendStoresTheTableItComposesAndIsDeterministic() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 23, 400, 60, 3, WindowWeighting.UNIFORM, 2);
        SubwordSettings sw = subwordSettings().loss(SubwordSettings.Loss.SGNS).refinementEpochs(2).contextsPerVisit(32).blend(0.5)
                .spectralPower(0.6).dropTop(1).build();
        Path a = tmp.resolve("sg-a");
        Path b = tmp.resolve("sg-b");
        train(store, a, eig(6, 1), sw);
        train(store, b, eig(6, 1), sw);
        assertArrayEquals(Files.readAllBytes(a.resolve(VectorsFile.FILE_NAME)), Files.readAllBytes(b.resolve(VectorsFile.FILE_NAME)));
        assertArrayEquals(Files.readAllBytes(a.resolve(SubwordFile.FILE_NAME)), Files.readAllBytes(b.resolve(SubwordFile.FILE_NAME)));
        SubwordFile.Table t = SubwordFile.read(a.resolve(SubwordFile.FILE_NAME));
        assertEquals("sgns", t.properties().get("subwords.refineLoss"));
        assertRowsAreCompositions(a, SubwordFeatures.Spec.fromProperties(t.properties()), t);
        Path fitOnly = tmp.resolve("fit-only");
        train(store, fitOnly, eig(6, 1), subwordSettings().build());
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(VectorsFile.FILE_NAME)), Files.readAllBytes(fitOnly.resolve(VectorsFile.FILE_NAME))));
    }

    /** Each vocabulary row of the output equals its own-id row plus its buckets' rows, as read from subwords.bin. */
    private static void assertRowsAreCompositions(Path out, SubwordFeatures.Spec spec, SubwordFile.Table t) throws IOException {
        WordVectors wv = WordVectors.open(out);
        assertTrue(wv.subwords().isPresent());
        int dim = wv.dim();
        for (int w = 0; w < wv.size(); w++) {
            float[] expect = Arrays.copyOfRange(t.wordVectors(), w * dim, (w + 1) * dim);
            addBuckets(wv.word(w), spec, t, expect);
            float[] row = wv.vector(w);
            for (int k = 0; k < dim; k++) {
                assertEquals(expect[k], row[k], 1e-4 * (1 + Math.abs(expect[k])), wv.word(w));
            }
        }
    }
}
