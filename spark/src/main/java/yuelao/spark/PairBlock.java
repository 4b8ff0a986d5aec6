package yuelao.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import yuelao.storage.counts.MemoryRun;
import yuelao.storage.counts.PairSink;
import yuelao.storage.counts.SpillRunReader;
import yuelao.storage.counts.SpillRunWriter;

/**
 * A sorted run of (pair key, units) records travelling between tasks: the shuffle's value, and what the reducers hand
 * the driver. Its bytes are a spill run ({@link SpillRunWriter}'s layout: varint key deltas, a record count and a
 * CRC32C), so a run is 3-6 bytes a pair and every reader checks it whole. One record per run, never one per pair:
 * measured 4-5x cheaper in CPU through Spark's shuffle.
 */
final class PairBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Path NAME = Path.of("shuffle-block");

    private final int records;
    private final byte[] run;

    private PairBlock(int records, byte[] run) {
        this.records = records;
        this.run = run;
    }

    int records() {
        return records;
    }

    int bytes() {
        return run.length;
    }

    /** Passes every record to {@code sink}, in order; a corrupt run fails once read to its end. */
    void drainTo(PairSink sink) throws IOException {
        try (SpillRunReader r = SpillRunReader.open(NAME, new ByteArrayInputStream(run))) {
            while (r.next()) {
                sink.accept(r.key(), r.units());
            }
        }
    }

    /** The records as an in-memory run (16 bytes a record), for a merge. */
    MemoryRun decode() throws IOException {
        long[] keys = new long[records];
        long[] units = new long[records];
        int[] n = {0};
        drainTo((k, u) -> {
            keys[n[0]] = k;
            units[n[0]++] = u;
        });
        return new MemoryRun(keys, units, n[0]);
    }

    /** Encodes records appended in increasing key order into a block. Not thread-safe. */
    static final class Encoder {
        private ByteArrayOutputStream bytes;
        private SpillRunWriter writer;
        private int records;

        void append(long key, long units) throws IOException {
            if (writer == null) {
                bytes = new ByteArrayOutputStream(1 << 16);
                writer = SpillRunWriter.to(bytes);
            }
            writer.append(key, units);
            records++;
        }

        int records() {
            return records;
        }

        /** The block of the records appended since the last call, or null if none; the encoder starts afresh. */
        PairBlock finish() throws IOException {
            if (writer == null) {
                return null;
            }
            writer.finish();
            PairBlock b = new PairBlock(records, bytes.toByteArray());
            writer = null;
            bytes = null;
            records = 0;
            return b;
        }
    }
}
