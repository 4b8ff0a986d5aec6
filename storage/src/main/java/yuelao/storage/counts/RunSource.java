package yuelao.storage.counts;

import java.io.IOException;
import java.nio.file.Path;

/** A sorted run that can be opened for reading: in memory ({@link MemoryRun}) or a file ({@link SpillRun}). */
public sealed interface RunSource permits MemoryRun, SpillRun {
    RunCursor open() throws IOException;

    /** Number of records. */
    long records();

    /** The backing file, or null for an in-memory run. */
    Path file();

    /** Releases the run: deletes its file, if any. Idempotent. */
    void delete() throws IOException;
}
