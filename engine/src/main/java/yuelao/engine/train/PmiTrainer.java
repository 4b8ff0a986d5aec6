package yuelao.engine.train;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import yuelao.engine.linalg.AdaGrad;
import yuelao.engine.linalg.Parallel;
import yuelao.engine.linalg.VectorOps;
import yuelao.engine.pmi.PmiView;
import yuelao.engine.sampling.CumulativeTable;
import yuelao.engine.sampling.FeistelPermutation;
import yuelao.engine.sampling.NoiseWeights;
import yuelao.engine.sampling.SeedMixer;
import yuelao.storage.counts.CountStore;

/**
 * The seed's model trained exactly as docs/method.md section 3 says ({@code --method pmi}):
 *
 * <pre>
 * L = sum over ordered (i, j), x_ij > 0, i != j, of lambda_ij (&lt;v_i, v_j&gt; - PMI_ij)^2
 * lambda = (x / x_max)^alpha, truncated to min(1, .) unless untruncated
 * per record: e = &lt;v_i, v_j&gt; - PMI_ij; g_i = lambda e v_j; g_j = lambda e v_i (both from pre-update values);
 *             G += g^2 (current step included, gradient not scaled by eta); v -= eta g / sqrt(G + 1e-8)
 * init v ~ Uniform(-0.5/d, 0.5/d), G = 1; non-finite updates skipped and counted
 * </pre>
 *
 * One shared vector table, no biases. Records are the store's CSR entries (both orders of each pair),
 * visited in a keyed pseudo-random order that changes each epoch ({@link FeistelPermutation}: no shuffled copy
 * is materialised). Parallelism is deterministic ({@link BlockSchedule}): the same seed gives byte-identical
 * vectors for any thread count. The weights (vectors and AdaGrad state) are shared arrays; per-task state
 * (loss sums) stays in the task. The step is {@link AdaGrad#pairStep}.
 * Settings: the dimension and seed of {@link TrainSettings} and everything of its {@link PmiSettings} but the
 * epochs and the start.
 */
public final class PmiTrainer implements AutoCloseable {
    private final CountStore store;
    private final int n;
    private final int dim;
    private final float eta;
    private final long seed;
    private final float[] v;
    private final float[] g;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment target; // PMI_ij per CSR entry
    private final MemorySegment weight; // lambda_ij per entry; negative = held out
    private final BlockSchedule schedule;
    private final long trainRecords;
    private final long heldOutRecords;
    private final int negatives;
    private final float negativeWeight;
    private final boolean positiveTargets;
    private final CumulativeTable[] blockNoise; // per block: n^0.75 of its words, for negative sampling (null without)
    private final int[] blockOf;

    /** Loss and error figures of one epoch or evaluation pass. */
    public record EpochStats(int epoch, double loss, long records, long skipped, double seconds) {
        public double recordsPerSecond() {
            return seconds > 0 ? records / seconds : 0;
        }
    }

    /** Weighted and unweighted RMSE on a set of records, beside the "predict 0" baseline (docs/method.md section 6). */
    public record Fit(double weightedRmse, double rmse, double weightedRmseZero, double rmseZero, long records) {}

    /** The value a record is fitted to, from the pair and its count x (PMI_ij in docs/method.md). */
    @FunctionalInterface
    public interface Target {
        double value(int i, int j, double x);
    }

    /**
     * The seed's model on the PMI of {@code pmi}'s store.
     *
     * @param blocks vocabulary blocks of the deterministic schedule ({@link BlockSchedule#BLOCKS} in production)
     */
    public PmiTrainer(PmiView pmi, TrainSettings settings, int blocks) {
        this(pmi.store().counts(), pmi::value, settings, blocks);
    }

