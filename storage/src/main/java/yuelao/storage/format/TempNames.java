package yuelao.storage.format;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names of the temporary siblings that stand in for a file or directory while it is written:
 * {@code .<name>.<kind>-<pid>-<random>}. The leading dot and the kind keep them from looking like a finished
 * output; the pid lets {@link #removeStale} tell a killed run's leftovers from a live run's work.
 *
 * <p>Every {@link #TMP} sibling handed out is also deleted when the JVM shuts down (SIGTERM, SIGINT, or a normal
 * exit), if it still exists then: an interrupted run leaves nothing behind but what SIGKILL cannot clean, which
 * {@link #removeStale} removes on the next run. {@link #OLD} siblings (a replaced output waiting to be deleted) are
 * never deleted on shutdown: {@link #removeStale} may still need to put one back.
 */
public final class TempNames {
    /** Kind of a sibling being written. */
    public static final String TMP = "tmp";
    /** Kind of a replaced output waiting to be deleted. */
    public static final String OLD = "old";

    private TempNames() {}

    /** A fresh sibling path of {@code target} of the given kind ({@link #TMP} ones are deleted at shutdown if left). */
    public static Path sibling(Path target, String kind) {
        Path abs = target.toAbsolutePath();
        String name = "." + abs.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path p = abs.resolveSibling(name);
        if (kind.equals(TMP)) {
            OnShutdown.INSTANCE.register(p);
        }
        return p;
    }

    /** The temporaries of this process, deleted by a shutdown hook. Thread-safe. */
    private static final class OnShutdown {
        static final OnShutdown INSTANCE = new OnShutdown();
        private final java.util.Set<Path> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private OnShutdown() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::deleteAll, "yuelao-temporaries"));
        }

        void register(Path p) {
            paths.add(p);
        }

        /** Deletes what is left; twice, since a worker still running may have been writing into a directory. */
        private void deleteAll() {
            for (int pass = 0; pass < 2; pass++) {
                for (Path p : paths) {
                    try {
                        deleteRecursively(p);
                    } catch (IOException | RuntimeException e) {
                        // best effort: the next run's removeStale deletes what is left
                    }
                }
                if (pass == 0) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Deletes the {@code .<name>.tmp-*} and {@code .<name>.old-*} siblings of {@code target} whose process is
     * no longer alive (or whose name carries no pid): the leftovers of killed runs. An {@code old} sibling is
     * moved back to {@code target} instead when the target is missing (a run killed between its two
     * renames), so the user's previous output is never lost.
     *
     * @return the paths removed
     */
    public static List<Path> removeStale(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        List<Path> removed = new ArrayList<>();
        if (parent == null || !Files.isDirectory(parent)) {
            return removed;
        }
        String base = "." + abs.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                String rest;
                if (n.startsWith(base + TMP + "-")) {
                    rest = n.substring(base.length() + TMP.length() + 1);
                } else if (n.startsWith(base + OLD + "-")) {
                    rest = n.substring(base.length() + OLD.length() + 1);
                } else {
                    continue;
                }
                if (!ownerAlive(rest)) {
                    if (n.startsWith(base + OLD + "-") && !Files.exists(abs)) {
                        // Killed between moving the old output aside and moving the new one in: restore it.
                        Files.move(p, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        continue;
                    }
                    deleteRecursively(p);
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    private static boolean ownerAlive(String pidAndRandom) {
        int dash = pidAndRandom.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(pidAndRandom.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes a file or a directory tree; a missing path is not an error. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** fsync of a directory, so a rename inside it is durable; a no-op where directories cannot be opened. */
    static void syncDirectory(Path dir) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms (Windows) cannot open directories; the rename is then as durable as the OS makes it.
        }
    }
}
