package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.query.QueryOracle.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The odd one out: the word whose unit vector has the lowest cosine to the mean, by the oracle. */
class DoesntMatchTest {
    @Test
    void doesntMatchIsTheLowestCosineToTheMeanOfUnitVectors() {
        DoesntMatch.Result r = DoesntMatch.of(WV, List.of("w1", "w2", "nope", "w3", "w7"));
        assertEquals(List.of("nope"), r.unknown());
        int[] ids = {1, 2, 3, 7};
        double[] mean = new double[DIM];
        for (int id : ids) {
            for (int k = 0; k < DIM; k++) {
                mean[k] += u(id, k);
            }
        }
        int worst = -1;
        double worstCos = 2;
        for (int id : ids) {
            double[] ui = new double[DIM];
            for (int k = 0; k < DIM; k++) {
                ui[k] = u(id, k);
            }
            double c = pearsonFreeCos(ui, mean);
            if (c < worstCos) {
                worstCos = c;
                worst = id;
            }
        }
        assertEquals(Optional.of("w" + worst), r.odd());
        assertEquals(Optional.empty(), DoesntMatch.of(WV, List.of("w1", "zz")).odd());
    }
}
