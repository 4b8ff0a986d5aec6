package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.query.QueryOracle.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nearest neighbours (cosine, relatedness, similarity of PMI profiles) against the oracle: ties, exclusion, restriction, concurrency. */
class NearestTest {
    @Test
    void nearestByCosineMatchesBruteForceWithTiesExclusionAndRestriction() {
        for (int limit : new int[] {V, 250, 12}) {
            WordVectors wv = WV.restrict(limit);
            for (int q : new int[] {0, 3, 5, 7, 99, 599}) {
                List<Neighbor> got = Nearest.of(wv, q, 10, Mode.COSINE, 0);
                assertSame(brute(limit, 10, i -> cos(DATA, DIM, q, i), q), got);
                assertTrue(got.stream().noneMatch(n -> n.id() == q), "query excluded");
            }
        }
        // Ties: rows 3, 7, 11, 40 are identical, so from 3 the top three are 7, 11, 40 in id order, cosine 1.
        List<Neighbor> ties = Nearest.of(WV, 3, 3, Mode.COSINE, 0);
        assertEquals(List.of(7, 11, 40), ties.stream().map(Neighbor::id).toList());
        // The zero row has cosine 0 with everything.
        assertEquals(0, WV.cosine(5, 1));
        Nearest.of(WV, 1, V, Mode.COSINE, 0).stream().filter(n -> n.id() == 5).forEach(n -> assertEquals(0, n.score()));
    }


    @Test
    void nearestByRelatednessMatchesBruteForce() {
        for (int limit : new int[] {V, 100}) {
            WordVectors wv = WV.restrict(limit);
            for (int q : new int[] {1, 3, 5, 300}) {
                assertSame(brute(limit, 7, i -> dot(DATA, DIM, q, i), q), Nearest.of(wv, q, 7, Mode.RELATEDNESS, 0));
            }
        }
    }


    @Test
    void similarityIsThePearsonCorrelationOfPmiProfiles() {
        for (int kk : new int[] {50, 400}) {
            for (int[] p : new int[][] {{0, 1}, {3, 7}, {10, 500}, {250, 251}}) {
                assertEquals(profilePearson(DATA, DIM, p[0], p[1], kk), Nearest.profileCorrelation(WV, p[0], p[1], kk), 1e-5);
            }
            for (int limit : new int[] {V, 200}) {
                int q = 17;
                assertSame(brute(limit, 10, i -> profilePearson(DATA, DIM, q, i, kk), q),
                        Nearest.of(WV.restrict(limit), q, 10, Mode.SIMILARITY, kk));
            }
        }
        org.junit.jupiter.api.Assertions.assertSame(WV.basis(50), WV.restrict(10).basis(50), "cached per K and shared by views");
        assertEquals(0, WV.basis(400).epsilon(), "no ridge needed for K >> d");
        // K <= d: S is singular; a ridge makes Cholesky succeed and the search still answers.
        assertTrue(WV.basis(5).epsilon() > 0);
        assertEquals(10, Nearest.of(WV, 0, 10, Mode.SIMILARITY, 5).size());
    }


    @Test
    void tiesGoToTheLowerIdInEveryMode() {
        // b, c, d identical; e the zero vector. From a, every mode scores b, c, d equally.
        WordVectors wv = WordVectors.of(List.of("a", "b", "c", "d", "e", "f"),
                new float[] {1, 2, 0, 3, 1, 1, 3, 1, 1, 3, 1, 1, 0, 0, 0, -1, 0, 2}, 3);
        for (Mode m : Mode.values()) {
            List<Neighbor> hits = Nearest.of(wv, "a", 5, m, 6).orElseThrow();
            List<Integer> ids = hits.stream().map(Neighbor::id).toList();
            int at = ids.indexOf(1);
            assertTrue(at >= 0 && ids.subList(at, at + 3).equals(List.of(1, 2, 3)), m + ": " + hits);
            assertFalse(ids.contains(0), "query excluded");
        }
        // Restriction to the top 3 leaves b and c.
        assertEquals(List.of(1, 2), Nearest.of(wv.restrict(3), "a", 5, Mode.COSINE, 0).orElseThrow().stream().map(Neighbor::id).toList());
        assertEquals(List.of(), Nearest.of(wv.restrict(1), "a", 5, Mode.COSINE, 0).orElseThrow());
    }


    @Test
    void concurrentQueriesAgreeWithSequentialOnes() throws Exception {
        WordVectors fresh = WordVectors.of(words(V), DATA, DIM);
        List<List<Neighbor>> expected = new ArrayList<>();
        for (int q = 0; q < 16; q++) {
            expected.add(Nearest.of(WV, q, 5, Mode.SIMILARITY, 300));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Neighbor>>> fs = new ArrayList<>();
            for (int q = 0; q < 16; q++) {
                int qq = q;
                // The fresh table computes its similarity basis under contention: computed once, same answers.
                fs.add(pool.submit(() -> Nearest.of(fresh, qq, 5, Mode.SIMILARITY, 300)));
            }
            for (int q = 0; q < 16; q++) {
                assertEquals(expected.get(q), fs.get(q).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
