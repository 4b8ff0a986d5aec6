package yuelao.spark;

import java.io.Serializable;
import yuelao.core.AnalyzerSpec;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.stage.CountSettings;

/**
 * The settings the tasks need, in a form Spark can ship (the engine's settings objects are not Serializable): the
 * analyzer, the longest document and the counting settings, rebuilt on the executor through the same builders.
 */
record TaskSettings(String analyzer, boolean stem, String stopwords, int minTokenLength, int maxTokenLength, int maxDocumentChars,
        int window, WindowWeighting weighting, boolean keepOovPositions, boolean selfPairs, double subsample, long seed, long memoryBytes,
        int fanIn) implements Serializable {

    static TaskSettings of(AnalyzerSpec a, int maxDocumentChars, CountSettings c) {
        return new TaskSettings(a.name(), a.stem(), a.stopwords(), a.minTokenLength(), a.maxTokenLength(), maxDocumentChars, c.window(),
                c.weighting(), c.keepOovPositions(), c.selfPairs(), c.subsample(), c.seed(), c.memoryBytes(), c.fanIn());
    }

    AnalyzerSpec analyzerSpec() {
        return new AnalyzerSpec(analyzer, stem, stopwords, minTokenLength, maxTokenLength);
    }

    CountSettings counting() {
        return CountSettings.builder().window(window).weighting(weighting).keepOovPositions(keepOovPositions).selfPairs(selfPairs)
                .subsample(subsample).seed(seed).memoryBytes(memoryBytes).fanIn(fanIn).build();
    }
}
