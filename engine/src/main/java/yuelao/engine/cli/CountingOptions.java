package yuelao.engine.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import yuelao.engine.count.CountingStage;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.pipeline.VocabularyStage;
import yuelao.engine.util.ByteSize;

/** The counting options shared by {@code count} and {@code run} (the seed lives with each verb). */
public final class CountingOptions {
    @Option(names = "--vocab", paramLabel = "DIR", description = "Reuse this vocabulary (from 'yuelao vocab' or another store); its analyzer settings apply.")
    Path vocab;

    /** The vocabulary directory to reuse, or null. */
    Path vocab() {
        return vocab;
    }

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "N", description = "Keep words seen at least N times.")
    long minCount;

    @Option(names = "--max-vocab", defaultValue = "0", paramLabel = "N", description = "Keep at most the N most frequent words (0 = no limit).")
    int maxVocab;

    @Option(names = "--window", defaultValue = "10", paramLabel = "W", description = "Symmetric window: pairs of positions at distance 1..W.")
    int window;

    @Option(names = "--weighting", defaultValue = "uniform", paramLabel = "uniform|harmonic|dynamic",
            description = "Weight of a co-occurrence at distance d: uniform 1, harmonic 1/d (GloVe), dynamic (W-d+1)/W (word2vec's expected dynamic window).")
    String weighting;

    @Option(names = "--keep-oov-positions", defaultValue = "false", description = "Keep out-of-vocabulary tokens as gaps instead of deleting them before windowing.")
    boolean keepOovPositions;

    @Option(names = "--self-pairs", defaultValue = "false", description = "Also count same-word pairs (x_ii, stored on the diagonal; never in X or training).")
    boolean selfPairs;

    @Option(names = "--subsample", defaultValue = "0", paramLabel = "T",
            description = "word2vec's subsampling of frequent words before windowing, threshold T (e.g. 1e-4); 0 = off. Deterministic for a --seed.")
    double subsample;

    @Option(names = "--memory", defaultValue = "1g", paramLabel = "SIZE", description = "Memory budget of the counting buffers (e.g. 256m, 4g).")
    String memory;

    @Option(names = "--fan-in", defaultValue = "" + CountingStage.DEFAULT_FAN_IN, paramLabel = "K", description = "Most spill runs merged (open) at once.")
    int fanIn;

    /** The counting request these options describe. */
    CountingStage.Request request(CorpusOptions corpus, RunOptions run, long seed) {
        if (fanIn < 2) {
            throw new UserException("--fan-in must be at least 2, got " + fanIn);
        }
        VocabularyStage.Request vreq = new VocabularyStage.Request(corpus.inputs, corpus.analyzerSpec(), minCount, maxVocab,
                run.threads(), corpus.maxDocumentChars);
        return new CountingStage.Request(vreq, vocab, window, WindowWeighting.parse(weighting), keepOovPositions, selfPairs, subsample,
                seed, ByteSize.parse(memory), fanIn);
    }
}
