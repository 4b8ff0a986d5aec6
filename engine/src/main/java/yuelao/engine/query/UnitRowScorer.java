package yuelao.engine.query;

import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.apache.lucene.util.hnsw.UpdateableRandomVectorScorer;

/**
 * Scores rows of a unit-vector {@link RowTable} against one query for Lucene's HNSW, as Lucene's DOT_PRODUCT
 * similarity does on unit vectors: score = (1 + cos) / 2, in [0, 1] and increasing in the cosine, so the graph and its
 * searches rank exactly as a cosine search does. The query is a padded copy (a row of the table while building, a
 * caller's unit vector while searching). Not thread-safe: one per search or per building thread.
 */
final class UnitRowScorer implements UpdateableRandomVectorScorer {
    private final RowTable unit;
    private final int rows;
    private final float[] query;

    UnitRowScorer(RowTable unit, int rows) {
        this.unit = unit;
        this.rows = rows;
        this.query = unit.newQuery();
    }

    /** A scorer for a given unit query of dim floats. */
    static UnitRowScorer forQuery(RowTable unit, int rows, float[] unitQuery) {
        UnitRowScorer s = new UnitRowScorer(unit, rows);
        System.arraycopy(unitQuery, 0, s.query, 0, unit.dim());
        return s;
    }

    @Override
    public void setScoringOrdinal(int node) {
        unit.copyRow(node, query, 0);
    }

    @Override
    public float score(int node) {
        return Math.max(0f, (1f + unit.dot(node, query)) * 0.5f);
    }

    @Override
    public int maxOrd() {
        return rows;
    }

    /** The supplier the graph builder asks for scorers: each one scores against a row it is pointed at. */
    static RandomVectorScorerSupplier supplier(RowTable unit, int rows) {
        return new RandomVectorScorerSupplier() {
            @Override
            public UpdateableRandomVectorScorer scorer() {
                return new UnitRowScorer(unit, rows);
            }

            @Override
            public RandomVectorScorerSupplier copy() {
                return this; // the table is immutable: every scorer it hands out has its own query buffer
            }
        };
    }
}
