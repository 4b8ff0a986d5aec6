package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.*;
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
import yuelao.storage.vectors.SubwordFile;
import yuelao.storage.vectors.VectorsFile;

/**
 * The subword step of training end to end: what it stores (vectors.bin rows are the compositions of the stored
 * feature table, so unseen words compose the same way), for the fit alone and for the sgns refinement with its
 * blend and spectral map.
 */
class SubwordStageTest {
    @TempDir
    Path tmp;

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
