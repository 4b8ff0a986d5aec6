package yuelao.engine.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.VectorOps;
import yuelao.storage.counts.CountStore;

/**
 * Skip-gram with negative sampling taken over the co-occurrence matrix instead of the token stream, with one
 * shared vector table ({@code --method sgns}):
 *
 * <pre>
 * L = sum over ordered (i, j), x_ij > 0, i != j, of  x_ij log(1 + exp(-z_ij))                 (observed pairs)
 *   + k sum over i of x_i* sum over j of P_n(j) log(1 + exp(z_ij))                            (negatives)
 * z_ij = &lt;v_i, v_j&gt; - log k + b,   x_i* = sum_j x_ij,   P_n(j) = n_j^0.75 / sum_c n_c^0.75
 * </pre>
 *
 * Its per-cell optimum is {@code <v_i, v_j> = log(x_ij / (x_i* P_n(j))) - b}: the PMI with context-distribution
 * smoothing 0.75 (Levy and Goldberg 2014), so the model keeps {@code <v_i, v_j> ~ PMI_ij}; the offset b
 * ({@code --sgns-offset}, default 0) moves the fitted level. Unlike the closed forms it weights every cell by
 * its evidence (x_ij on the positive side, x_i* P_n(j) on the negative side), as word2vec does.
 *
 * <p>Optimisation is word2vec's: plain SGD on single events, learning rate decaying linearly from eta to
 * eta/10^4 over all epochs. An epoch draws {@code samples} observed pairs with probability x_ij / X (X = total
 * mass) and, for each, k negative events (i, j') with i drawn by x_i* and j' by n^0.75, in expectation; so one
 * epoch with samples = X is one pass of word2vec over the pairs its windows produce. A step on an event with
 * label y in {1, 0}: g = eta (y - sigma(z)); v_i += g v_j and v_j += g v_i (pre-update values).
 *
 * <p>Separate context table ({@code --contexts start|zero}, word2vec's syn0/syn1neg): the same loss with
 *
 * <pre>
 * z_ij = &lt;w_i, c_j&gt; - log k + b
 * </pre>
 *
 * so (i, j) and (j, i) are two different events (the CSR holds both orders; x_ij = x_ji), and a step on (i, j)
 * does w_i += g c_j, c_j += g w_i. Its per-cell optimum is the same PMI, but as W C^T, which need not be
 * positive semi-definite. The output is W ({@code --sgns-output w}, word2vec's choice) or W + C ({@code w+c},
 * Levy, Goldberg and Dagan 2015). Starts: {@code start} with the eig init takes W = Q diag(lambda)^p and
 * C = Q diag(lambda)^(1-p) (the same matrix Q diag(lambda) Q^T; C = W at p = .5); {@code zero} takes C = 0.
 *
 * <p>Determinism: events are generated per task of the {@link BlockSchedule} (vocabulary block pairs that
 * share no vectors) from a random stream keyed by the seed, the epoch and the task; a negative (i, j') of a
 * task has i and j' on its two sides, so a task touches only its own blocks: rows of blocks a and b of W and
 * (with separate contexts) of C, the same rows in both tables, so tasks of one round stay disjoint. The expected numbers of each kind
 * of event per task are those of the global objective, so the block restriction does not bias the loss. The
 * learning rate changes only between rounds. Hence the vectors are byte-identical for any thread count.
 * No allocation per event.
 */
public final class LogisticTrainer implements AutoCloseable {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private final CountStore store;
    private final int n;
    private final int dim;
    private final float[] v;
    private final float[] c; // the context table; the same array as v when shared
    private final Arena arena = Arena.ofShared();
    private final MemorySegment cum; // per CSR entry: cumulative x within its row, up to and including the entry
    private final double[] rowMass; // x_i* (off-diagonal)
    private final double[] noise; // n_i^0.75
    private final BlockSchedule schedule;
    private final double[][] blockNoiseCum; // per block: cumulative n^0.75 of its words
    private final double[] blockNoise; // per block: total n^0.75
    private final double totalNoise;
    private final double totalMass;
    private final TaskSampler[][] samplers;
    private final double negatives; // k
    private final float logK;
    private final float offset;
    private final double eta;
    private final long seed;

    /** Loss of one epoch: mean per event. */
    public record EpochStats(int epoch, double positiveLoss, double negativeLoss, long positives, long negativeEvents, double seconds) {
        public double eventsPerSecond() {
            return seconds > 0 ? (positives + negativeEvents) / seconds : 0;
        }
    }

    /** Per task: the rows of each side, cumulative row masses and cumulative x_i* (for negative rows). */
    private static final class TaskSampler {
        final BlockSchedule.Task task;
        final double[] posCum; // cumulative mass of the task's row sub-ranges
        final int[][] sideRows; // rows of side 0 (block a) and side 1 (block b)
        final double[][] sideRowCum; // cumulative x_i* per side
        final int[] sideBlockOther; // the block the negatives of a side's rows come from
        final double[] negMass; // per side: k-free negative mass sum_i x_i* P_n(other block)

