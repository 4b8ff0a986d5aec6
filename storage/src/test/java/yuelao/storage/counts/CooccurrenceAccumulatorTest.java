package yuelao.storage.counts;

import yuelao.core.StoreKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.Vocabulary;

class CooccurrenceAccumulatorTest {
    private static final int V = 300;
    private static final long SCALE = 2520; // lcm(1..10): harmonic weights 1/d for a window of 10
    private static final Map<String, String> PROPS = Map.of("window", "10", "weighting", "harmonic");

    @TempDir
    Path dir;

    private final Vocabulary vocab = CountsFixture.vocabulary(V);
    private final CountsFixture.Events events = CountsFixture.randomEvents(new Random(21), 50_000, V, SCALE);
    private final Map<Long, Long> ref = CountsFixture.reference(events);

    @Test
    void hugeBudgetNeverTouchesTheDisk() throws Exception {
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        CooccurrenceAccumulator acc = new CooccurrenceAccumulator(tmp, 256L << 20, 1, 3);
        PairCountBuffer buf = acc.newThreadBuffer();
        CountsFixture.feed(acc, buf, events, 0, events.size());
        assertEquals(0, acc.runsSpilled());
        assertEquals(List.of(), CountsFixture.files(tmp));
        Path file = dir.resolve("counts.bin");
        try (CountStoreWriter w = CountStoreWriter.create(file, vocab, SCALE, PROPS, dir.resolve("tmp2"))) {
            // the writer's own temp goes elsewhere: prove the accumulator wrote nothing during the merge
            acc.finish((k, u) -> {
                assertEquals(List.of(), CountsFixture.files(tmp));
                w.accept(k, u);
            });
            w.commit();
        }
        assertEquals(0, acc.maxOpenRunFiles());
        assertEquals(0, acc.bytesSpilled());
        try (CountStore s = CountStore.open(file)) {
            CountsFixture.assertStoreEquals(s, ref, vocab, new Random(1));
            assertEquals("10", s.properties().get("window"));
            assertEquals(Long.toString(SCALE), s.properties().get(StoreKeys.SCALE));
        }
        assertEquals(List.of(), CountsFixture.files(dir.resolve("tmp2")));
    }

    @Test
    void tinyBudgetSpillsDozensOfRunsAndMergesWithFanInThree() throws Exception {
        Path tmp = dir.resolve("tmp");
        Path file = dir.resolve("counts.bin");
        CooccurrenceAccumulator acc = CountsFixture.build(file, tmp, vocab, events, 16_000, 1, 3, SCALE, PROPS);
        assertTrue(acc.runsSpilled() >= 24, "spilled " + acc.runsSpilled());
        assertTrue(acc.bytesSpilled() > 0);
        assertTrue(acc.intermediateRuns() > 0);
        assertTrue(acc.maxOpenRunFiles() <= 4, "max open " + acc.maxOpenRunFiles());
        assertTrue(acc.maxOpenRunFiles() >= 3);
        assertEquals(List.of(), CountsFixture.files(tmp), "no temp files remain");
        try (CountStore s = CountStore.open(file)) {
            CountsFixture.assertStoreEquals(s, ref, vocab, new Random(2));
        }
    }

    @Test
    void failingSinkLeavesNoTempFiles() throws Exception {
        Path tmp = dir.resolve("tmp");
        CooccurrenceAccumulator acc = new CooccurrenceAccumulator(tmp, 16_000, 1, 3);
        CountsFixture.feed(acc, acc.newThreadBuffer(), events, 0, events.size());
        assertTrue(acc.runsSpilled() > 10);
        assertTrue(CountsFixture.files(tmp).size() > 10);
        int[] n = {0};
        assertThrows(IOException.class, () -> acc.finish((k, u) -> {
            if (++n[0] > 1000) {
                throw new IOException("sink failed");
            }
        }));
        assertEquals(List.of(), CountsFixture.files(tmp));

        // A writer abandoned mid-way (exception in finish) leaves neither its temp run nor a store.
        CooccurrenceAccumulator acc2 = new CooccurrenceAccumulator(tmp, 16_000, 1, 3);
        CountsFixture.feed(acc2, acc2.newThreadBuffer(), events, 0, events.size());
        Path file = dir.resolve("counts.bin");
        assertThrows(IllegalArgumentException.class, () -> {
            try (CountStoreWriter w = CountStoreWriter.create(file, CountsFixture.vocabulary(V / 2), SCALE, PROPS, tmp)) {
                acc2.finish(w); // ids >= V/2 are out of range
                w.commit();
            }
        });
        assertEquals(List.of(), CountsFixture.files(tmp));
        assertEquals(List.of(tmp), CountsFixture.files(dir));

        // close() without finish deletes the spills.
        CooccurrenceAccumulator acc3 = new CooccurrenceAccumulator(tmp, 16_000, 1, 3);
        CountsFixture.feed(acc3, acc3.newThreadBuffer(), events, 0, 10_000);
        acc3.close();
        assertEquals(List.of(), CountsFixture.files(tmp));
    }

    @Test
    void threadCountDoesNotChangeASingleByte() throws Exception {
        byte[] one = null;
        for (int threads : new int[] {1, 2, 4}) {
            for (long budget : new long[] {64_000, 64L << 20}) {
                Path file = dir.resolve("counts-" + threads + "-" + budget + ".bin");
                CooccurrenceAccumulator acc = CountsFixture.build(file, dir.resolve("tmp"), vocab, events, budget, threads, 3,
                        SCALE, PROPS);
                if (budget == 64_000) {
                    assertTrue(acc.runsSpilled() > threads, "spilled " + acc.runsSpilled());
                }
                byte[] bytes = Files.readAllBytes(file);
                if (one == null) {
                    one = bytes;
                } else {
                    assertTrue(java.util.Arrays.equals(one, bytes), threads + " threads, budget " + budget);
                }
            }
        }
        assertEquals(List.of(), CountsFixture.files(dir.resolve("tmp")));
    }
}
