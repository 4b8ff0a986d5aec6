/**
 * The numerical kernels, each written once and shared by every trainer and query: dot products, axpy and blocked dot
 * products on array slices ({@link yuelao.engine.linalg.VectorOps}), the SGD step of negative sampling ({@link
 * yuelao.engine.linalg.SgnsStep}, with {@link yuelao.engine.linalg.Logistic}), the AdaGrad step ({@link
 * yuelao.engine.linalg.AdaGrad}), the tall-skinny blocks and the sparse symmetric product of the closed forms
 * ({@link yuelao.engine.linalg.BlockOps}, {@link yuelao.engine.linalg.SparseSymmetric}), and the fixed work splits
 * that keep their sums independent of the thread count ({@link yuelao.engine.linalg.Parallel}).
 *
 * <p>Every slice kernel has a Vector API variant ({@code ...Vector}) and a scalar one ({@code ...Scalar}); the
 * unsuffixed method runs the Vector API variant when the {@code jdk.incubator.vector} module is present at run time
 * ({@link yuelao.engine.linalg.VectorOps#vectorApi()}) and the scalar one otherwise, so the code runs, more slowly,
 * on a JVM started without it. The Vector API code sits in nested classes that such a JVM never loads. Kernels
 * allocate nothing.
 */
package yuelao.engine.linalg;
