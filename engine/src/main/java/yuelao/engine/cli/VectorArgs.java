package yuelao.engine.cli;

/** Shared by the query verbs: option checks whose messages name the option. */
final class VectorArgs {
    private VectorArgs() {}

    static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new UserException(option + " must be at least 1, not " + value);
        }
    }

    static void requireNonNegative(String option, int value, String zeroMeans) {
        if (value < 0) {
            throw new UserException(option + " must be >= 0 (" + zeroMeans + "), not " + value);
        }
    }
}
