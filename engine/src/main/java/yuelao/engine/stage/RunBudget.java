package yuelao.engine.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import yuelao.core.ByteSize;
import yuelao.core.MachineMemory;
import yuelao.core.Vocabulary;
import yuelao.engine.subword.SubwordFeatures;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.TrainSettings;

/**
 * The memory budget of {@code yuelao run} ({@code --memory}) and the pre-flight check of each stage against it.
 *
 * <p>The budget is the memory the whole run may use: the JVM heap plus the off-heap values of the eig step. By default
 * it is {@link #DEFAULT_SHARE_PERCENT}% of the machine's memory ({@link MachineMemory}: physical memory, or the memory
 * cgroup's limit when lower); the launcher gives {@code run} a heap of the same size (keep {@code RUN_SHARE_PERCENT} in
 * the {@code yuelao} script in step). Every stage sizes itself from it: the counting buffers are {@link
 * #countingBuffers a share of it}; the training stages' arrays follow from the vocabulary, the store's non-zeros and
 * the dimension, so before each long stage {@link #check} compares their arithmetic ({@link #counting}, {@link
 * #training}, {@link #subwords}; docs/architecture.md "Memory") with the budget and the free disk, and stops in one
 * line naming the number and the option to change. An {@link OutOfMemoryError} that still happens inside a stage
 * becomes one line naming the stage and the option to raise ({@link #guard}).
 */
public final class RunBudget {
    /** The default budget's share of the machine's memory, in percent: the rest is the JVM's own and the page cache's. */
    public static final int DEFAULT_SHARE_PERCENT = 70;

    /** Most bytes of counting buffers by default: more only lowers the number of spill runs, which merge in one pass anyway. */
    static final long COUNTING_CAP = 2L << 30;

    /** Arrays of F x dim floats the subword fit's conjugate gradients hold (yuelao.engine.subword.SubwordTrainer#fit). */
    static final int CG_ARRAYS = 4;

    private static final int FLOAT = Float.BYTES;
    private static final int DOUBLE = Double.BYTES;
    private static final int INT = Integer.BYTES;

    private final long bytes;
    private final boolean explicit;
    private final long heap;

    private RunBudget(long bytes, boolean explicit, long heap) {
        this.bytes = bytes;
        this.explicit = explicit;
        this.heap = heap;
    }

    /**
     * The budget {@code --memory} names, or (null) the default: the default share of the machine's memory, at most the
     * heap this JVM was given.
     *
     * @throws IllegalArgumentException if the named budget is below 1 MiB
     */
    public static RunBudget of(Long explicitBytes) {
        long heap = Runtime.getRuntime().maxMemory();
        if (explicitBytes == null) {
            return new RunBudget(Math.min(MachineMemory.bytes() / 100 * DEFAULT_SHARE_PERCENT, heap), false, heap);
        }
        if (explicitBytes < (1L << 20)) {
            throw new IllegalArgumentException("--memory must be at least 1m, got " + explicitBytes + " bytes");
        }
        return new RunBudget(explicitBytes, true, heap);
    }

    /** The budget in bytes. */
    public long bytes() {
        return bytes;
    }

    /** True when {@code --memory} named it. */
    public boolean explicit() {
        return explicit;
    }

    /** {@code --memory 5.6g} or {@code the default budget 5.6g (70% of the machine's memory)}, for messages. */
    public String describe() {
        return explicit ? "--memory " + ByteSize.format(bytes)
                : "the default --memory " + ByteSize.format(bytes) + " (" + DEFAULT_SHARE_PERCENT + "% of this machine's memory)";
    }

    /**
     * The counting buffers' share of the budget: a third of what the tokenizer pool leaves (the buffers, the last
     * buffer held while the spill runs are merged, and the vocabulary with everything else), at most {@link
     * #COUNTING_CAP}, at least 1 MiB and the 256 KiB per thread that counting needs.
     */
    public long countingBuffers(int threads, int maxDocumentChars) {
        long scanner = yuelao.tokenizer.scan.CorpusScanner.heapBytes(threads, maxDocumentChars);
        return Math.max(Math.max(1L << 20, threads * (256L << 10)), Math.min(COUNTING_CAP, (bytes - scanner) / 3));
    }

