package yuelao.storage.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * Stages a whole output directory so that a run either produces the complete directory or nothing that looks
 * like one.
 *
 * <p>{@link #begin} creates the hidden sibling {@code .<name>.tmp-<pid>-<random>}; the caller writes into
 * {@link #path()}; {@link #commit()} fsyncs every file and the directory, then renames it to the target with
 * {@code ATOMIC_MOVE}. With {@code force}, an existing target is replaced only when {@link OutputGuard} allows it (an
 * output of the same {@link OutputKind} that yuelao wrote, neither an input nor the working directory): it is first
 * renamed aside to {@code .<name>.old-<pid>-<random>} and deleted only after the new one is in place (and put back if
 * the rename fails). {@link #close()} without a commit deletes the staging directory. A run killed at any point
 * leaves only hidden siblings, which {@link #removeStale} deletes. Not thread-safe.
 */
public final class AtomicDirectory implements Closeable {
    private final Path target;
    private final Path staging;
    private final boolean force;
    private final OutputKind kind;
    private final List<Path> inputs;
    private boolean committed;

    private AtomicDirectory(Path target, Path staging, boolean force, OutputKind kind, List<Path> inputs) {
        this.target = target;
        this.staging = staging;
        this.force = force;
        this.kind = kind;
        this.inputs = inputs;
    }

    /**
     * Starts staging {@code target}, an output of {@code kind}. Its parent is created if missing.
     *
     * @param inputs the command's inputs: never replaced, nor any directory that holds one
     * @throws FileAlreadyExistsException if the target exists and {@code force} is false
     * @throws OutputRefusedException if {@code force} is set but {@link OutputGuard} refuses the existing target
     * @throws AccessDeniedException if the parent directory is not writable
     */
    public static AtomicDirectory begin(Path target, OutputKind kind, boolean force, Collection<Path> inputs) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new AccessDeniedException(abs.toString(), null, "cannot stage the file system root");
        }
        List<Path> in = List.copyOf(inputs);
        OutputGuard.checkDirectory(abs, kind, force, in);
        Files.createDirectories(parent);
        if (!Files.isWritable(parent)) {
            throw new AccessDeniedException(parent.toString(), null, "directory is not writable, cannot create " + abs.getFileName());
        }
        Path staging = TempNames.sibling(abs, TempNames.TMP);
        Files.createDirectory(staging);
        return new AtomicDirectory(abs, staging, force, kind, in);
    }

    /** Deletes the leftovers of killed runs next to {@code target}; see {@link TempNames#removeStale}. */
    public static java.util.List<Path> removeStale(Path target) throws IOException {
        return TempNames.removeStale(target);
    }

    /** The directory to write into until {@link #commit()}. */
    public Path path() {
        return staging;
    }

    /** The final directory. */
    public Path target() {
        return target;
    }

    /** Makes the staged directory the target, durably and atomically. */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + target);
        }
        syncTree(staging);
        OutputGuard.checkDirectory(target, kind, force, inputs); // it may have appeared or changed since begin()
        Path old = null;
        if (Files.exists(target)) {
            old = TempNames.sibling(target, TempNames.OLD);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            WriteFaults.check(WriteFaults.Site.DIRECTORY_COMMIT, target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                try {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        committed = true;
        TempNames.syncDirectory(target.getParent());
        if (old != null) {
            TempNames.deleteRecursively(old);
        }
    }

    private static void syncTree(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p)) {
                    syncTree(p);
                } else if (Files.isRegularFile(p)) {
                    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                        ch.force(true);
                    }
                }
            }
        }
        TempNames.syncDirectory(dir);
    }

    /** Deletes the staging directory unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            TempNames.deleteRecursively(staging);
        }
    }
}
