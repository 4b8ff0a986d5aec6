package yuelao.storage.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test hook at every place yuelao writes a file: the binary frame's writer (stores, vocabularies, vectors, subword
 * tables, checkpoints, the HNSW graph), atomic text files (exports, vocab.txt, vectors.txt, phrase tables, Matrix
 * Market files, run manifests), spill runs, the store's mapped scatter, the Chronicle look-up maps, and the rename
 * that puts a staged output directory in place. Production never arms it: {@link #check} is one volatile read per
 * buffer flushed, never per record. Tests arm an {@link Injector} to fail a chosen site, as a full disk or a broken
 * device would, after a chosen number of bytes of a chosen file ({@link #failAt}), and check that the error is one
 * line, that no previous output was harmed and that no temporary is left.
 */
public final class WriteFaults {
    /** Where a write happens. */
    public enum Site {
        /** {@link BinaryFileWriter}: buffered writes and reserved mapped regions. */
        BINARY_FILE,
        /** {@link AtomicFiles}: text outputs, checked before each buffer of bytes reaches the file. */
        TEXT_FILE,
        /** Sorted runs spilled while counting or merging. */
        SPILL_RUN,
        /** The count store's mapped scatter of rows. */
        STORE_SCATTER,
        /** Chronicle Map look-up files. */
        LOOKUP_MAP,
        /** {@link AtomicDirectory#commit}: the renames that put a complete staged directory in place. */
        DIRECTORY_COMMIT
    }

    /** Decides whether a write at a site fails. */
    @FunctionalInterface
    public interface Injector {
        /**
         * Throws to fail the write about to happen at {@code site} into {@code file} (its final name, not the
         * temporary one), of which {@code written} bytes are already written (0 where a site writes in one step).
         */
        void before(Site site, Path file, long written) throws IOException;
    }

    private static volatile Injector injector;

    private WriteFaults() {}

    /** Called before a write; throws what the armed injector throws. */
    public static void check(Site site, Path file) throws IOException {
        check(site, file, 0);
    }

    /** Called before a write into {@code file} of which {@code written} bytes are already written. */
    public static void check(Site site, Path file, long written) throws IOException {
        Injector i = injector;
        if (i != null) {
            i.before(site, file, written);
        }
    }

    /** Arms {@code i} until the returned handle is closed (tests only; not thread-safe against other arming). */
    public static AutoCloseable arm(Injector i) {
        injector = i;
        return () -> injector = null;
    }

    /**
     * An injector that fails every write at {@code site} into a file whose name (last path element) matches the glob
     * {@code fileName} (e.g. {@code counts.bin}, {@code *.run})
     * once at least {@code afterBytes} bytes of it are written, with the exception {@code fault} makes for that file.
     * {@link #hits} counts the failures it raised, so a test can tell that the site was reached.
     */
    public static Injector failAt(Site site, String fileName, long afterBytes, Function<Path, IOException> fault) {
        return new FailAt(site, fileName, afterBytes, fault);
    }

    /** How many failures an injector made by {@link #failAt} raised (0 for any other injector). */
    public static int hits(Injector i) {
        return i instanceof FailAt f ? f.hits.get() : 0;
    }

    /** The exception a full disk gives, as the JDK words it (so that it is reported as one). */
    public static IOException diskFull(Path file) {
        return new FileSystemException(file.toString(), null, "No space left on device");
    }

    /** The exception a failing device gives (EIO), as the JDK words it. */
    public static IOException deviceError(Path file) {
        return new FileSystemException(file.toString(), null, "Input/output error");
    }

    /**
     * {@code out} with {@link #check} called at {@code site} before each write reaches it, with the bytes already
     * written; {@code out} itself when nothing is armed (the stream stays unwrapped in production).
     */
    public static OutputStream checked(OutputStream out, Site site, Path file) {
        if (injector == null) {
            return out;
        }
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                check(site, file, written);
                out.write(b);
                written++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check(site, file, written);
                out.write(b, off, len);
                written += len;
            }
        };
    }

    private static final class FailAt implements Injector {
        private final Site site;
        private final String fileName;
        private final long afterBytes;
        private final Function<Path, IOException> fault;
        private final AtomicInteger hits = new AtomicInteger();

        FailAt(Site site, String fileName, long afterBytes, Function<Path, IOException> fault) {
            this.site = site;
            this.fileName = fileName;
            this.afterBytes = afterBytes;
            this.fault = fault;
        }

        @Override
        public void before(Site s, Path file, long written) throws IOException {
            Path name = file.getFileName();
            if (s == site && name != null && name.getFileSystem().getPathMatcher("glob:" + fileName).matches(name) && written >= afterBytes) {
                hits.incrementAndGet();
                throw fault.apply(file);
            }
        }
    }
}
