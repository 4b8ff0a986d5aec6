package yuelao.engine.cli;

/** A failure caused by the user's input or options; its message is shown as is, in one line. */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}
