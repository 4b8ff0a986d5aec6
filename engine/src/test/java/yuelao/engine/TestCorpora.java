package yuelao.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import yuelao.engine.count.CountingStage;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.pipeline.VocabularyStage;
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.scan.DocumentReader;

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

    /** A whitespace-analyzer counting request over one corpus file. */
    public static CountingStage.Request request(Path corpus, int window, WindowWeighting w, boolean keepOov, boolean selfPairs,
            long minCount, int threads, long memory, int fanIn) {
        VocabularyStage.Request v = new VocabularyStage.Request(List.of(corpus.toString()), AnalyzerSpec.defaults("whitespace"),
                minCount, 0, threads, DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS);
        return new CountingStage.Request(v, null, window, w, keepOov, selfPairs, 0, 1, memory, fanIn);
    }

    /** Writes a random corpus and counts it into {@code dir/store}. */
    public static Path randomStore(Path dir, long seed, int lines, int types, int window, WindowWeighting w, long minCount)
            throws IOException {
        Path f = dir.resolve("corpus-" + seed + ".txt");
        Files.writeString(f, randomCorpus(new Random(seed), lines, types));
        Path store = dir.resolve("store-" + seed);
        CountingStage.run(request(f, window, w, false, false, minCount, 2, 16 << 20, 8), store, true, n -> p -> {});
        return store;
    }
}
