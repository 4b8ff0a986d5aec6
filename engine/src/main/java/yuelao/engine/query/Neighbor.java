package yuelao.engine.query;

/** One search hit: a word, its id (frequency rank) and its score under the query's measure. */
public record Neighbor(int id, String word, double score) {}
