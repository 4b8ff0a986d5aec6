package yuelao.engine.cli;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import yuelao.core.ByteSize;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.stage.CountSettings;

/** How co-occurrences are counted: shared by {@code count} and {@code run}. Defaults: {@link RecipeDefaults}. */
public final class CountingOptions {
    @ArgGroup(validate = false, heading = "%nCounting:%n", order = 20)
    Counting counting = new Counting();

    static final class Counting {
        @Option(names = "--vocab", paramLabel = "DIR",
                description = "Reuse this vocabulary (from 'yuelao vocab' or another store) instead of building one; its analyzer settings apply.")
        Path vocab;

        @Option(names = "--window", paramLabel = "W", description = "Symmetric window: pairs of positions at distance 1..W.")
        int window;

        @Option(names = "--weighting", paramLabel = "uniform|harmonic|dynamic",
                description = "Weight of a co-occurrence at distance d: uniform 1, harmonic 1/d (GloVe), dynamic (W-d+1)/W (word2vec's expected dynamic window).")
        String weighting;

        @Option(names = "--keep-oov-positions", description = "Keep out-of-vocabulary tokens as gaps instead of deleting them before windowing.")
        boolean keepOovPositions;

        @Option(names = "--self-pairs", description = "Also count same-word pairs (x_ii, stored on the diagonal; never in X or training).")
        boolean selfPairs;

        @Option(names = "--subsample", paramLabel = "T",
                description = "word2vec's subsampling of frequent words before windowing, threshold T (e.g. 1e-4); 0 = off. Deterministic for a --seed.")
        double subsample;

        @Option(names = "--memory", paramLabel = "SIZE", description = "Memory budget (e.g. 256m, 1.5g, 4g). count: of the counting buffers. "
                + "run: of the whole run, heap and off-heap (default: " + yuelao.engine.stage.RunBudget.DEFAULT_SHARE_PERCENT
                + "% of the machine's memory, or of its memory cgroup's limit); the launcher gives the JVM a heap of this size, the counting "
                + "buffers take a share, and each stage is checked against it before it starts.")
        String memory;

        @Option(names = "--fan-in", paramLabel = "K", description = "Most spill runs merged (open) at once.")
        int fanIn;
    }

    /** The vocabulary directory to reuse, or null. */
    public Path vocab() {
        return counting.vocab;
    }

    /** The {@code --memory} value as given, or null (for {@code run}, whose default comes from the machine). */
    public String memory() {
        return counting.memory;
    }

    /** The counting settings these options describe, with the subsampling seed; a bad value is a {@link UserException}. */
    public CountSettings settings(long seed) {
        try {
            return settings(seed, ByteSize.parse("--memory", counting.memory));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The counting settings with the counting buffers' budget given (run: its share of the run's budget). */
    public CountSettings settings(long seed, long memoryBytes) {
        Counting c = counting;
        try {
            return CountSettings.builder().window(c.window).weighting(WindowWeighting.parse(c.weighting)).keepOovPositions(c.keepOovPositions)
                    .selfPairs(c.selfPairs).subsample(c.subsample).seed(seed).memoryBytes(memoryBytes).fanIn(c.fanIn).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
