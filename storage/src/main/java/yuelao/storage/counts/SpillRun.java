package yuelao.storage.counts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A finished spill run file written by {@link SpillRunWriter}. */
public final class SpillRun implements RunSource {
    private final Path file;
    private final long records;
    private final long bytes;

    SpillRun(Path file, long records, long bytes) {
        this.file = file;
        this.records = records;
        this.bytes = bytes;
    }

    /** Opens a {@link SpillRunReader}; corruption surfaces as {@code StoreFormatException} while reading. */
    @Override
    public SpillRunReader open() throws IOException {
        return SpillRunReader.open(file);
    }

    @Override
    public long records() {
        return records;
    }

    /** File size in bytes. */
    public long bytes() {
        return bytes;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
