package yuelao.tokenizer.input;

import java.io.IOException;

/**
 * A problem with the input corpus that the user must fix: a missing, empty or binary file, an unreadable
 * directory. The message is one line and names the input.
 */
public final class CorpusException extends IOException {
    private final String input;
    private final String problem;

    public CorpusException(String input, String problem) {
        super(input + ": " + problem);
        this.input = input;
        this.problem = problem;
    }

    public CorpusException(String input, String problem, Throwable cause) {
        super(input + ": " + problem, cause);
        this.input = input;
        this.problem = problem;
    }

    /** The file name (or "-" for standard input) the problem is about. */
    public String input() {
        return input;
    }

    public String problem() {
        return problem;
    }
}
