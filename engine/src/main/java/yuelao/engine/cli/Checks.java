package yuelao.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Early checks, so that a long run does not fail at its very end. */
final class Checks {
    private Checks() {}

    /** Fails if the output exists (without --force) or its parent directory is not writable. */
    static void outputAvailable(Path out, boolean force) {
        if (Files.exists(out) && !force) {
            throw new UserException(out + ": already exists (use --force to replace it)");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isWritable(parent)) {
            throw new UserException(parent + ": directory is not writable");
        }
        if (parent != null && !Files.exists(parent)) {
            throw new UserException(parent + ": no such directory");
        }
    }
}
