package yuelao.benchmarks.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreWriter;
import yuelao.storage.counts.PairCountBuffer;
import yuelao.storage.format.TempNames;
import yuelao.storage.lookup.ChroniclePairMap;
import yuelao.core.Vocabulary;

/**
 * Random pair look-ups: the memory-mapped CSR {@link CountStore#count(int, int)} (binary search in a row)
 * against {@link ChroniclePairMap#get(int, int)} (off-heap hash), on the same random pairs of a synthetic
 * Zipfian store (ids drawn with P(i) ~ 1/(i+1), so frequent rows are long, as in text). Both return x_ij.
 *
 * <p>Run: {@code java <chronicle flags> -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * org.openjdk.jmh.Main PairLookupBenchmark}. The setup builds the store and the Chronicle map in a temp
 * directory (a few seconds: Chronicle generates code at runtime).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class PairLookupBenchmark {
    private static final int PROBES = 1 << 16;

    @Param({"20000"})
    public int vocabSize;

    @Param({"2000000"})
    public int events;

    private Path dir;
    private CountStore store;
    private ChroniclePairMap chronicle;
    private final int[] is = new int[PROBES];
    private final int[] js = new int[PROBES];
    private int next;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("yuelao-pair-bench");
        double[] cdf = zipfCdf(vocabSize);
        SplittableRandom rnd = new SplittableRandom(42);
        String[] words = new String[vocabSize];
        long[] counts = new long[vocabSize];
        for (int i = 0; i < vocabSize; i++) {
            words[i] = "w" + i;
            counts[i] = vocabSize - i;
        }
        Vocabulary vocab = Vocabulary.ofRanked(words, counts);
        Path storeFile = dir.resolve("counts.bin");
        try (CooccurrenceAccumulator acc = new CooccurrenceAccumulator(dir.resolve("tmp"), 256L << 20, 1, 16)) {
            PairCountBuffer buf = acc.newThreadBuffer();
            for (int e = 0; e < events; e++) {
                buf.add(sample(cdf, rnd), sample(cdf, rnd), 1);
                if (buf.isFull()) {
                    acc.spill(buf);
                }
            }
            try (CountStoreWriter w = CountStoreWriter.create(storeFile, vocab, 1, Map.of("weighting", "uniform"), dir.resolve("tmp"))) {
                acc.finish(w);
                w.commit();
            }
        }
        store = CountStore.open(storeFile);
        chronicle = ChroniclePairMap.build(dir.resolve("pairs.cmap"), store);
        for (int k = 0; k < PROBES; k++) { // same Zipfian draws: mostly present pairs, some absent
            is[k] = sample(cdf, rnd);
            js[k] = sample(cdf, rnd);
        }
    }

    private static double[] zipfCdf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int sample(double[] cdf, SplittableRandom rnd) {
        int i = Arrays.binarySearch(cdf, rnd.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cdf.length - 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        chronicle.close();
        store.close();
        TempNames.deleteRecursively(dir);
    }

    @Benchmark
    public double countStore() {
        int k = next++ & (PROBES - 1);
        return store.count(is[k], js[k]);
    }

    @Benchmark
    public double chroniclePairMap() {
        int k = next++ & (PROBES - 1);
        return chronicle.get(is[k], js[k]);
    }
}
