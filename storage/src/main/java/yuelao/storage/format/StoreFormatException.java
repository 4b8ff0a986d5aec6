package yuelao.storage.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A store file that cannot be used: foreign, truncated, corrupt, too new or inconsistent.
 *
 * <p>The message is always one line, {@code file + ": " + problem}, so it can be shown to a user as is.
 */
public final class StoreFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public StoreFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public StoreFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + oneLine(problem), cause);
        this.file = file;
        this.problem = oneLine(problem);
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String problem() {
        return problem;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
