package yuelao.storage.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

class CountStoreMergerTest {
    private static final Map<String, String> PROPS = Map.of("window", "5", "weighting", "uniform");

    @TempDir
    Path dir;

    /** A corpus: random word counts over a subset of the universe and pair events between its words. */
    private record Corpus(Vocabulary vocab, List<String> xs, List<String> ys, long[] units) {}

    private static Corpus corpus(Random rnd, int universe, double keep, int events) {
        List<Vocabulary.Entry> entries = new ArrayList<>();
        for (int w = 0; w < universe; w++) {
            if (rnd.nextDouble() < keep) {
                entries.add(new Vocabulary.Entry("word" + w, 1 + rnd.nextInt(500)));
            }
        }
        Vocabulary v = Vocabulary.select(entries, 1, 0); // ids by this corpus's own frequency ranks
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        long[] units = new long[events];
        for (int i = 0; i < events; i++) {
            xs.add(v.word(rnd.nextInt(v.size())));
            ys.add(v.word(rnd.nextInt(v.size())));
            units[i] = 1 + rnd.nextInt(30);
        }
        return new Corpus(v, xs, ys, units);
    }

    /** Events mapped to ids of {@code vocab}; pairs with an unknown word dropped. */
    private static CountsFixture.Events events(Vocabulary vocab, Corpus... corpora) {
        List<int[]> kept = new ArrayList<>();
        List<Long> units = new ArrayList<>();
        for (Corpus c : corpora) {
            for (int i = 0; i < c.units().length; i++) {
                int a = vocab.id(c.xs().get(i));
                int b = vocab.id(c.ys().get(i));
                if (a >= 0 && b >= 0) {
                    kept.add(new int[] {a, b});
                    units.add(c.units()[i]);
                }
            }
        }
        int[] x = new int[kept.size()];
        int[] y = new int[kept.size()];
        long[] u = new long[kept.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = kept.get(i)[0];
            y[i] = kept.get(i)[1];
            u[i] = units.get(i);
        }
        return new CountsFixture.Events(x, y, u);
    }

    private static Vocabulary mergedVocabulary(int maxSize, Corpus... corpora) {
        Map<String, Long> sum = new HashMap<>();
        for (Corpus c : corpora) {
            for (int i = 0; i < c.vocab().size(); i++) {
                sum.merge(c.vocab().word(i), c.vocab().count(i), Long::sum);
            }
        }
        List<Vocabulary.Entry> entries = new ArrayList<>();
        sum.forEach((w, n) -> entries.add(new Vocabulary.Entry(w, n)));
        return Vocabulary.select(entries, 1, maxSize);
    }

    @Test
    void mergeOfStoresEqualsTheStoreOfTheUnion() throws Exception {
        Random rnd = new Random(41);
        for (int maxSize : new int[] {0, 120}) { // 0: keep all words; 120: the merged vocabulary drops some
            Corpus a = corpus(rnd, 200, 0.7, 20_000);
            Corpus b = corpus(rnd, 200, 0.7, 15_000);
            Path tmp = dir.resolve("tmp");
            Path storeA = dir.resolve("a.bin");
            Path storeB = dir.resolve("b.bin");
            CountsFixture.build(storeA, tmp, a.vocab(), events(a.vocab(), a), 8_000, 1, 3, 60, PROPS);
            CountsFixture.build(storeB, tmp, b.vocab(), events(b.vocab(), b), 8_000, 1, 3, 60,
                    Map.of("window", "5", "weighting", "uniform", "corpus", "b"));

            Vocabulary merged = mergedVocabulary(maxSize, a, b);
            assertTrue(maxSize == 0 ? merged.size() > 150 : merged.size() == 120);
            CountsFixture.Events union = events(merged, a, b);
            Path expected = dir.resolve("expected.bin");
            CountsFixture.build(expected, tmp, merged, union, 1 << 20, 1, 8, 60, PROPS);

            Path out = dir.resolve("merged.bin");
            try (CountStore sa = CountStore.open(storeA); CountStore sb = CountStore.open(storeB)) {
                CountStoreMerger.merge(List.of(new CountStoreMerger.Input(sa, a.vocab()), new CountStoreMerger.Input(sb, b.vocab())),
                        merged, out, Map.of(), new CountStoreMerger.Options(tmp, 8_000, 3));
            }
            try (CountStore s = CountStore.open(out)) {
                CountsFixture.assertStoreEquals(s, CountsFixture.reference(union), merged, rnd);
                assertEquals(PROPS.get("window"), s.properties().get("window"));
                assertTrue(!s.properties().containsKey("corpus"), "a property the inputs disagree on is dropped");
            }
            assertEquals(-1, Files.mismatch(expected, out), "byte-identical to counting the union directly");
            assertEquals(List.of(), CountsFixture.files(tmp));
        }
    }

    @Test
    void incompatibleStoresAndWrongVocabulariesAreRefused() throws Exception {
        Random rnd = new Random(43);
        Corpus a = corpus(rnd, 50, 0.8, 500);
        Corpus b = corpus(rnd, 50, 0.8, 500);
        Path tmp = dir.resolve("tmp");
        Path storeA = dir.resolve("a.bin");
        Path storeB = dir.resolve("b.bin");
        CountsFixture.build(storeA, tmp, a.vocab(), events(a.vocab(), a), 1 << 20, 1, 3, 60, PROPS);
        CountsFixture.build(storeB, tmp, b.vocab(), events(b.vocab(), b), 1 << 20, 1, 3, 60,
                Map.of("window", "10", "weighting", "uniform"));
        Vocabulary merged = mergedVocabulary(0, a, b);
        Path out = dir.resolve("merged.bin");
        CountStoreMerger.Options opts = new CountStoreMerger.Options(tmp, 1 << 20, 3);
        try (CountStore sa = CountStore.open(storeA); CountStore sb = CountStore.open(storeB)) {
            StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStoreMerger.merge(
                    List.of(new CountStoreMerger.Input(sa, a.vocab()), new CountStoreMerger.Input(sb, b.vocab())), merged, out,
                    Map.of(), opts));
            assertTrue(e.problem().contains("window=10") && e.problem().contains("window=5"), e.getMessage());
            e = assertThrows(StoreFormatException.class, () -> CountStoreMerger.merge(
                    List.of(new CountStoreMerger.Input(sa, b.vocab())), merged, out, Map.of(), opts));
            assertTrue(e.problem().contains("another vocabulary"), e.getMessage());
        }
        assertTrue(!Files.exists(out));
    }
}
