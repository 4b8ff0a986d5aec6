package yuelao.engine.train;

import java.util.Locale;
import java.util.Map;

/**
 * What one training method produced: the word vectors (V x d, row i = word id i), the closed forms' eigenvalues (null
 * for the iterative methods), a summary for people, and properties to record beside the method's settings.
 */
public record Trained(float[] vectors, double[] eigenvalues, String summary, Map<String, String> properties) {
    /** "12s" or "3m05s": the time left after {@code done} of {@code total} steps took {@code elapsed} seconds. */
    static String eta(double elapsed, int done, int total) {
        double rest = elapsed / done * (total - done);
        return rest < 60 ? String.format(Locale.ROOT, "%.0fs", rest) : String.format(Locale.ROOT, "%dm%02ds", (long) rest / 60, (long) rest % 60);
    }
}
