package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.storage.format.WriteFaults;

/**
 * A write into the memory-mapped store that fails (a full disk gives the same fault as a file truncated under its
 * mapping: the JVM raises an InternalError, not an IOException) is one line saying so, and the previous store is
 * intact.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFailedMappedWriteIsOneLineAndThePreviousStoreSurvives() throws Exception {
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(5), 2000, 300));
        Path store = dir.resolve("store");
        String[] count = {"count", "-i", corpus.toString(), "-o", store.toString(), "--analyzer", "whitespace", "--min-count", "1", "-q"};
        org.junit.jupiter.api.Assertions.assertEquals(0, run(count).code());
        byte[] before = Files.readAllBytes(store.resolve("counts.bin"));
        String[] again = java.util.Arrays.copyOf(count, count.length + 1);
        again[count.length] = "--force";
        // Truncate the store's temporary file once its rows are mapped: the next mapped write faults, as on a full disk.
        try (AutoCloseable armed = WriteFaults.arm((site, file, written) -> {
            if (site == WriteFaults.Site.STORE_SCATTER) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                }
            }
        })) {
            assertOneLineError(run(again), "No space left on device", "counts.bin");
        }
        assertArrayEquals(before, Files.readAllBytes(store.resolve("counts.bin")), "the previous store is intact");
        try (var s = Files.list(dir)) {
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".")).toList(), "no temporaries left");
        }
    }
}
