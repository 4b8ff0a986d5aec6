package yuelao.engine.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Analogies a : b :: c : ? (docs/method.md section 4), exact over the view's candidates, with a, b and c never
 * among the answers. Ties go to the lower id.
 */
public final class Analogy {
    private Analogy() {}

    /** How the answer is scored. */
    public enum Method {
        /**
         * 3CosAdd on unit vectors: rank w by cos(u_b - u_a + u_c, u_w) (u = v / |v|). This is the reference
         * evaluator's and gensim's {@code most_similar} form, used by {@link Evaluation}.
         */
        ADD,
        /** 3CosAdd on raw vectors, as the seed code has it: rank w by cos(v_b + v_c - v_a, v_w). */
        ADD_RAW,
        /** 3CosMul (Levy and Goldberg 2014): cos'(w,b) cos'(w,c) / (cos'(w,a) + 0.001), cos' = (cos + 1) / 2. */
        MUL;

        public static Method parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "add", "3cosadd" -> ADD;
                case "add-raw", "add_raw" -> ADD_RAW;
                case "mul", "3cosmul" -> MUL;
                default -> throw new IllegalArgumentException("unknown analogy method '" + s + "' (expected add, add-raw or mul)");
            };
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The top k answers to a : b :: c : ?, or empty if a word is unknown. Scores: cosine (ADD*) or the 3CosMul ratio. */
    public static Optional<List<Neighbor>> solve(WordVectors wv, String a, String b, String c, Method method, int k) {
        OptionalInt ia = wv.id(a);
        OptionalInt ib = wv.id(b);
        OptionalInt ic = wv.id(c);
        if (ia.isEmpty() || ib.isEmpty() || ic.isEmpty()) {
            return Optional.empty();
        }
        int[][] q = {{ia.getAsInt(), ib.getAsInt(), ic.getAsInt()}};
        Batch batch = prepare(wv, q, method);
        TopK[] h = Scan.top(wv.unit(), batch.kind, batch.queries, 1, wv.searchLimit(), k, batch.exclude, 3, Scan.defaultThreads());
        return Optional.of(Nearest.toNeighbors(wv, h[0], batch.scale[0]));
    }

    /**
     * a : b :: c : ? with the words given as vectors (e.g. composed for words outside the vocabulary, see
     * {@link WordVectors#vectorOrComposed}); {@code exclude} holds the ids of the three words (-1 for a word
     * outside the vocabulary), never among the answers.
     */
    public static List<Neighbor> solve(WordVectors wv, float[] a, float[] b, float[] c, int[] exclude, Method method, int k) {
        int s = wv.unit().stride();
        int d = wv.dim();
        float[][] in = {a, b, c};
        if (method == Method.MUL) {
            float[] packed = new float[3 * s];
            for (int j = 0; j < 3; j++) {
                float[] u = unit(in[j]);
                System.arraycopy(u, 0, packed, j * s, d);
            }
            TopK[] h = Scan.top(wv.unit(), Scan.Kind.COSMUL, packed, 1, wv.searchLimit(), k, exclude.clone(), 3, Scan.defaultThreads());
            return Nearest.toNeighbors(wv, h[0], 1);
        }
        float[][] src = method == Method.ADD ? new float[][] {unit(a), unit(b), unit(c)} : in;
        float[] q = new float[s];
        double ss = 0;
        for (int x = 0; x < d; x++) {
            q[x] = src[1][x] - src[0][x] + src[2][x];
            ss += (double) q[x] * q[x];
        }
        TopK[] h = Scan.top(wv.unit(), Scan.Kind.DOT, q, 1, wv.searchLimit(), k, exclude.clone(), 3, Scan.defaultThreads());
        return Nearest.toNeighbors(wv, h[0], ss > 0 ? 1 / Math.sqrt(ss) : 0);
    }

    static float[] unit(float[] v) {
        double ss = 0;
        for (float x : v) {
            ss += (double) x * x;
        }
        float[] u = new float[v.length];
        if (ss > 0) {
            double inv = 1 / Math.sqrt(ss);
            for (int k = 0; k < v.length; k++) {
                u[k] = (float) (v[k] * inv);
            }
        }
        return u;
    }

    /**
     * The best answer to each question {a, b, c} (ids), or -1 when no candidate is left; searched over the view's
     * candidates with {@code threads} threads.
     */
    public static int[] best(WordVectors wv, int[][] questions, Method method, int threads) {
        int[] out = new int[questions.length];
        // Batches bound the packed query memory; each batch is one parallel pass over the rows.
        int batchSize = 4096;
        for (int start = 0; start < questions.length; start += batchSize) {
            int n = Math.min(batchSize, questions.length - start);
            int[][] part = java.util.Arrays.copyOfRange(questions, start, start + n);
            Batch batch = prepare(wv, part, method);
            TopK[] h = Scan.top(wv.unit(), batch.kind, batch.queries, n, wv.searchLimit(), 1, batch.exclude, 3, threads);
            for (int i = 0; i < n; i++) {
                out[start + i] = h[i].size() == 0 ? -1 : h[i].sortedIds()[0];
            }
        }
        return out;
    }

    private record Batch(Scan.Kind kind, float[] queries, int[] exclude, double[] scale) {}

    private static Batch prepare(WordVectors wv, int[][] qs, Method method) {
        RowTable unit = wv.unit();
        RowTable raw = wv.raw();
        int s = unit.stride();
        int d = wv.dim();
        int n = qs.length;
        int[] exclude = new int[3 * n];
        double[] scale = new double[n];
        if (method == Method.MUL) {
            float[] packed = new float[3 * n * s];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    unit.copyRow(qs[i][j], packed, (3 * i + j) * s);
                    exclude[3 * i + j] = qs[i][j];
                }
                scale[i] = 1;
            }
            return new Batch(Scan.Kind.COSMUL, packed, exclude, scale);
        }
        RowTable src = method == Method.ADD ? unit : raw;
        float[] packed = new float[n * s];
        for (int i = 0; i < n; i++) {
            int a = qs[i][0];
            int b = qs[i][1];
            int c = qs[i][2];
            double ss = 0;
            for (int k = 0; k < d; k++) {
                // q = b - a + c (unit or raw rows); candidates are unit rows, so <q, u_w> / |q| = cos(q, w).
                float x = src.get(b, k) - src.get(a, k) + src.get(c, k);
                packed[i * s + k] = x;
                ss += (double) x * x;
            }
            scale[i] = ss > 0 ? 1 / Math.sqrt(ss) : 0;
            exclude[3 * i] = a;
            exclude[3 * i + 1] = b;
            exclude[3 * i + 2] = c;
        }
        return new Batch(Scan.Kind.DOT, packed, exclude, scale);
    }
}
