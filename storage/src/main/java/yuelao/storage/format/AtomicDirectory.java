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

/**
 * Stages a whole output directory so that a run either produces the complete directory or nothing that looks
 * like one.
 *
 * <p>{@link #begin} creates the hidden sibling {@code .<name>.tmp-<pid>-<random>}; the caller writes into
 * {@link #path()}; {@link #commit()} fsyncs every file and the directory, then renames it to the target with
 * {@code ATOMIC_MOVE}. With {@code force}, an existing target is first renamed aside to
 * {@code .<name>.old-<pid>-<random>} and deleted only after the new one is in place (and put back if the
 * rename fails). {@link #close()} without a commit deletes the staging directory. A run killed at any point
 * leaves only hidden siblings, which {@link #removeStale} deletes. Not thread-safe.
 */
public final class AtomicDirectory implements Closeable {
    private final Path target;
    private final Path staging;
    private final boolean force;
    private boolean committed;

    private AtomicDirectory(Path target, Path staging, boolean force) {
        this.target = target;
        this.staging = staging;
        this.force = force;
    }

    /**
     * Starts staging {@code target}. Its parent is created if missing.
     *
     * @throws FileAlreadyExistsException if the target exists and {@code force} is false, or is not a directory
     * @throws AccessDeniedException if the parent directory is not writable
     */
    public static AtomicDirectory begin(Path target, boolean force) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new AccessDeniedException(abs.toString(), null, "cannot stage the file system root");
        }
        checkTarget(abs, force);
        Files.createDirectories(parent);
        if (!Files.isWritable(parent)) {
            throw new AccessDeniedException(parent.toString(), null, "directory is not writable, cannot create " + abs.getFileName());
        }
        Path staging = TempNames.sibling(abs, TempNames.TMP);
        Files.createDirectory(staging);
        return new AtomicDirectory(abs, staging, force);
    }

    private static void checkTarget(Path abs, boolean force) throws IOException {
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new FileAlreadyExistsException(abs.toString(), null, "exists and is not a directory");
            }
            if (!force) {
                throw new FileAlreadyExistsException(abs.toString(), null, "already exists (use force to replace it)");
            }
        }
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
        checkTarget(target, force); // it may have appeared since begin()
        Path old = null;
        if (Files.exists(target)) {
            old = TempNames.sibling(target, TempNames.OLD);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
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
