/**
 * The random choices of the trainers, each written once: which words are negatives ({@link
 * yuelao.engine.sampling.NoiseWeights}, the n^a weights), how an index is drawn in proportion to weights (in O(1) by
 * {@link yuelao.engine.sampling.AliasTable}, or by {@link yuelao.engine.sampling.CumulativeTable} when a trainer draws
 * from a range of ids, such as one vocabulary block of a deterministic schedule), the binary searches over sorted and
 * cumulative arrays ({@link yuelao.engine.sampling.BinarySearch}), and the keyed streams and visiting orders that make
 * a run a function of its seed ({@link yuelao.engine.sampling.SeedMixer}, {@link
 * yuelao.engine.sampling.FeistelPermutation}).
 *
 * <p>Every draw takes the caller's {@link java.util.SplittableRandom}, so each thread or task keeps its own stream;
 * the tables are immutable once built and may be shared by any number of threads. Nothing here allocates per draw.
 */
package yuelao.engine.sampling;
