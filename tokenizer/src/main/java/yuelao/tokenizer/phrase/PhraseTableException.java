package yuelao.tokenizer.phrase;

import java.io.IOException;

/**
 * A phrase table that cannot be used: missing, foreign, truncated, corrupt, too new, made with another analyzer, or
 * not the one a store was made with. The message is one line, {@code file + ": " + problem}.
 */
public final class PhraseTableException extends IOException {
    private static final long serialVersionUID = 1L;

    public PhraseTableException(String file, String problem) {
        super(file + ": " + problem.replace('\n', ' ').replace('\r', ' '));
    }
}
