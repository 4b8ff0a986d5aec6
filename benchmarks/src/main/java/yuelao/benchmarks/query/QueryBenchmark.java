package yuelao.benchmarks.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import yuelao.engine.query.Analogy;
import yuelao.engine.query.Evaluation;
import yuelao.engine.query.Nearest;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.WordVectors;

/**
 * Vector queries: one top-10 nearest-neighbour query (cosine, relatedness), and the whole Google analogy set
 * (3CosAdd, top-1, the 30,000 most frequent words, all cores).
 *
 * <p>{@code -p vectors=random} (default): 100,000 seeded Gaussian words x dim 100, and 19,544 random questions
 * over the top 30,000 (every one answerable: an upper bound on the real set's work). {@code -p vectors=DIR}: a
 * VECTORS directory, queried with the real {@code -p questions=FILE} through {@link Evaluation#analogy}
 * (parsing included). Run through benchmarks/scripts/jmh.sh QueryBenchmark or query-bench.sh.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class QueryBenchmark {
    @Param("random")
    public String vectors;

    @Param("questions-words.txt") // the scripts pass the shared evaluation folder's copy
    public String questions;

    @Param("0")
    public int threads;

    private WordVectors wv;
    private int[] queryIds;
    private int[][] randomQuestions;
    private int next;

    @Setup
    public void setup() throws IOException {
        if (vectors.equals("random")) {
            int v = 100_000;
            int dim = 100;
            SplittableRandom rnd = new SplittableRandom(42);
            float[] data = new float[v * dim];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            List<String> words = new ArrayList<>(v);
            for (int i = 0; i < v; i++) {
                words.add("w" + i);
            }
            wv = WordVectors.of(words, data, dim);
        } else {
            wv = WordVectors.open(Path.of(vectors));
        }
        SplittableRandom rnd = new SplittableRandom(7);
        queryIds = new int[1024];
        for (int i = 0; i < queryIds.length; i++) {
            queryIds[i] = rnd.nextInt(Math.min(wv.size(), 30_000));
        }
        randomQuestions = new int[19_544][];
        for (int i = 0; i < randomQuestions.length; i++) {
            int n = Math.min(wv.size(), 30_000);
            randomQuestions[i] = new int[] {rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n)};
        }
        if (threads <= 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Neighbor> nearestCosineTop10() {
        int id = queryIds[next++ & (queryIds.length - 1)];
        return Nearest.of(wv, id, 10, yuelao.engine.query.Mode.COSINE, 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Neighbor> nearestRelatednessTop10() {
        int id = queryIds[next++ & (queryIds.length - 1)];
        return Nearest.of(wv, id, 10, yuelao.engine.query.Mode.RELATEDNESS, 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object analogySet() throws IOException {
        if (vectors.equals("random")) {
            return Analogy.best(wv.restrict(30_000), randomQuestions, Analogy.Method.ADD, threads);
        }
        return Evaluation.analogy(wv, Path.of(questions), 30_000, Analogy.Method.ADD, false, threads);
    }
}
