package yuelao.storage.format;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An existing path that yuelao refuses to replace, even with {@code --force}: it is an input of the command, the
 * working directory or an ancestor of either, or not an output of the expected kind that yuelao wrote. The reason is
 * one line, shown to the user as {@code path: reason}.
 */
public final class OutputRefusedException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public OutputRefusedException(Path path, String reason) {
        super(path.toString(), null, reason);
    }
}
