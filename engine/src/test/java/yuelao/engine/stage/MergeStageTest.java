package yuelao.engine.stage;

import yuelao.engine.count.WindowWeighting;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.stage.VocabularyStage;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.scan.DocumentReader;

/** The merge property: merge(count(A), count(B)) == count(A + B), on random corpora. */
class MergeStageTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** A whitespace-analyzer job with window 4, reusing {@code vocab} when it is not null. */
    private static CountingStage.Job req(List<Path> inputs, Path vocab, long minCount, boolean keepOov, WindowWeighting w) {
        CountingStage.Job j = yuelao.engine.TestCorpora.job(inputs, yuelao.engine.TestCorpora.counting(4, w, 8 << 20, 4).keepOovPositions(keepOov).build(),
                minCount, 2);
        return CountingStage.job().inputs(j.inputs()).vocabulary(j.vocabulary()).reuseVocabulary(vocab).counting(j.counting()).threads(2).build();
    }

    private static MergeStage.Settings merge(long minCount, long memoryBytes, int fanIn) {
        return MergeStage.Settings.builder().minCount(minCount).memoryBytes(memoryBytes).fanIn(fanIn).build();
    }

    static void assertSameCounts(Path expectedStore, Path actualStore) throws IOException {
        try (CountStoreDirectory e = CountStoreDirectory.open(expectedStore); CountStoreDirectory a = CountStoreDirectory.open(actualStore)) {
            assertEquals(e.vocabulary(), a.vocabulary(), "vocabulary (words, ids, counts)");
            Map<String, Long> ep = CountingStageTest.storePairs(e);
            assertFalse(ep.isEmpty());
            assertEquals(ep, CountingStageTest.storePairs(a));
            assertEquals(e.counts().totalPairUnits(), a.counts().totalPairUnits(), "X");
            assertEquals(e.counts().totalTokens(), a.counts().totalTokens(), "N");
            assertEquals(e.counts().scale(), a.counts().scale());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void sharedVocabularyMergeEqualsCountingTheConcatenation(int seed) throws IOException {
        Random rnd = new Random(seed);
        Path a = write("a.txt", CountingStageTest.randomCorpus(rnd, 300, 120));
        Path b = write("b.txt", CountingStageTest.randomCorpus(rnd, 500, 200));
        Path vocab = dir.resolve("vocab" + seed);
        CountingStage.Job all = req(List.of(a, b), null, 3, false, WindowWeighting.HARMONIC);
        VocabularyStage.write(vocab, true, all.inputs(), all.vocabulary(), VocabularyStage.build(all.inputs(), all.vocabulary(), 2, p -> {}));
        CountingStage.run(req(List.of(a), vocab, 3, false, WindowWeighting.HARMONIC), dir.resolve("A"), true, n -> p -> {});
        CountingStage.run(req(List.of(b), vocab, 3, false, WindowWeighting.HARMONIC), dir.resolve("B"), true, n -> p -> {});
        CountingStage.run(req(List.of(a, b), vocab, 3, false, WindowWeighting.HARMONIC), dir.resolve("AB"), true, n -> p -> {});
        MergeStage.Result r = MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("B")), dir.resolve("M"), true, merge(0, 1 << 20, 3));
        assertTrue(r.sameVocabulary() && r.exact());
        assertSameCounts(dir.resolve("AB"), dir.resolve("M"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void differentVocabulariesMergeExactlyWhenPartsKeptEverything(int seed) throws IOException {
        Random rnd = new Random(seed);
        Path a = write("a.txt", CountingStageTest.randomCorpus(rnd, 300, 150));
        Path b = write("b.txt", CountingStageTest.randomCorpus(rnd, 400, 300));
        CountingStage.run(req(List.of(a), null, 1, true, WindowWeighting.UNIFORM), dir.resolve("A"), true, n -> p -> {});
        CountingStage.run(req(List.of(b), null, 1, true, WindowWeighting.UNIFORM), dir.resolve("B"), true, n -> p -> {});
        CountingStage.run(req(List.of(a, b), null, 3, true, WindowWeighting.UNIFORM), dir.resolve("AB"), true, n -> p -> {});
        MergeStage.Result r = MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("B")), dir.resolve("M"), true, merge(3, 1 << 20, 2));
        assertFalse(r.sameVocabulary());
        assertTrue(r.exact());
        assertSameCounts(dir.resolve("AB"), dir.resolve("M"));
    }

    @Test
    void partsWithTheirOwnMinCountAreFlaggedInexactAndIncompatibleSettingsAreRefused() throws IOException {
        Random rnd = new Random(9);
        Path a = write("a.txt", CountingStageTest.randomCorpus(rnd, 300, 150));
        Path b = write("b.txt", CountingStageTest.randomCorpus(rnd, 300, 150));
        CountingStage.run(req(List.of(a), null, 3, false, WindowWeighting.UNIFORM), dir.resolve("A"), true, n -> p -> {});
        CountingStage.run(req(List.of(b), null, 3, false, WindowWeighting.UNIFORM), dir.resolve("B"), true, n -> p -> {});
        CountingStage.run(req(List.of(b), null, 3, false, WindowWeighting.HARMONIC), dir.resolve("H"), true, n -> p -> {});
        assertFalse(MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("B")), dir.resolve("M"), true, merge(0, 1 << 20, 4)).exact());
        var e = assertThrows(IOException.class,
                () -> MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("H")), dir.resolve("M2"), true, merge(0, 1 << 20, 4)));
        assertTrue(e.getMessage().contains("weighting"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("M2")), "nothing written on refusal");
    }
}
