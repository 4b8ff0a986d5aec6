package yuelao.engine.train;

import java.nio.file.Path;

/**
 * Checkpoint settings of the iterative {@code pmi} method; they never change the result.
 *
 * @param dir where {@code epoch-NNNN.ckpt} files go
 * @param every write one after every {@code every} epochs (0 = never)
 * @param resume a checkpoint file, or a directory whose newest checkpoint is taken, or null
 */
public record Checkpointing(Path dir, int every, Path resume) {
    /** No checkpoints, no resume. */
    public static final Checkpointing NONE = new Checkpointing(null, 0, null);

    /** Checkpoints kept on disk: the newest two, so a kill while writing one still leaves a complete one. */
    static final int KEEP = 2;

    public Checkpointing {
        if (every < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + every);
        }
        if (every > 0 && dir == null) {
            throw new IllegalArgumentException("--checkpoint-every needs a checkpoint directory");
        }
    }

    /** The default checkpoint directory of an output: a sibling {@code VECTORS.checkpoints}. */
    public static Path defaultDir(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".checkpoints");
    }

    /** True when checkpoints are written or read. */
    public boolean active() {
        return every > 0 || resume != null;
    }
}
