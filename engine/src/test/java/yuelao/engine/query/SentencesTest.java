package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.query.QueryOracle.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence vectors, their relatedness and cosine, and their keywords, against the oracle. */
class SentencesTest {
    @Test
    void sentenceVectorsRelatednessAndKeywordsMatchBruteForce() {
        try (Sentences s = new Sentences(WV)) {
            Sentences.SentenceVector a = s.vector("w1 w2 w2 unknown w300");
            Sentences.SentenceVector b = s.vector("w4 w5 w1");
            assertEquals(List.of("unknown"), a.outOfVocabulary());
            assertArrayEquals(new int[] {1, 2, 2, 300}, a.ids());
            double[] sa = new double[DIM];
            double[] sb = new double[DIM];
            for (int k = 0; k < DIM; k++) {
                sa[k] = DATA[DIM + k] + 2.0 * DATA[2 * DIM + k] + DATA[300 * DIM + k];
                sb[k] = DATA[4 * DIM + k] + DATA[5 * DIM + k] + DATA[DIM + k];
                assertEquals(sa[k], a.vector()[k], 1e-5);
            }
            double rel = 0;
            for (int k = 0; k < DIM; k++) {
                rel += sa[k] * sb[k];
            }
            assertEquals(rel, Sentences.relatedness(a, b), 1e-4);
            assertEquals(pearsonFreeCos(sa, sb), Sentences.cosine(a, b), 1e-6);
            List<Neighbor> kw = s.keywords(a);
            List<Scored> expected = brute(V, 3, i -> {
                double x = 0;
                for (int k = 0; k < DIM; k++) {
                    x += sa[k] * DATA[i * DIM + k];
                }
                return x;
            }, allBut(1, 2, 300));
            assertSame(expected, kw);
            Sentences.SentenceVector empty = s.vector("nothing known here");
            assertTrue(empty.isEmpty());
            assertEquals(0, Sentences.cosine(empty, a));
            assertEquals(List.of(), s.keywords(empty));
        }
    }
}
