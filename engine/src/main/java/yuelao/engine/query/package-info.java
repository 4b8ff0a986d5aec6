/**
 * Queries on trained word vectors (docs/method.md section 4) and their evaluation (section 6).
 *
 * <p>{@link yuelao.engine.query.WordVectors} holds a table (opened from a VECTORS directory or built in memory);
 * {@link yuelao.engine.query.Nearest}, {@link yuelao.engine.query.Analogy},
 * {@link yuelao.engine.query.Sentences} and {@link yuelao.engine.query.DoesntMatch} answer queries exactly
 * (brute force with the Vector API, bounded heaps, ties to the lower id);
 * {@link yuelao.engine.query.Evaluation} scores similarity and analogy sets with the protocol of
 * {@code shared/tools/eval_vectors.py}.
 */
package yuelao.engine.query;