    /**
     * Fits {@code targetValues} over the store's observed pairs (tests use synthetic targets, e.g. an exactly low-rank
     * matrix), from vectors at Uniform(-0.5/d, 0.5/d) drawn from the seed ({@link #restore(float[])} replaces them)
     * and accumulators at 1.
     *
     * <p>An extension of the seed's objective (off by default): with {@link PmiSettings#negatives()} m &gt; 0, after
     * each record (i, j), m negative words j' drawn with probability proportional to n^0.75 from j's block (so strata
     * stay conflict-free) are pulled towards their PPMI with i (0 when the pair was never seen), with weight {@link
     * PmiSettings#negativeWeight()}; and targets become PPMI with {@link PmiSettings#ppmiTargets()}. This constrains
     * the unobserved pairs the plain objective leaves free (docs/method.md section 6, "loss vs metric").
     *
     * @param settings the dimension and seed, and {@link TrainSettings#pmi()}: rate, weighting, held-out fraction
     *     and negatives
     */
    public PmiTrainer(CountStore counts, Target targetValues, TrainSettings settings, int blocks) {
        PmiSettings p = settings.pmi();
        this.store = counts;
        this.n = store.vocabSize();
        this.dim = settings.dim();
        this.eta = (float) p.lr();
        this.seed = settings.seed();
        double xMax = p.xMax();
        double alpha = p.alpha();
        double holdout = p.holdout();
        long nnz = store.nonZeros();
        this.target = arena.allocate(Math.max(4, nnz * 4), 8);
        this.weight = arena.allocate(Math.max(4, nnz * 4), 8);
        double scale = store.scale();
        long held = 0;
        long train = 0;
        for (int i = 0; i < n; i++) {
            for (long k = store.rowStart(i); k < store.rowEnd(i); k++) {
                int j = store.column(k);
                double x = store.units(k) / scale;
                double w = Math.pow(x / xMax, alpha);
                if (p.truncatedWeight()) {
                    w = Math.min(1.0, w);
                }
                target.setAtIndex(ValueLayout.JAVA_FLOAT, k, (float) targetValues.value(i, j, x));
                boolean out = i == j || (holdout > 0 && heldOut(i, j, holdout, seed));
                weight.setAtIndex(ValueLayout.JAVA_FLOAT, k, out ? -(float) w - Float.MIN_VALUE : (float) w);
                if (i != j) {
                    if (out) {
                        held++;
                    } else {
                        train++;
                    }
                }
            }
        }
        this.trainRecords = train;
        this.heldOutRecords = held;
        this.v = new float[n * dim];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) ((rnd.nextDouble() - 0.5) / dim); // Uniform(-0.5/d, 0.5/d)
        }
        this.g = new float[n * dim];
        java.util.Arrays.fill(g, 1f);
        this.schedule = new BlockSchedule(store, blocks);
        this.negatives = p.negatives();
        this.negativeWeight = (float) p.negativeWeight();
        this.positiveTargets = p.ppmiTargets();
        if (negatives > 0) {
            int nb = schedule.blocks();
            double[] noise = NoiseWeights.of(store, NoiseWeights.WORD2VEC_POWER);
            blockOf = new int[n];
            blockNoise = new CumulativeTable[nb];
            for (int b = 0; b < nb; b++) {
                blockNoise[b] = CumulativeTable.of(noise, schedule.blockStart(b), schedule.blockStart(b + 1));
                java.util.Arrays.fill(blockOf, schedule.blockStart(b), schedule.blockStart(b + 1), b);
            }
        } else {
            blockOf = null;
            blockNoise = null;
        }
    }

    /** Whether the unordered pair {i, j} is in the seeded held-out fraction (both orders agree). */
    static boolean heldOut(int i, int j, double fraction, long seed) {
        long a = Math.min(i, j);
        long b = Math.max(i, j);
        long h = SeedMixer.mix(seed * 0x9E3779B97F4A7C15L ^ SeedMixer.mix((a << 32) | b));
        return (h >>> 11) * 0x1.0p-53 < fraction;
    }

    public float[] vectors() {
        return v;
    }

    public float[] adagrad() {
        return g;
    }

    /** Replaces the vectors (a start such as the eig vectors; the accumulators keep their values): n x dim, copied. */
    public void restore(float[] vectors) {
        if (vectors.length != v.length) {
            throw new IllegalArgumentException("vector table has " + vectors.length + " values, expected " + v.length);
        }
        System.arraycopy(vectors, 0, v, 0, v.length);
    }

    /** Restores vectors and AdaGrad state (resuming from a checkpoint). */
    public void restore(float[] vectors, float[] accumulators) {
        restore(vectors);
        System.arraycopy(accumulators, 0, g, 0, g.length);
    }

    public long trainRecords() {
        return trainRecords;
    }

    public long heldOutRecords() {
        return heldOutRecords;
    }

    /** One epoch (epoch numbers start at 1; the visiting order is a function of the seed and the epoch). */
    public EpochStats epoch(int epoch, int threads) {
        long t0 = System.nanoTime();
        List<int[][]> rounds = schedule.rounds();
        int nr = rounds.size();
        FeistelPermutation roundOrder = new FeistelPermutation(nr, seed * 31 + epoch);
        double loss = 0;
        long records = 0;
        long skipped = 0;
        for (int r = 0; r < nr; r++) {
            int[][] tasks = rounds.get((int) roundOrder.apply(r));
            double[] taskLoss = new double[tasks.length];
            long[] taskRecords = new long[tasks.length];
            long[] taskSkipped = new long[tasks.length];
            int[] bounds = Parallel.even(tasks.length, tasks.length);
            Parallel.run(threads, bounds, (t, from, to) -> {
                for (int q = from; q < to; q++) {
                    BlockSchedule.Task task = schedule.task(tasks[q][0], tasks[q][1]);
                    long key = SeedMixer.mix(seed ^ (epoch * 0x100000001B3L) ^ ((long) task.a << 20) ^ task.b);
                    long[] out = runTask(task, key);
                    taskLoss[q] = Double.longBitsToDouble(out[0]);
                    taskRecords[q] = out[1];
                    taskSkipped[q] = out[2];
                }
            });
            for (int q = 0; q < tasks.length; q++) { // fixed order: deterministic sums
                loss += taskLoss[q];
                records += taskRecords[q];
                skipped += taskSkipped[q];
            }
        }
        return new EpochStats(epoch, records > 0 ? loss / records : 0, records, skipped, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs one task's records in its shuffled order; returns {loss bits, records, skipped}. */
    private long[] runTask(BlockSchedule.Task task, long key) {
        long count = task.records();
        if (count == 0) {
            return new long[] {Double.doubleToLongBits(0), 0, 0};
        }
        FeistelPermutation perm = new FeistelPermutation(count, key);
        SplittableRandom rnd = negatives > 0 ? new SplittableRandom(key) : null;
        double loss = 0;
        long done = 0;
        long skipped = 0;
        for (long t = 0; t < count; t++) {
            long idx = perm.apply(t);
            int ri = task.rowIndex(idx);
            long k = task.start[ri] + (idx - task.cumulative[ri]);
            float w = weight.getAtIndex(ValueLayout.JAVA_FLOAT, k);
            if (w < 0) {
                continue; // held out (or the diagonal)
            }
            int i = task.rows[ri];
            int j = store.column(k);
            float t0 = target.getAtIndex(ValueLayout.JAVA_FLOAT, k);
            float e = update(i, j, w, positiveTargets ? Math.max(0f, t0) : t0);
            for (int q = 0; q < negatives; q++) {
                int jn = blockNoise[blockOf[j]].draw(rnd);
                if (jn == i) {
                    continue;
                }
                long kn = store.find(i, jn);
                float tn = kn < 0 ? 0f : Math.max(0f, target.getAtIndex(ValueLayout.JAVA_FLOAT, kn));
                update(i, jn, negativeWeight, tn);
            }
            if (Float.isNaN(e)) {
                skipped++;
            } else {
                loss += 0.5 * w * e * e;
                done++;
            }
        }
        return new long[] {Double.doubleToLongBits(loss), done, skipped};
    }

    /**
     * One AdaGrad step on the record (i, j), i != j: e = &lt;v_i, v_j&gt; - pmi, then {@link AdaGrad#pairStep} with
     * g_i = w e v_j and g_j = w e v_i (from the pre-update values). Returns e, or NaN if the update was skipped (w e
     * not finite).
     */
    float update(int i, int j, float w, float pmi) {
        final int io = i * dim;
        final int jo = j * dim;
        float e = VectorOps.dot(v, io, v, jo, dim) - pmi;
        float le = w * e;
        if (!Float.isFinite(le)) {
            return Float.NaN;
        }
        AdaGrad.pairStep(eta, le, v, io, jo, g, dim);
        return e;
    }

    /** RMSE of <v_i, v_j> against PMI on the training records (heldOut false) or the held-out ones. */
    public Fit fit(boolean heldOut) {
        double sw = 0;
        double swe = 0;
        double se = 0;
        double swz = 0;
        double sz = 0;
        long cnt = 0;
        for (int i = 0; i < n; i++) {
            for (long k = store.rowStart(i); k < store.rowEnd(i); k++) {
                int j = store.column(k);
                if (i == j) {
                    continue;
                }
                float w = weight.getAtIndex(ValueLayout.JAVA_FLOAT, k);
                if ((w < 0) != heldOut) {
                    continue;
                }
                double lw = Math.abs(w);
                double t = target.getAtIndex(ValueLayout.JAVA_FLOAT, k);
                double e = VectorOps.dot(v, i * dim, v, j * dim, dim) - t;
                sw += lw;
                swe += lw * e * e;
                se += e * e;
                swz += lw * t * t;
                sz += t * t;
                cnt++;
            }
        }
        if (cnt == 0) {
            return new Fit(0, 0, 0, 0, 0);
        }
        return new Fit(Math.sqrt(swe / sw), Math.sqrt(se / cnt), Math.sqrt(swz / sw), Math.sqrt(sz / cnt), cnt);
    }

    @Override
    public void close() {
        arena.close();
    }
}
