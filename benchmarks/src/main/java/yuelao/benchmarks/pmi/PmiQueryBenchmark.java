package yuelao.benchmarks.pmi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.counts.CountStore;

/**
 * PMI queries on a real count store (the english-mix store built by benchmarks/scripts/pmi-bench.sh):
 * random pair look-ups per second on one thread (half observed pairs drawn from the CSR, half random id
 * pairs), and {@code associates} latency for the most frequent word and for a rare one.
 *
 * <p>Run through benchmarks/scripts/jmh.sh with {@code -jvmArgsAppend -Dyuelao.bench.store=STORE}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class PmiQueryBenchmark {
    private static final int PROBES = 1 << 16;

    private CountStoreDirectory store;
    private PmiView view;
    private int[] qi;
    private int[] qj;
    private int frequent;
    private int rare;

    @Setup
    public void setup() throws IOException {
        String path = System.getProperty("yuelao.bench.store");
        if (path == null) {
            throw new IllegalStateException("set -Dyuelao.bench.store=STORE (a count store directory)");
        }
        store = CountStoreDirectory.open(Path.of(path));
        view = PmiView.of(store, PmiOptions.of(PmiMeasure.PMI));
        CountStore c = store.counts();
        int v = c.vocabSize();
        SplittableRandom rnd = new SplittableRandom(42);
        qi = new int[PROBES];
        qj = new int[PROBES];
        for (int t = 0; t < PROBES; t++) {
            if ((t & 1) == 0) {
                long k = rnd.nextLong(c.nonZeros()); // an observed pair, uniformly over entries
                int lo = 0;
                int hi = v - 1;
                while (lo < hi) { // the row of entry k
                    int mid = (lo + hi + 1) >>> 1;
                    if (c.rowStart(mid) <= k) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                qi[t] = lo;
                qj[t] = c.column(k);
            } else {
                qi[t] = rnd.nextInt(v);
                qj[t] = rnd.nextInt(v);
            }
        }
        frequent = 0;
        rare = v - 1;
        for (int i = v - 1; i >= 0; i--) {
            if (store.vocabulary().count(i) >= 20) {
                rare = i;
                break;
            }
        }
    }

    @TearDown
    public void close() {
        store.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(PROBES)
    public double pairLookups() {
        double sum = 0;
        for (int t = 0; t < PROBES; t++) {
            double v = view.pair(qi[t], qj[t]).value();
            if (v > -1e300) {
                sum += v;
            }
        }
        return sum;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<PmiView.Associate> associatesMostFrequentWord() {
        return view.associates(frequent, 20, 5);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<PmiView.Associate> associatesRareWord() {
        return view.associates(rare, 20, 5);
    }
}
