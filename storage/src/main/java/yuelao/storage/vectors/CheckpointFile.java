package yuelao.storage.vectors;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import yuelao.storage.format.BinaryFileReader;
import yuelao.storage.format.BinaryFileWriter;
import yuelao.storage.format.StoreFormatException;

/**
 * A training checkpoint, {@code yuelao.checkpoint} v1: the common frame (magic, format, version, vocabulary
 * fingerprint, record counts {V, dim, epochs done}, properties; CRC32C footer), then the vectors
 * {@code float[V*dim]} and the AdaGrad accumulators {@code float[V*dim]}, little-endian.
 *
 * <p>The random state needs no bytes of its own: every random choice of the trainer (visiting order, negative
 * words) is a keyed function of (seed, epoch, block), so the seed in the properties and the epoch count are the
 * whole RNG state. The properties also hold the settings that shape the trajectory ({@link #TRAJECTORY_KEYS}) and
 * the store's identity; {@link #checkCompatible} refuses to resume a run whose trajectory would differ.
 *
 * <p>Files are written under a temporary name and renamed when complete, so after a kill -9 at any point the
 * previous checkpoint is intact and the newest complete one loads.
 */
public final class CheckpointFile {
    public static final String FORMAT = "yuelao.checkpoint";
    public static final int VERSION = 1;

    /** Settings that must match for a resumed run to continue the same trajectory (epochs may grow; threads may differ). */
    public static final List<String> TRAJECTORY_KEYS = List.of("train.method", "train.dim", "train.seed", "train.lr", "train.xMax",
            "train.alpha", "train.weight", "train.holdout", "train.init", "train.negatives", "train.negativeWeight", "train.target",
            "store.nonZeros", "store.X.units");

    /** A loaded checkpoint. */
    public record State(Path file, long vocabularyFingerprint, int rows, int dim, int epochsDone, SortedMap<String, String> properties,
            float[] vectors, float[] accumulators) {}

    private CheckpointFile() {}

    /** The checkpoint file for {@code epoch} in {@code dir}. */
    public static Path fileFor(Path dir, int epoch) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "epoch-%04d.ckpt", epoch));
    }

    /** Writes a checkpoint atomically. */
    public static void write(Path file, long fingerprint, int rows, int dim, int epochsDone, Map<String, String> properties,
            float[] vectors, float[] accumulators) throws IOException {
        TreeMap<String, String> props = new TreeMap<>(properties);
        props.put("checkpoint.epoch", Integer.toString(epochsDone));
        try (BinaryFileWriter w = BinaryFileWriter.create(file, FORMAT, VERSION, fingerprint, new long[] {rows, dim, epochsDone}, props)) {
            ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] table : new float[][] {vectors, accumulators}) {
                for (int i = 0; i < rows; i++) {
                    row.clear();
                    row.asFloatBuffer().put(table, i * dim, dim);
                    w.putBytes(row.array(), 0, 4 * dim);
                }
            }
            w.commit();
        }
    }

    /** Reads and verifies a checkpoint; a truncated, corrupt or foreign file gives a {@link StoreFormatException}. */
    public static State read(Path file) throws IOException {
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION)) {
            if (r.recordCountLength() != 3) {
                throw new StoreFormatException(file, "corrupt header (record counts)");
            }
            long rows = r.recordCount(0);
            long dim = r.recordCount(1);
            long epochs = r.recordCount(2);
            if (rows <= 0 || dim <= 0 || dim > 10_000 || rows * dim > Integer.MAX_VALUE - 8 || epochs < 0 || epochs > Integer.MAX_VALUE) {
                throw new StoreFormatException(file, "corrupt header (" + rows + " x " + dim + ", epoch " + epochs + ")");
            }
            int n = (int) (rows * dim);
            if (r.bodySize() != 8L * n) {
                throw new StoreFormatException(file, "corrupt body (" + r.bodySize() + " bytes for 2 x " + rows + " x " + dim + " floats)");
            }
            MemorySegment body = r.body();
            ValueLayout.OfFloat le = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[n];
            float[] g = new float[n];
            MemorySegment.copy(body, le, 0, v, 0, n);
            MemorySegment.copy(body, le, 4L * n, g, 0, n);
            return new State(file, r.vocabularyFingerprint(), (int) rows, (int) dim, (int) epochs, new TreeMap<>(r.properties()), v, g);
        }
    }

    /**
     * Throws a one-line error naming the checkpoint when it cannot continue the run described by
     * {@code expected} (a different store, vocabulary or trajectory setting).
     */
    public static void checkCompatible(State s, long fingerprint, Map<String, String> expected) {
        if (s.vocabularyFingerprint() != fingerprint) {
            throw new IllegalArgumentException(s.file() + ": checkpoint belongs to a different vocabulary than this store");
        }
        for (String k : TRAJECTORY_KEYS) {
            String want = expected.get(k);
            String have = s.properties().get(k);
            if (want != null && !want.equals(have)) {
                throw new IllegalArgumentException(s.file() + ": checkpoint was made with " + k.replace("train.", "--") + " " + have
                        + ", this run has " + want + "; resume with the same settings");
            }
        }
    }

    /** True when {@code file}'s header says it is a checkpoint (the checksum is not verified). */
    public static boolean isCheckpoint(Path file) {
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, Integer.MAX_VALUE, false)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Checkpoint files in {@code dir}, oldest first (by epoch). */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "epoch-*.ckpt")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        return files;
    }
}
