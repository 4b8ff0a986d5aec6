package yuelao.storage.lookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.format.TempNames;

/** Shared plumbing of the Chronicle maps: atomic publication and one-line open errors. */
final class ChronicleFiles {
    private ChronicleFiles() {}

    /** A hidden temporary sibling to build into. */
    static Path temp(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        return TempNames.sibling(abs, TempNames.TMP);
    }

    /** Renames a closed, complete map over the target. */
    static void publish(Path temp, Path target) throws IOException {
        Files.move(temp, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void requireExists(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such Chronicle map file");
        }
    }

    /** Chronicle's own exceptions carry multi-line messages; keep the first line. */
    static StoreFormatException openFailure(Path file, String what, Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return new StoreFormatException(file, "cannot open as a " + what + " (" + e.getClass().getSimpleName() + ": "
                + (nl >= 0 ? m.substring(0, nl) : m) + ")", e);
    }
}
