package yuelao.engine.train;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.train.TrainFixtures.pmiWithHoldout;
import static yuelao.engine.train.TrainFixtures.readVectors;
import static yuelao.engine.train.TrainFixtures.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.CliRuns;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.CheckpointFile;
import yuelao.storage.vectors.VectorsFile;

/** Checkpoints of the pmi method: resume equals an uninterrupted run, settings must match, damage is detected, kills are survived. */
class CheckpointTest {
    @TempDir
    Path tmp;

    /** Resuming from the epoch-2 checkpoint gives the same files, byte for byte, as the uninterrupted 5-epoch run. */
    @Test
    void resumeIsByteIdentical() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 41, 500, 80, 4, WindowWeighting.UNIFORM, 2);
        Path full = tmp.resolve("full");
        Path ckDir = tmp.resolve("ck");
        train(store, full, pmiWithHoldout(5).dim(10).threads(2).seed(3).build(), new Checkpointing(ckDir, 2, null));
        List<Path> kept = CheckpointFile.list(ckDir);
        assertEquals(List.of(CheckpointFile.fileFor(ckDir, 4), CheckpointFile.fileFor(ckDir, 5)), kept, "the newest two are kept");
        // Keep an early checkpoint by re-running two epochs only.
        Path ck2 = tmp.resolve("ck2");
        train(store, tmp.resolve("two"), pmiWithHoldout(2).dim(10).threads(1).seed(3).build(), new Checkpointing(ck2, 1, null));
        Path resumed = tmp.resolve("resumed");
        train(store, resumed, pmiWithHoldout(5).dim(10).threads(3).seed(3).build(), new Checkpointing(tmp.resolve("ck3"), 0, ck2));
        for (String f : new String[] {"vectors.bin", "vectors.txt", "vocab.bin"}) {
            assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
        CheckpointFile.State s = CheckpointFile.read(CheckpointFile.fileFor(ckDir, 5));
        assertEquals(5, s.epochsDone());
        assertArrayEquals(readVectors(full), s.vectors(), "the last checkpoint holds the final vectors");
    }

    @Test
    void resumeRefusesDifferentSettings() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 51, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path ck = tmp.resolve("ck");
        train(store, tmp.resolve("a"), pmiWithHoldout(2).dim(8).threads(2).seed(3).build(), new Checkpointing(ck, 1, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(store, tmp.resolve("b"),
                pmiWithHoldout(4).dim(8).threads(2).seed(99).build(), new Checkpointing(ck, 0, ck)));
        assertTrue(e.getMessage().contains("--seed"), e.getMessage());
    }

    /** Flipped and truncated checkpoints are rejected with a typed error naming the file; so is a foreign file. */
    @Test
    void corruptCheckpointsAreDetected() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 61, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path ck = tmp.resolve("ck");
        train(store, tmp.resolve("a"), pmiWithHoldout(1).dim(8).threads(2).seed(3).build(), new Checkpointing(ck, 1, null));
        Path good = CheckpointFile.fileFor(ck, 1);
        byte[] bytes = Files.readAllBytes(good);
        Random rnd = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            byte[] bad = bytes.clone();
            int at = rnd.nextInt(bad.length);
            bad[at] ^= (byte) (1 << rnd.nextInt(8));
            Path f = tmp.resolve("flip" + trial + ".ckpt");
            Files.write(f, bad);
            StoreFormatException ex = assertThrows(StoreFormatException.class, () -> CheckpointFile.read(f), "flip at " + at);
            assertTrue(ex.getMessage().contains(f.toString()), ex.getMessage());
        }
        Path cut = tmp.resolve("cut.ckpt");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(StoreFormatException.class, () -> CheckpointFile.read(cut));
        assertThrows(StoreFormatException.class, () -> CheckpointFile.read(tmp.resolve("a").resolve(VectorsFile.FILE_NAME)));
        // Through the CLI: one line, exit code 1.
        CliRuns.Run r = CliRuns.run("train", "--store", store.toString(), "--out", tmp.resolve("c").toString(), "--method", "pmi", "--dim", "8",
                "--pmi-epochs", "2", "--resume", cut.toString(), "--quiet");
        CliRuns.assertOneLineError(r, cut.toString());
    }

    /** A checkpoint file cut short while being written (a kill -9) never replaces the previous one. */
    @Test
    void killedCheckpointWriteLeavesThePreviousOne() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 71, 300, 60, 3, WindowWeighting.UNIFORM, 2);
        Path ck = tmp.resolve("ck");
        train(store, tmp.resolve("a"), pmiWithHoldout(1).dim(8).threads(2).seed(3).build(), new Checkpointing(ck, 1, null));
        // What a killed writer leaves: a partial temporary sibling. The newest complete checkpoint still loads and resumes.
        Path partial = ck.resolve("epoch-0002.ckpt.tmp-12345-1");
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(Arrays.copyOf(Files.readAllBytes(CheckpointFile.fileFor(ck, 1)), 100)));
        }
        assertEquals(List.of(CheckpointFile.fileFor(ck, 1)), CheckpointFile.list(ck));
        train(store, tmp.resolve("b"), pmiWithHoldout(2).dim(8).threads(2).seed(3).build(), new Checkpointing(ck, 1, ck));
        assertEquals(2, CheckpointFile.read(CheckpointFile.fileFor(ck, 2)).epochsDone());
    }
}
