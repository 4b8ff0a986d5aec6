package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.query.QueryOracle.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table itself: unknown words, pair similarity, the case-insensitive view. */
class WordVectorsTest {
    @Test
    void unknownWordsGiveEmptyResultsNotExceptions() {
        assertTrue(WV.id("nope").isEmpty());
        assertTrue(WV.vector("nope").isEmpty());
        assertTrue(Nearest.of(WV, "nope", 5, Mode.COSINE, 0).isEmpty());
        assertTrue(Analogy.solve(WV, "w1", "nope", "w2", Analogy.Method.ADD, 1).isEmpty());
        assertFalse(WV.similarity("w1", "nope").present());
        assertEquals(List.of("nope"), WV.unknown(List.of("w1", "nope")));
        WordVectors.PairSimilarity p = WV.similarity("w1", "w2");
        assertEquals(cos(DATA, DIM, 1, 2), p.cosine(), 1e-6);
        assertEquals(dot(DATA, DIM, 1, 2), p.dot(), 1e-4);
    }


    @Test
    void caseInsensitiveViewKeepsTheMostFrequentCasing() {
        WordVectors wv = WordVectors.of(List.of("Paris", "the", "paris", "PARIS", "Rome"), new float[] {1, 0, 0, 1, 0, 2, 3, 3, 1, 1}, 2);
        assertTrue(wv.id("rome").isEmpty());
        WordVectors ci = wv.caseInsensitive();
        assertEquals(List.of("paris", "the", "rome"), ci.words());
        assertEquals(0, ci.id("PaRiS").getAsInt());
        assertArrayEquals(new float[] {1, 0}, ci.vector("paris").orElseThrow());
        assertEquals(2, wv.restrict(4).caseInsensitive().searchLimit(), "restriction counted in kept words");
    }
}
