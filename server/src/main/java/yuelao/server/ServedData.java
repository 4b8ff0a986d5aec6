package yuelao.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import yuelao.engine.api.PmiQueries;
import yuelao.engine.api.VectorQueries;
import yuelao.engine.query.IndexSettings;
import yuelao.storage.counts.CountStore;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.VectorsFile;

/**
 * What {@code yuelao serve DIR} answers from: a run directory ({@code store/} and {@code vectors/}), a VECTORS directory,
 * or a count store alone. Opened and verified once at start-up, read only afterwards (no request writes a file).
 */
final class ServedData implements AutoCloseable {
    private final Path dir;
    private final VectorQueries vectors;
    private final PmiQueries store;
    private final double openSeconds;

    private ServedData(Path dir, VectorQueries vectors, PmiQueries store, double openSeconds) {
        this.dir = dir;
        this.vectors = vectors;
        this.store = store;
        this.openSeconds = openSeconds;
    }

    /** Opens {@code dir}; a directory holding neither vectors nor a store is a one-line {@link StoreFormatException}. */
    static ServedData open(Path dir, boolean caseInsensitive, IndexSettings index) throws IOException {
        long t0 = System.nanoTime();
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        Path vectorsDir = Files.exists(dir.resolve(VectorsFile.FILE_NAME)) ? dir
                : Files.exists(dir.resolve("vectors").resolve(VectorsFile.FILE_NAME)) ? dir.resolve("vectors") : null;
        Path storeDir = Files.exists(dir.resolve(CountStore.FILE_NAME)) ? dir
                : Files.exists(dir.resolve("store").resolve(CountStore.FILE_NAME)) ? dir.resolve("store") : null;
        if (vectorsDir == null && storeDir == null) {
            throw new StoreFormatException(dir, "holds neither vectors nor a count store (serve a run directory, a VECTORS directory or a store)");
        }
        // The two are opened side by side: each verifies its checksums, a pass over its files.
        java.util.concurrent.CompletableFuture<PmiQueries> store = storeDir == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return PmiQueries.open(storeDir);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        VectorQueries v = null;
        PmiQueries s = null;
        try {
            if (vectorsDir != null) {
                v = VectorQueries.open(vectorsDir, caseInsensitive, index, VectorQueries.IndexUse.ALWAYS);
            }
            s = join(store);
        } catch (IOException | RuntimeException e) {
            if (v != null) {
                v.close();
            }
            store.thenAccept(p -> {
                if (p != null) {
                    p.close();
                }
            });
            throw e;
        }
        return new ServedData(dir, v, s, (System.nanoTime() - t0) / 1e9);
    }

    private static PmiQueries join(java.util.concurrent.CompletableFuture<PmiQueries> f) throws IOException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    Path dir() {
        return dir;
    }

    Optional<VectorQueries> vectors() {
        return Optional.ofNullable(vectors);
    }

    Optional<PmiQueries> store() {
        return Optional.ofNullable(store);
    }

    /** The vectors, or a 404 saying that this server has none. */
    VectorQueries requireVectors() {
        if (vectors == null) {
            throw new ApiError(404, "not_served", "this server has no vectors (it serves the count store " + dir + " alone)");
        }
        return vectors;
    }

    /** The count store, or a 404 saying that this server has none. */
    PmiQueries requireStore() {
        if (store == null) {
            throw new ApiError(404, "not_served", "this server has no count store (it serves the vectors " + dir + " alone)");
        }
        return store;
    }

    double openSeconds() {
        return openSeconds;
    }

    @Override
    public void close() {
        if (vectors != null) {
            vectors.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
