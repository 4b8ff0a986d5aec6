package yuelao.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import yuelao.engine.stage.CountSettings;
import yuelao.engine.stage.CountingStage;
import yuelao.engine.stage.VocabularySettings;
import yuelao.engine.count.WindowWeighting;
import yuelao.core.AnalyzerSpec;

/** Random corpora and counting requests shared by the engine's tests. */
public final class TestCorpora {
    private TestCorpora() {}

    /** Lines of words "w<r>" with rank r drawn with probability about 1/r, so some fall below min-count. */
    public static String randomCorpus(Random rnd, int lines, int types) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int n = rnd.nextInt(30);
            for (int i = 0; i < n; i++) {
                int r = (int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(types)));
                sb.append('w').append(r).append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Counting settings for tests: window, weighting and a budget, the rest at the stage's defaults. */
    public static CountSettings.Builder counting(int window, WindowWeighting w, long memoryBytes, int fanIn) {
        return CountSettings.builder().window(window).weighting(w).memoryBytes(memoryBytes).fanIn(fanIn);
    }

    /** A whitespace-analyzer counting job over corpus files. */
    public static CountingStage.Job job(List<Path> corpus, CountSettings counting, long minCount, int threads) {
        return CountingStage.job().inputs(corpus.stream().map(Path::toString).toList())
                .vocabulary(VocabularySettings.builder().analyzer(AnalyzerSpec.defaults("whitespace")).minCount(minCount).build())
                .counting(counting).threads(threads).build();
    }

    /** {@link #job(List, CountSettings, long, int)} over one file. */
    public static CountingStage.Job job(Path corpus, CountSettings counting, long minCount, int threads) {
        return job(List.of(corpus), counting, minCount, threads);
    }

    /** Writes a random corpus and counts it into {@code dir/store}. */
    public static Path randomStore(Path dir, long seed, int lines, int types, int window, WindowWeighting w, long minCount)
            throws IOException {
        Path f = dir.resolve("corpus-" + seed + ".txt");
        Files.writeString(f, randomCorpus(new Random(seed), lines, types));
        Path store = dir.resolve("store-" + seed);
        CountingStage.run(job(f, counting(window, w, 16 << 20, 8).build(), minCount, 2), store, true, n -> p -> {});
        return store;
    }
}
