package yuelao.engine.count;

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
import yuelao.engine.pipeline.VocabularyStage;
import yuelao.engine.store.CountStoreDirectory;
import yuelao.tokenizer.analysis.AnalyzerSpec;
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

    private static CountingStage.Request req(List<Path> inputs, Path vocab, long minCount, boolean keepOov, WindowWeighting w) {
        VocabularyStage.Request v = new VocabularyStage.Request(inputs.stream().map(Path::toString).toList(),
                AnalyzerSpec.defaults("whitespace"), minCount, 0, 2, DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS);
        return new CountingStage.Request(v, vocab, 4, w, keepOov, false, 0, 1, 8 << 20, 4);
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
        VocabularyStage.Request vr = req(List.of(a, b), null, 3, false, WindowWeighting.HARMONIC).vocabulary();
        VocabularyStage.write(vocab, true, vr, VocabularyStage.build(vr, p -> {}));
        CountingStage.run(req(List.of(a), vocab, 3, false, WindowWeighting.HARMONIC), dir.resolve("A"), true, n -> p -> {});
        CountingStage.run(req(List.of(b), vocab, 3, false, WindowWeighting.HARMONIC), dir.resolve("B"), true, n -> p -> {});
        CountingStage.run(req(List.of(a, b), vocab, 3, false, WindowWeighting.HARMONIC), dir.resolve("AB"), true, n -> p -> {});
        MergeStage.Result r = MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("B")), dir.resolve("M"), true, 0, 0, 1 << 20, 3);
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
        MergeStage.Result r = MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("B")), dir.resolve("M"), true, 3, 0, 1 << 20, 2);
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
        assertFalse(MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("B")), dir.resolve("M"), true, 0, 0, 1 << 20, 4).exact());
        var e = assertThrows(IOException.class,
                () -> MergeStage.merge(List.of(dir.resolve("A"), dir.resolve("H")), dir.resolve("M2"), true, 0, 0, 1 << 20, 4));
        assertTrue(e.getMessage().contains("weighting"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("M2")), "nothing written on refusal");
    }
}
