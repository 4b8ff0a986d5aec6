package yuelao.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoryTest {
    /** A kind for these tests: a signature file and the names the tests write. */
    static final OutputKind KIND = new OutputKind("a test output", "t.bin", "yuelao.test",
            Set.of("t.bin", "vocab.bin", "a.txt", "old.txt", "new.txt", "sub", "sub/b.txt"));

    @TempDir
    Path parent;

    /** Writes the signature file (and a vocab.bin of the given fingerprint when it is not 0). */
    static void sign(Path dir, long fingerprint, long vocabularyFingerprint) throws IOException {
        try (BinaryFileWriter w = BinaryFileWriter.create(dir.resolve("t.bin"), "yuelao.test", 1, fingerprint, new long[0], Map.of())) {
            w.commit();
        }
        if (vocabularyFingerprint != 0) {
            try (BinaryFileWriter w = BinaryFileWriter.create(dir.resolve("vocab.bin"), "yuelao.vocab", 1, vocabularyFingerprint,
                    new long[] {0}, Map.of())) {
                w.commit();
            }
        }
    }

    static AtomicDirectory begin(Path target, boolean force) throws IOException {
        return AtomicDirectory.begin(target, KIND, force, List.of());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commitRenamesTheStagedDirectory() throws IOException {
        Path target = parent.resolve("store");
        try (AtomicDirectory d = begin(target, false)) {
            assertTrue(d.path().getFileName().toString().startsWith(".store.tmp-" + ProcessHandle.current().pid() + "-"));
            Files.writeString(d.path().resolve("a.txt"), "A");
            Files.createDirectory(d.path().resolve("sub"));
            Files.writeString(d.path().resolve("sub/b.txt"), "B");
            assertFalse(Files.exists(target), "nothing visible before commit");
            d.commit();
        }
        assertEquals(List.of("store"), names());
        assertEquals("A", Files.readString(target.resolve("a.txt")));
        assertEquals("B", Files.readString(target.resolve("sub/b.txt")));
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        try (AtomicDirectory d = begin(parent.resolve("store"), false)) {
            Files.writeString(d.path().resolve("a.txt"), "A");
            assertEquals(1, names().size());
        }
        assertEquals(List.of(), names());
    }

    @Test
    void existingTargetWithoutForceFailsAndKeepsTheOldContent() throws IOException {
        Path target = parent.resolve("store");
        Files.createDirectory(target);
        Files.writeString(target.resolve("old.txt"), "old");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> begin(target, false));
        assertTrue(e.getMessage().startsWith(target.toString()) && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals(List.of("store"), names());
        assertEquals("old", Files.readString(target.resolve("old.txt")));

        // A target that appears after begin() is not overwritten either.
        Path other = parent.resolve("other");
        try (AtomicDirectory d = begin(other, false)) {
            Files.writeString(d.path().resolve("new.txt"), "new");
            Files.createDirectory(other);
            Files.writeString(other.resolve("theirs.txt"), "theirs");
            assertThrows(FileAlreadyExistsException.class, d::commit);
        }
        assertEquals(List.of("other", "store"), names());
        assertEquals("theirs", Files.readString(other.resolve("theirs.txt")));
    }

    @Test
    void forceReplacesTheOldDirectory() throws IOException {
        Path target = parent.resolve("store");
        Files.createDirectory(target);
        Files.writeString(target.resolve("old.txt"), "old");
        sign(target, 7, 7);
        try (AtomicDirectory d = begin(target, true)) {
            Files.writeString(d.path().resolve("new.txt"), "new");
            assertEquals("old", Files.readString(target.resolve("old.txt")), "old content intact until commit");
            d.commit();
        }
        assertEquals(List.of("store"), names());
        assertFalse(Files.exists(target.resolve("old.txt")));
        assertEquals("new", Files.readString(target.resolve("new.txt")));
    }

    @Test
    void forceRefusesWhatYuelaoDidNotWrite() throws IOException {
        Path target = parent.resolve("store");
        Files.createDirectory(target);
        Files.writeString(target.resolve("old.txt"), "old");
        assertRefused(target, "no t.bin"); // no signature at all
        Files.writeString(target.resolve("t.bin"), "YUELAO but not really");
        assertRefused(target, "not a readable yuelao.test file");
        Files.delete(target.resolve("t.bin"));
        sign(target, 7, 8);
        assertRefused(target, "another vocabulary");
        sign(target, 7, 7);
        Files.writeString(target.resolve("diary.txt"), "mine");
        assertRefused(target, "diary.txt");
        Files.delete(target.resolve("diary.txt"));
        Files.createDirectories(target.resolve("sub/deeper"));
        assertRefused(target, "sub/deeper");
        Files.delete(target.resolve("sub/deeper"));
        try (AtomicDirectory d = begin(target, true)) { // now it is one of ours again
            d.commit();
        }
        assertFalse(Files.exists(target.resolve("old.txt")));
    }

    @Test
    void forceRefusesAnInputAndAnyDirectoryHoldingOne() throws IOException {
        Path target = parent.resolve("store");
        Files.createDirectory(target);
        sign(target, 7, 7);
        Path input = target.resolve("a.txt");
        Files.writeString(input, "corpus");
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> AtomicDirectory.begin(target, KIND, true, List.of(input)));
        assertTrue(e.getMessage().contains("holds an input"), e.getMessage());
        e = assertThrows(OutputRefusedException.class, () -> AtomicDirectory.begin(target, KIND, true, List.of(target)));
        assertTrue(e.getMessage().contains("is an input"), e.getMessage());
        assertEquals("corpus", Files.readString(input));
        assertEquals(List.of("store"), names());
    }

    private void assertRefused(Path target, String fragment) throws IOException {
        List<String> before = names();
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> begin(target, true));
        assertTrue(e.getMessage().contains(fragment) && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals(before, names(), "nothing staged or moved");
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void removeStaleDeletesOnlyLeftoversOfDeadProcesses() throws IOException {
        Path target = parent.resolve("store");
        Path dead = parent.resolve(".store.tmp-999999999-abc"); // above Linux's pid_max: never alive
        Files.createDirectories(dead.resolve("x"));
        Files.writeString(dead.resolve("x/f"), "f");
        Path deadOld = parent.resolve(".store.old-999999999-def");
        Files.createDirectory(deadOld);
        Files.createDirectory(target); // the new output is in place: the old one is garbage
        Path live = parent.resolve(".store.tmp-" + ProcessHandle.current().pid() + "-123");
        Files.createDirectory(live);
        Path unrelated = parent.resolve(".storex.tmp-999999999-abc");
        Files.createDirectory(unrelated);
        List<Path> removed = AtomicDirectory.removeStale(target);
        assertEquals(2, removed.size());
        assertEquals(List.of(".store.tmp-" + ProcessHandle.current().pid() + "-123", ".storex.tmp-999999999-abc", "store"), names());
    }

    @Test
    void removeStaleRestoresAnOldOutputWhenTheRunDiedBetweenItsTwoRenames() throws IOException {
        Path target = parent.resolve("store");
        Path old = parent.resolve(".store.old-999999999-abc");
        Files.createDirectory(old);
        Files.writeString(old.resolve("user.txt"), "keep me");
        AtomicDirectory.removeStale(target);
        assertFalse(Files.exists(old));
        assertEquals("keep me", Files.readString(target.resolve("user.txt")));
    }
}
