package yuelao.engine.sampling;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.Vocabulary;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStoreDirectory;

/** n^a of every word, against the vocabulary's own counts. */
class NoiseWeightsTest {
    @TempDir
    Path tmp;

    @Test
    void weightsAreTheVocabularyCountsToThePower() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 3, 200, 40, 2, WindowWeighting.UNIFORM, 1);
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            Vocabulary v = dir.vocabulary();
            for (double a : new double[] {0, 0.5, NoiseWeights.WORD2VEC_POWER, 1}) {
                double[] w = NoiseWeights.of(dir.counts(), a);
                assertEquals(v.size(), w.length);
                for (int i = 0; i < v.size(); i++) {
                    assertEquals(Math.pow(v.count(i), a), w[i], 1e-12 * w[i], "word " + v.word(i) + " power " + a);
                }
            }
        }
    }
}
