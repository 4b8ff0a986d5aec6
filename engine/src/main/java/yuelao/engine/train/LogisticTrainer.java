package yuelao.engine.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.SgnsStep;
import yuelao.engine.sampling.BinarySearch;
import yuelao.engine.sampling.CumulativeTable;
import yuelao.engine.sampling.FeistelPermutation;
import yuelao.engine.sampling.NoiseWeights;
import yuelao.engine.sampling.SeedMixer;
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
 * label y in {1, 0} is {@link SgnsStep#exact}: g = eta (y - sigma(z)); v_i += g v_j and v_j += g v_i (pre-update
 * values).
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
 * No allocation per event. Settings: the dimension and seed of {@link TrainSettings}, the rate, k and b of its
 * {@link SgnsSettings}; its context table decides whether C is separate (zero until {@link #restoreContexts}).
 */
public final class LogisticTrainer implements AutoCloseable {
    private final CountStore store;
    private final int n;
    private final int dim;
    private final float[] v;
    private final float[] c; // the context table; the same array as v when shared
    private final Arena arena = Arena.ofShared();
    private final MemorySegment cum; // per CSR entry: cumulative x within its row, up to and including the entry
    private final double[] rowMass; // x_i* (off-diagonal)
    private final BlockSchedule schedule;
    private final CumulativeTable[] blockNoise; // per block: n^0.75 of its words, for its negatives
    private final double totalNoise;
    private final double totalMass;
    private final TaskSampler[][] samplers;
    private final double negatives; // k
    private final SgnsStep step;
    private final double eta;
    private final long seed;

    /** Loss of one epoch: mean per event. */
    public record EpochStats(int epoch, double positiveLoss, double negativeLoss, long positives, long negativeEvents, double seconds) {
        public double eventsPerSecond() {
            return seconds > 0 ? (positives + negativeEvents) / seconds : 0;
        }
    }

    /**
     * Per task: the positive mass of each of its row sub-ranges, and per side (block a, and block b if a != b) the
     * rows drawn by x_i* for negatives, the block their negatives come from and the side's k-free negative mass
     * sum_i x_i* P_n(other block).
     */
    private record TaskSampler(BlockSchedule.Task task, CumulativeTable positive, CumulativeTable[] sideRows, int[] sideBlockOther,
            double[] negMass) {}

    /**
     * A trainer with the vectors at Uniform(-0.5/d, 0.5/d) drawn from the seed and, with separate contexts, C = 0
     * ({@link #restore} and {@link #restoreContexts} replace either start).
     *
     * @param settings the dimension and seed, and {@link TrainSettings#sgns()}: rate, k, b and the context table
     * @param blocks vocabulary blocks of the deterministic schedule ({@link BlockSchedule#BLOCKS} in production)
     */
    public LogisticTrainer(CountStore counts, TrainSettings settings, int blocks) {
        SgnsSettings sgns = settings.sgns();
        this.store = counts;
        this.n = counts.vocabSize();
        this.dim = settings.dim();
        this.eta = sgns.lr();
        this.seed = settings.seed();
        this.negatives = sgns.negatives();
        this.step = SgnsStep.exact(negatives, sgns.offset());
        long nnz = counts.nonZeros();
        this.cum = arena.allocate(Math.max(8, nnz * 8), 8);
        this.rowMass = new double[n];
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
        }
        this.totalMass = total;
        this.schedule = new BlockSchedule(counts, blocks);
        int nb = schedule.blocks();
        double[] noise = NoiseWeights.of(counts, NoiseWeights.WORD2VEC_POWER);
        blockNoise = new CumulativeTable[nb];
        double tn = 0;
        for (int b = 0; b < nb; b++) {
            blockNoise[b] = CumulativeTable.of(noise, schedule.blockStart(b), schedule.blockStart(b + 1));
            tn += blockNoise[b].total();
        }
        this.totalNoise = tn;
        samplers = new TaskSampler[nb][nb];
        for (int a = 0; a < nb; a++) {
            for (int b = a; b < nb; b++) {
                samplers[a][b] = sampler(schedule.task(a, b), a, b);
            }
        }
        this.v = new float[n * dim];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) ((rnd.nextDouble() - 0.5) / dim);
        }
        this.c = sgns.contexts() == SgnsSettings.Contexts.SHARED ? v : new float[v.length];
    }

    private TaskSampler sampler(BlockSchedule.Task t, int a, int b) {
        int rows = t.rows.length;
        double[] mass = new double[rows];
        for (int r = 0; r < rows; r++) {
            long count = t.cumulative[r + 1] - t.cumulative[r];
            mass[r] = count == 0 ? 0 : rangeMass(t.rows[r], t.start[r], t.start[r] + count);
        }
        int[] sideBlocks = a == b ? new int[] {a} : new int[] {a, b};
        int[] other = a == b ? new int[] {a} : new int[] {b, a};
        CumulativeTable[] sides = new CumulativeTable[sideBlocks.length];
        double[] neg = new double[sides.length];
        for (int s = 0; s < sides.length; s++) {
            sides[s] = CumulativeTable.of(rowMass, schedule.blockStart(sideBlocks[s]), schedule.blockStart(sideBlocks[s] + 1));
            neg[s] = sides[s].total() * blockNoise[other[s]].total() / totalNoise;
        }
        return new TaskSampler(t, CumulativeTable.of(mass, 0, rows), sides, other, neg);
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

    /** Replaces the vectors W (a start, or a saved state): n x dim values, copied. */
    public void restore(float[] vectors) {
        checkLength(vectors, "vector table");
        System.arraycopy(vectors, 0, v, 0, v.length);
    }

    /** Replaces the context table C (separate contexts only): n x dim values, copied. */
    public void restoreContexts(float[] contexts) {
        if (!separateContexts()) {
            throw new IllegalStateException("no separate context table");
        }
        checkLength(contexts, "context table");
        System.arraycopy(contexts, 0, c, 0, c.length);
    }

    private void checkLength(float[] table, String what) {
        if (table.length != v.length) {
            throw new IllegalArgumentException(what + " has " + table.length + " values, expected " + v.length);
        }
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
                    long key = SeedMixer.mix(seed ^ (epoch * 0x100000001B3L) ^ ((long) a << 20) ^ b);
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
        double posTotal = s.positive().total();
        long nPos = posTotal > 0 ? round(rho * posTotal, rnd) : 0;
        long[] nNeg = new long[s.sideRows().length];
        long negSum = 0;
        for (int side = 0; side < nNeg.length; side++) {
            nNeg[side] = s.negMass()[side] > 0 ? round(rho * negatives * s.negMass()[side], rnd) : 0;
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
        BlockSchedule.Task t = s.task();
        for (long e = 0; e < events; e++) {
            // Draw the kind of the next event without replacement: a uniformly shuffled interleaving.
            long left = leftPos + leftNeg0 + leftNeg1;
            long u = (long) (rnd.nextDouble() * left);
            if (u < leftPos) {
                leftPos--;
                double m = rnd.nextDouble() * posTotal;
                int r = s.positive().index(m);
                long from = t.start[r];
                long to = from + (t.cumulative[r + 1] - t.cumulative[r]);
                int i = t.rows[r];
                double before = from == store.rowStart(i) ? 0 : cum.getAtIndex(ValueLayout.JAVA_DOUBLE, from - 1);
                // the entry whose running sum first exceeds the draw (the last one if rounding puts it beyond)
                long k = BinarySearch.upperBound(cum, from, to - 1, before + (m - s.positive().before(r)));
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
                int i = s.sideRows()[side].draw(rnd);
                int j = blockNoise[s.sideBlockOther()[side]].draw(rnd);
                if (i == j) {
                    continue;
                }
                negLoss += step(i, j, 0f, lr);
                doneNeg++;
            }
        }
        return new double[] {posLoss, negLoss, donePos, doneNeg};
    }

    /** The loss of one event: log(1 + exp(-z)) if observed (y = 1), log(1 + exp(z)) if negative, z the logit. */
    double eventLoss(int i, int j, float y) {
        return step.loss(v, i * dim, c, j * dim, dim, y);
    }

    /**
     * One SGD step on the event (i, j) with label y ({@link SgnsStep}, the input's step applied to w_i at once):
     * w_i += g c_j and c_j += g w_i from the pre-update values (c = w when shared). Returns the event's loss before
     * the step. Needs i != j when shared.
     */
    double step(int i, int j, float y, float lr) {
        int io = i * dim;
        return step.apply(v, io, v, io, c, j * dim, dim, y, lr, true);
    }

    @Override
    public void close() {
        arena.close();
    }
}