        TaskSampler(BlockSchedule.Task task, double[] posCum, int[][] sideRows, double[][] sideRowCum, int[] sideBlockOther, double[] negMass) {
            this.task = task;
            this.posCum = posCum;
            this.sideRows = sideRows;
            this.sideRowCum = sideRowCum;
            this.sideBlockOther = sideBlockOther;
            this.negMass = negMass;
        }
    }

    /**
     * @param negatives k, negative events per observed one (need not be an integer)
     * @param offset b added to the logit
     * @param init starting vectors (n x dim), or null for Uniform(-0.5/d, 0.5/d)
     */
    public LogisticTrainer(CountStore counts, int dim, double eta, double negatives, double offset, long seed, float[] init, int blocks) {
        this(counts, dim, eta, negatives, offset, seed, init, null, blocks);
    }

    /**
     * @param contexts null for one shared table; else the start of a separate context table C (n x dim, copied),
     *     giving the logit z_ij = &lt;w_i, c_j&gt; - log k + b
     */
    public LogisticTrainer(CountStore counts, int dim, double eta, double negatives, double offset, long seed, float[] init, float[] contexts,
            int blocks) {
        if (!(negatives > 0)) {
            throw new IllegalArgumentException("--negatives must be > 0 for sgns, got " + negatives);
        }
        this.store = counts;
        this.n = counts.vocabSize();
        this.dim = dim;
        this.eta = eta;
        this.seed = seed;
        this.negatives = negatives;
        this.logK = (float) Math.log(negatives);
        this.offset = (float) offset;
        long nnz = counts.nonZeros();
        this.cum = arena.allocate(Math.max(8, nnz * 8), 8);
        this.rowMass = new double[n];
        this.noise = new double[n];
        double scale = counts.scale();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double c = 0;
            for (long k = counts.rowStart(i); k < counts.rowEnd(i); k++) {
                if (counts.column(k) != i) {
                    c += counts.units(k) / scale;
                }
                cum.setAtIndex(ValueLayout.JAVA_DOUBLE, k, c);
            }
            rowMass[i] = c;
            total += c;
            noise[i] = Math.pow(Math.max(1, counts.unigramCount(i)), 0.75);
        }
        this.totalMass = total;
        this.schedule = new BlockSchedule(counts, blocks);
        int nb = schedule.blocks();
        blockNoiseCum = new double[nb][];
        blockNoise = new double[nb];
        double tn = 0;
        for (int b = 0; b < nb; b++) {
            int lo = schedule.blockStart(b);
            int hi = schedule.blockStart(b + 1);
            double[] c = new double[hi - lo + 1];
            for (int i = lo; i < hi; i++) {
                c[i - lo + 1] = c[i - lo] + noise[i];
            }
            blockNoiseCum[b] = c;
            blockNoise[b] = c[hi - lo];
            tn += blockNoise[b];
        }
        this.totalNoise = tn;
        samplers = new TaskSampler[nb][nb];
        for (int a = 0; a < nb; a++) {
            for (int b = a; b < nb; b++) {
                samplers[a][b] = sampler(schedule.task(a, b), a, b);
            }
        }
        this.v = new float[n * dim];
        if (init != null) {
            System.arraycopy(init, 0, v, 0, v.length);
        } else {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) ((rnd.nextDouble() - 0.5) / dim);
            }
        }
        this.c = contexts == null ? v : contexts.clone();
        if (c.length != v.length) {
            throw new IllegalArgumentException("context table has " + c.length + " values, expected " + v.length);
        }
    }

    private TaskSampler sampler(BlockSchedule.Task t, int a, int b) {
        int rows = t.rows.length;
        double[] pc = new double[rows + 1];
        for (int r = 0; r < rows; r++) {
            long count = t.cumulative[r + 1] - t.cumulative[r];
            pc[r + 1] = pc[r] + (count == 0 ? 0 : rangeMass(t.rows[r], t.start[r], t.start[r] + count));
        }
        int[][] sides = a == b ? new int[][] {rowsOf(a)} : new int[][] {rowsOf(a), rowsOf(b)};
        int[] other = a == b ? new int[] {a} : new int[] {b, a};
        double[][] sc = new double[sides.length][];
        double[] neg = new double[sides.length];
        for (int s = 0; s < sides.length; s++) {
            double[] c = new double[sides[s].length + 1];
            for (int r = 0; r < sides[s].length; r++) {
                c[r + 1] = c[r] + rowMass[sides[s][r]];
            }
            sc[s] = c;
            neg[s] = c[sides[s].length] * blockNoise[other[s]] / totalNoise;
        }
        return new TaskSampler(t, pc, sides, sc, other, neg);
    }

    private int[] rowsOf(int block) {
        int lo = schedule.blockStart(block);
        int hi = schedule.blockStart(block + 1);
        int[] r = new int[hi - lo];
        for (int i = lo; i < hi; i++) {
            r[i - lo] = i;
        }
        return r;
    }

    /** Off-diagonal mass of row i's entries [from, to). */
    private double rangeMass(int i, long from, long to) {
        double before = from == store.rowStart(i) ? 0 : cum.getAtIndex(ValueLayout.JAVA_DOUBLE, from - 1);
        return cum.getAtIndex(ValueLayout.JAVA_DOUBLE, to - 1) - before;
    }

    /** The word table W (the shared table when there are no separate contexts). */
    public float[] vectors() {
        return v;
    }

    /** The context table C (the same array as {@link #vectors()} when shared). */
    public float[] contexts() {
        return c;
    }

    /** Whether the model has a separate context table. */
    public boolean separateContexts() {
        return c != v;
    }

    /** A copy of W, or of W + C (Levy et al.'s w+c; 2W when shared) if {@code sum}. */
    public float[] output(boolean sum) {
        float[] out = v.clone();
        if (sum) {
            for (int k = 0; k < out.length; k++) {
                out[k] += c[k];
            }
        }
        return out;
    }

    /** Replaces the vectors (resuming from a checkpoint). */
    public void restore(float[] vectors) {
        System.arraycopy(vectors, 0, v, 0, v.length);
    }

    /** Replaces the context table (separate contexts only). */
    public void restoreContexts(float[] contexts) {
        if (!separateContexts()) {
            throw new IllegalStateException("no separate context table");
        }
        System.arraycopy(contexts, 0, c, 0, c.length);
    }

    /** X: the total off-diagonal pair mass (one word2vec pass over the pairs). */
    public double totalMass() {
        return totalMass;
    }

    /** The learning rate of round r (of nr) in epoch e (from 1) of E: word2vec's linear decay, floored at eta 1e-4. */
    double rate(int epoch, int epochs, int round, int rounds) {
        double progress = ((epoch - 1) + (double) round / rounds) / epochs;
        return eta * Math.max(1e-4, 1 - progress);
    }

    /**
     * One epoch drawing {@code samples} observed pairs (and k times as many negative events in expectation).
     *
     * @param epochs the total number of epochs (for the learning-rate schedule)
     */
    public EpochStats epoch(int epoch, int epochs, double samples, int threads) {
        long t0 = System.nanoTime();
        List<int[][]> rounds = schedule.rounds();
        int nr = rounds.size();
        FeistelPermutation roundOrder = new FeistelPermutation(nr, seed * 31 + epoch);
        double rho = samples / totalMass;
        double posLoss = 0;
        double negLoss = 0;
        long pos = 0;
        long neg = 0;
        for (int r = 0; r < nr; r++) {
            int[][] tasks = rounds.get((int) roundOrder.apply(r));
            float lr = (float) rate(epoch, epochs, r, nr);
            double[][] out = new double[tasks.length][];
            int[] bounds = Parallel.even(tasks.length, tasks.length);
            Parallel.run(threads, bounds, (t, from, to) -> {
                for (int q = from; q < to; q++) {
                    int a = Math.min(tasks[q][0], tasks[q][1]);
                    int b = Math.max(tasks[q][0], tasks[q][1]);
                    long key = FeistelPermutation.mix(seed ^ (epoch * 0x100000001B3L) ^ ((long) a << 20) ^ b);
                    out[q] = runTask(samplers[a][b], rho, lr, key);
                }
            });
            for (double[] o : out) { // fixed order: deterministic sums
                posLoss += o[0];
                negLoss += o[1];
                pos += (long) o[2];
                neg += (long) o[3];
            }
        }
        return new EpochStats(epoch, pos > 0 ? posLoss / pos : 0, neg > 0 ? negLoss / neg : 0, pos, neg, (System.nanoTime() - t0) / 1e9);
    }

    /** Stochastic rounding of a non-negative expected count. */
    private static long round(double expected, SplittableRandom rnd) {
        long f = (long) Math.floor(expected);
        return f + (rnd.nextDouble() < expected - f ? 1 : 0);
    }

    private double[] runTask(TaskSampler s, double rho, float lr, long key) {
        SplittableRandom rnd = new SplittableRandom(key);
        double posTotal = s.posCum[s.posCum.length - 1];
        long nPos = posTotal > 0 ? round(rho * posTotal, rnd) : 0;
        long[] nNeg = new long[s.sideRows.length];
        long negSum = 0;
        for (int side = 0; side < nNeg.length; side++) {
            nNeg[side] = s.negMass[side] > 0 ? round(rho * negatives * s.negMass[side], rnd) : 0;
            negSum += nNeg[side];
        }
        long events = nPos + negSum;
        double posLoss = 0;
        double negLoss = 0;
        long donePos = 0;
        long doneNeg = 0;
        long leftPos = nPos;
        long leftNeg0 = nNeg[0];
        long leftNeg1 = nNeg.length > 1 ? nNeg[1] : 0;
        for (long e = 0; e < events; e++) {
            // Draw the kind of the next event without replacement: a uniformly shuffled interleaving.
            long left = leftPos + leftNeg0 + leftNeg1;
            long u = (long) (rnd.nextDouble() * left);
            if (u < leftPos) {
                leftPos--;
                double m = rnd.nextDouble() * posTotal;
                int r = upper(s.posCum, m);
                BlockSchedule.Task t = s.task;
                long from = t.start[r];
                long to = from + (t.cumulative[r + 1] - t.cumulative[r]);
                int i = t.rows[r];
                double before = from == store.rowStart(i) ? 0 : cum.getAtIndex(ValueLayout.JAVA_DOUBLE, from - 1);
                long k = entry(before + (m - s.posCum[r]), from, to);
                int j = store.column(k);
                if (i == j) {
                    continue;
                }
                posLoss += step(i, j, 1f, lr);
                donePos++;
            } else {
                int side;
                if (u < leftPos + leftNeg0) {
                    leftNeg0--;
                    side = 0;
                } else {
                    leftNeg1--;
                    side = 1;
                }
                int[] rows = s.sideRows[side];
                double[] rc = s.sideRowCum[side];
                int i = rows[upper(rc, rnd.nextDouble() * rc[rows.length])];
                int ob = s.sideBlockOther[side];
                double[] nc = blockNoiseCum[ob];
                int j = schedule.blockStart(ob) + upper(nc, rnd.nextDouble() * nc[nc.length - 1]);
                if (i == j) {
                    continue;
                }
                negLoss += step(i, j, 0f, lr);
                doneNeg++;
            }
        }
        return new double[] {posLoss, negLoss, donePos, doneNeg};
    }

    /** The index r with c[r] <= m < c[r + 1] (c cumulative, c[0] = 0), skipping empty intervals. */
    private static int upper(double[] c, double m) {
        int lo = 0;
        int hi = c.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (c[mid] <= m) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (lo < c.length - 2 && c[lo + 1] <= m) {
            lo++;
        }
        while (lo > 0 && c[lo + 1] == c[lo]) { // m beyond the last non-empty interval by rounding
            lo--;
        }
        return lo;
    }

    /** The entry k in [from, to) of a row whose cumulative mass first exceeds m. */
    private long entry(double m, long from, long to) {
        long lo = from;
        long hi = to - 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (cum.getAtIndex(ValueLayout.JAVA_DOUBLE, mid) <= m) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The loss of one event: log(1 + exp(-z)) if observed (y = 1), log(1 + exp(z)) if negative, z the logit. */
    double eventLoss(int i, int j, float y) {
        double z = logit(i, j);
        return y == 1f ? softplus(-z) : softplus(z);
    }

    private double logit(int i, int j) {
        return VectorOps.dot(v, i * dim, c, j * dim, dim) - logK + offset;
    }

    /** log(1 + e^x), without overflow. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /**
     * One SGD step on the event (i, j) with label y: g = lr (y - sigma(z)); v_i += g v_j; v_j += g v_i (from the
     * pre-update values); that is v -= lr dL/dv for the event's loss. With separate contexts: w_i += g c_j and
     * c_j += g w_i. Returns the event's loss before the step. Needs i != j when shared.
     */
    double step(int i, int j, float y, float lr) {
        final int io = i * dim;
        final int jo = j * dim;
        final float[] c = this.c;
        float z = VectorOps.dot(v, io, c, jo, dim) - logK + offset;
        float sig = 1f / (1f + (float) Math.exp(-z));
        float g = lr * (y - sig);
        double loss = y == 1f ? softplus(-z) : softplus(z);
        if (!Float.isFinite(g)) {
            return 0;
        }
        int k = 0;
        if (!VectorOps.SCALAR) {
            FloatVector vg = FloatVector.broadcast(F, g);
            for (int upper = F.loopBound(dim); k < upper; k += F.length()) {
                FloatVector vi = FloatVector.fromArray(F, v, io + k);
                FloatVector vj = FloatVector.fromArray(F, c, jo + k);
                vj.fma(vg, vi).intoArray(v, io + k);
                vi.fma(vg, vj).intoArray(c, jo + k);
            }
        }
        for (; k < dim; k++) {
            float vi = v[io + k];
            float vj = c[jo + k];
            v[io + k] = vi + g * vj;
            c[jo + k] = vj + g * vi;
        }
        return loss;
    }

    @Override
    public void close() {
        arena.close();
    }
}
