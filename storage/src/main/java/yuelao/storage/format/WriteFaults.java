package yuelao.storage.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A test hook at every place yuelao writes a file: the binary frame's writer (stores, vocabularies, vectors, subword
 * tables, checkpoints), atomic text files (exports, vocab.txt, vectors.txt, manifests), spill runs, the store's mapped
 * scatter, and the Chronicle look-up maps. Production never arms it: {@link #check} is one volatile read. Tests arm
 * an {@link Injector} to fail a chosen site as a full disk or a broken device would, and check that the error is one
 * line and that no previous output was harmed.
 */
public final class WriteFaults {
    /** Where a write happens. */
    public enum Site {
        /** {@link BinaryFileWriter}: buffered writes and reserved mapped regions. */
        BINARY_FILE,
        /** {@link AtomicFiles}: text outputs. */
        TEXT_FILE,
        /** Sorted runs spilled while counting or merging. */
        SPILL_RUN,
        /** The count store's mapped scatter of rows. */
        STORE_SCATTER,
        /** Chronicle Map look-up files. */
        LOOKUP_MAP
    }

    /** Decides whether a write at a site fails. */
    @FunctionalInterface
    public interface Injector {
        /** Throws to fail the write about to happen at {@code site} into {@code file}. */
        void before(Site site, Path file) throws IOException;
    }

    private static volatile Injector injector;

    private WriteFaults() {}

    /** Called before a write; throws what the armed injector throws. */
    public static void check(Site site, Path file) throws IOException {
        Injector i = injector;
        if (i != null) {
            i.before(site, file);
        }
    }

    /** Arms {@code i} until the returned handle is closed (tests only; not thread-safe against other arming). */
    public static AutoCloseable arm(Injector i) {
        injector = i;
        return () -> injector = null;
    }

    /** The exception a full disk gives, as the JDK words it (so that it is reported as one). */
    public static IOException diskFull(Path file) {
        return new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
    }
}