    /**
     * What a stage needs: heap and off-heap bytes at its peak, disk bytes it writes, and the arithmetic, for messages.
     *
     * @param offHeap bytes outside the heap (the eig step's values), counted in the budget but not in the heap
     */
    public record Estimate(String stage, long heap, long offHeap, long disk, String arithmetic) {
        public long memory() {
            return heap + offHeap;
        }
    }

    /** The counting stage: its buffers, the merge's last buffer (up to the scatter window) and the tokenizer pool. */
    public static Estimate counting(CountSettings cs, int threads, int maxDocumentChars) {
        long scanner = yuelao.tokenizer.scan.CorpusScanner.heapBytes(threads, maxDocumentChars);
        long heap = cs.memoryBytes() + CountingStage.scatterWindow(cs.memoryBytes()) + scanner;
        return new Estimate("count", heap, 0, 0, String.format(Locale.ROOT, "buffers %s + store writing %s + tokenizer pool %s",
                human(cs.memoryBytes()), human(CountingStage.scatterWindow(cs.memoryBytes())), human(scanner)));
    }

    /**
     * The word-level training stage over a store of {@code n} words and {@code nnz} stored entries. The closed forms
     * (and an eig start): the subspace iteration's two n x b blocks of doubles (b = dim + oversample), at its end one
     * n x dim block of doubles (the Ritz vectors, then the residual check's; M U goes into the free iteration block) and
     * the float result, and 3 doubles a word (balancing, marginals); off-heap, the matrix values, nnz floats. The iterative methods add two n x dim float tables (vectors and contexts) and their AdaGrad
     * state. Disk: the vectors, n x dim floats.
     */
    public static Estimate training(int n, long nnz, TrainSettings t) {
        int dim = t.dim();
        long b = Math.min(n, dim + t.closedForm().oversample());
        boolean factorizes = t.method().closedForm() || switch (t.method()) {
            case SGNS -> t.sgns().eigInit();
            case PMI -> t.pmi().eigInit();
            default -> false;
        };
        long heap = 0;
        long offHeap = 0;
        StringBuilder a = new StringBuilder();
        if (factorizes) {
            heap = (long) n * (2 * b * DOUBLE + (long) dim * DOUBLE + (long) dim * FLOAT + 3L * DOUBLE);
            offHeap = nnz * FLOAT;
            a.append(String.format(Locale.ROOT, "eig: %,d words x (2 x %d + %d doubles + %d floats) + %,d entries x 4 bytes off-heap", n, b,
                    dim, dim, nnz));
        }
        if (!t.method().closedForm()) {
            long iterative = 4L * n * dim * FLOAT;
            heap = Math.max(heap, iterative);
            a.append(a.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "training: 4 x %,d words x %d floats", n, dim));
        }
        return new Estimate("train", heap, offHeap, (long) n * dim * FLOAT, a.toString());
    }

    /**
     * The subword stage over the vocabulary {@code v}: F = words + used buckets features (the used buckets counted as
     * the fit will find them, by hashing every word's n-grams into a table of {@code --buckets} counters), T = the words'
     * feature lists' total length.
     *
     * <pre>
     * conjugate gradients   CG_ARRAYS x F x dim floats  z, r (b = A^T U computed into it), p, (A^T A + ridge) p
     * word rows             4 x words x dim floats      u, its reweighted (unit) copy, the fit's buffer, then the composed rows
     * feature lists         2 x T ints + F ints         the words' lists, the features' (transposed) lists, offsets
     * refinement            F x dim + words x dim       the closed-form copy and the contexts (with --subword-epochs only)
     * </pre>
     *
     * Disk: the composed vectors, the feature table and {@code vectors.txt} (about 10 bytes a value).
     */
    public static Estimate subwords(Vocabulary v, SubwordSettings s, SubwordFeatures.Scheme scheme, int dim) {
        int words = v.size();
        SubwordFeatures.Spec spec = new SubwordFeatures.Spec(s.minn(), s.maxn(), s.buckets(), scheme);
        int[] uses = new int[s.buckets()];
        long[] lists = {s.includeWord() ? words : 0};
        for (int w = 0; w < words; w++) {
            SubwordFeatures.forEachBucket(v.word(w), spec, b -> {
                uses[b]++;
                lists[0]++;
            });
        }
        long used = 0;
        for (int u : uses) {
            used += u >= Math.max(1, s.minCount()) ? 1 : 0;
        }
        long features = (s.includeWord() ? words : 0) + used;
        long cg = (long) CG_ARRAYS * features * dim * FLOAT;
        long rows = 4L * words * dim * FLOAT;
        long index = 2L * lists[0] * INT + features * INT + (long) s.buckets() * 2 * INT;
        long refine = s.refinementEpochs() > 0 ? (features + words) * dim * FLOAT : 0;
        long disk = (long) words * dim * FLOAT + features * dim * FLOAT + (long) words * dim * 10;
        return new Estimate("subwords", cg + rows + index + refine, 0, disk, String.format(Locale.ROOT,
                "%d x %,d features x %d floats + 4 x %,d words x %d floats + %,d feature ids%s", CG_ARRAYS, features, dim, words, dim,
                2 * lists[0] + features, refine > 0 ? " + the refinement's copies" : ""));
    }

    /**
     * Stops, before the stage starts, when its estimate exceeds the budget or this JVM's heap, or its files exceed
     * the free disk under {@code dir}: one line naming the numbers and the option to change.
     *
     * @throws BudgetException naming the stage, what it needs, and {@code --memory} or {@code YUELAO_HEAP} or the disk
     */
    public void check(Estimate e, Path dir, String lower) throws IOException {
        if (e.memory() > bytes) {
            throw new BudgetException(String.format(Locale.ROOT, "the %s stage needs about %s of memory (%s), more than %s: raise --memory to %s%s",
                    e.stage(), human(e.memory()), e.arithmetic(), describe(), ByteSize.format(roundUp(e.memory())), lower));
        }
        if (e.heap() > heap) {
            throw new BudgetException(String.format(Locale.ROOT,
                    "the %s stage needs about %s of heap (%s), this JVM has %s: raise YUELAO_HEAP to %s (the launcher sets it from --memory)%s",
                    e.stage(), human(e.heap()), e.arithmetic(), human(heap), ByteSize.format(roundUp(e.heap())), lower));
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && e.disk() > 0) {
            long free = Files.getFileStore(existing).getUsableSpace();
            if (e.disk() > free) {
                throw new BudgetException(String.format(Locale.ROOT, "the %s stage writes about %s to %s, only %s is free there: free some space or choose another --out",
                        e.stage(), human(e.disk()), dir, human(free)));
            }
        }
    }

    /** Runs a stage; an {@link OutOfMemoryError} inside it becomes one line naming the stage and the option to raise. */
    public <T> T guard(String stage, Callable<T> work) throws IOException {
        try {
            return work.call();
        } catch (OutOfMemoryError e) {
            throw new BudgetException(String.format(Locale.ROOT, "out of memory in the %s stage (%s, heap %s): raise --memory (the launcher's heap follows it) "
                    + "or YUELAO_HEAP; the finished stages are kept and a rerun continues from this one", stage, describe(),
                    human(heap)));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 76.2 MiB, 3.4 GiB: an estimate, for messages. */
    static String human(long bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    /** Up to the next 64 MiB: a figure a user can type. */
    private static long roundUp(long b) {
        long unit = 64L << 20;
        return (b + unit - 1) / unit * unit;
    }

    /** A stage that cannot run within the budget, the heap or the disk: the message is the one line the user sees. */
    public static final class BudgetException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public BudgetException(String message) {
            super(message);
        }
    }
}
