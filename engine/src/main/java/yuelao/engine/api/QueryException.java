package yuelao.engine.api;

import java.util.List;

/**
 * A query that cannot be answered because of what was asked: an unknown word ({@link Kind#UNKNOWN_WORD}: the
 * server's 404) or a bad argument ({@link Kind#BAD_ARGUMENT}: a 400). The message is one line naming the word or the
 * argument; {@link #words()} lists the words concerned.
 */
public final class QueryException extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        /** A word (or every word of a text) is neither in the vocabulary nor composable from n-grams. */
        UNKNOWN_WORD("unknown_word"),
        /** An argument is out of range or not understood. */
        BAD_ARGUMENT("bad_request");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The {@code error} field of the JSON answer. */
        public String id() {
            return id;
        }
    }

    private final Kind kind;
    private final List<String> words;

    public QueryException(Kind kind, String message, List<String> words) {
        super(message);
        this.kind = kind;
        this.words = List.copyOf(words);
    }

    public static QueryException unknown(String message, List<String> words) {
        return new QueryException(Kind.UNKNOWN_WORD, message, words);
    }

    public static QueryException badArgument(String message) {
        return new QueryException(Kind.BAD_ARGUMENT, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<String> words() {
        return words;
    }

    /** The JSON body of this failure. */
    public Answers.Error toAnswer() {
        return new Answers.Error(kind.id(), getMessage(), words.isEmpty() ? null : words);
    }
}
