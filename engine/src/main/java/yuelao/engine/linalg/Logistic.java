package yuelao.engine.linalg;

/**
 * The logistic function and its log-loss, the pieces of negative sampling (docs/method.md section 3): sigma(z) =
 * 1 / (1 + e^-z), and softplus(z) = log(1 + e^z), so that an observed event's loss is softplus(-z) and a negative
 * event's softplus(z). Two flavours of sigma, each kept by the trainer that measured with it: the exact one in float
 * (word-level sgns) and fastText's table (the subword refinement). Pure functions, thread-safe.
 */
public final class Logistic {
    private Logistic() {}

    /** fastText's table: 1024 steps over [-8, 8]. */
    private static final int TABLE_STEPS = 1024;
    private static final float TABLE_BOUND = 8f;
    private static final float[] TABLE = new float[TABLE_STEPS + 1];

    static {
        for (int s = 0; s <= TABLE_STEPS; s++) {
            double x = (s * 2.0 / TABLE_STEPS - 1) * TABLE_BOUND;
            TABLE[s] = (float) (1 / (1 + Math.exp(-x)));
        }
    }

    /** sigma(x) in double. */
    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** sigma(z) in float: {@code 1f / (1f + (float) exp(-z))}; 0 or 1 where e^-z over- or underflows. */
    public static float floatSigmoid(float z) {
        return 1f / (1f + (float) Math.exp(-z));
    }

    /**
     * fastText's sigma: 1 at z &gt;= 8, 0 at z &lt;= -8, else the table entry at the step below z (steps of 1/64;
     * absolute error below 0.004). NaN gives sigma(-8).
     */
    public static float tabulatedSigmoid(float z) {
        if (z >= TABLE_BOUND) {
            return 1f;
        }
        if (z <= -TABLE_BOUND) {
            return 0f;
        }
        return TABLE[(int) ((z + TABLE_BOUND) * (TABLE_STEPS / TABLE_BOUND / 2))];
    }

    /** softplus(x) = log(1 + e^x), without overflow for large x. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
