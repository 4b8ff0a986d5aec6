package yuelao.benchmarks.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.TokenHandler;

/**
 * The tokenizer pass with and without the ASCII fast path, side by side in one run: the whole corpus scanned by the
 * english analyzer on 2 threads, tokens counted. Tokens are the same either way (AsciiFastPathTest checks it); this
 * measures what the path buys. Corpus: {@code -p corpus=FILE} (default the bundled sample).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScanBenchmark {
    @Param("corpus-samples/english-sample.txt.gz")
    public String corpus;

    @Param({"true", "false"})
    public boolean asciiFastPath;

    /** Counts the tokens a thread sees. */
    static final class Counter implements TokenHandler {
        long tokens;

        @Override
        public void startDocument(long index) {}

        @Override
        public void token(char[] buffer, int length) {
            tokens++;
        }

        @Override
        public void endDocument() {}
    }

    @Benchmark
    public long scan() throws IOException {
        List<InputSource> in = InputFiles.expand(List.of(Path.of(corpus).toString()));
        var r = new CorpusScanner(AnalyzerSpec.defaults("english"), 2).asciiFastPath(asciiFastPath).scan(in, t -> new Counter());
        long n = 0;
        for (Counter c : r.handlers()) {
            n += c.tokens;
        }
        return n;
    }
}
