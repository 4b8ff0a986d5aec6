package yuelao.storage.counts;

import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.objects.ObjectIterator;

/**
 * One counting thread's in-memory co-occurrence sums: packed pair ({@link PairKey}) to units, in a fastutil
 * {@link Long2LongOpenHashMap} (open addressing, no per-entry objects).
 *
 * <p><b>Memory bound.</b> A table of {@code n} slots (a power of two) holds two {@code long[n+1]} arrays:
 * {@code 16(n+1)} bytes, and at most {@code maxFill(n) = ceil(0.75 n)} entries. Draining copies those entries
 * into two {@code long[]} arrays, {@code 16 maxFill(n)} more; so a table of {@code n} slots needs
 * {@link #peakBytes(int) peakBytes(n)} = {@code 16(n+1) + 16 maxFill(n)} (about 28 n) bytes. Growing from
 * {@code n} to {@code 2n} (fastutil's rehash, triggered by the insert after {@code maxFill}) transiently holds
 * {@code 16(n+1) + 16(2n+1)} (about 48 n) bytes, less than {@code peakBytes(2n)} (about 56 n). The buffer starts
 * at {@value #INITIAL_SLOTS} slots (fewer if the budget is smaller, never below {@value #MIN_SLOTS}) and lets
 * the table double only while {@code peakBytes(2n) <= budget}; once the next insert would need a rehash beyond
 * that, {@link #isFull()} is true and the owner must spill. Hence memory never exceeds the budget (except the
 * {@value #MIN_SLOTS}-slot floor), and small corpora do not pay for a large budget up front.
 *
 * <p>The table's slot count is mirrored from fastutil's own policy ({@code HashCommon.arraySize},
 * {@code HashCommon.maxFill}, rehash when an insert finds {@code size >= maxFill}); fastutil never exposes it.
 * Owned by one thread.
 */
public final class PairCountBuffer {
    static final float LOAD_FACTOR = 0.75f;
    static final int INITIAL_SLOTS = 1 << 14;
    static final int MIN_SLOTS = 1 << 4;
    private static final int MAX_SLOTS = 1 << 30;

    private final long budgetBytes;
    private Long2LongOpenHashMap map;
    private int slots;
    private int maxFill;
    private boolean canGrow;

    /** A buffer that never holds more than {@code budgetBytes} (see the class comment for the formula). */
    public PairCountBuffer(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
        int n = INITIAL_SLOTS;
        while (n > MIN_SLOTS && peakBytes(n) > budgetBytes) {
            n >>>= 1;
        }
        // fastutil sizes the table as arraySize(expected, f); maxFill(n) expected entries give exactly n slots.
        this.map = new Long2LongOpenHashMap(HashCommon.maxFill(n, LOAD_FACTOR), LOAD_FACTOR);
        setSlots(n);
    }

    /** Bytes needed by a table of {@code n} slots, including draining it (class comment). */
    public static long peakBytes(int slots) {
        return 16L * (slots + 1) + 16L * HashCommon.maxFill(slots, LOAD_FACTOR);
    }

    private void setSlots(int n) {
        slots = n;
        maxFill = HashCommon.maxFill(n, LOAD_FACTOR);
        canGrow = n < MAX_SLOTS && peakBytes(2 * n) <= budgetBytes;
    }

    /** Adds {@code units > 0} to the pair {@code key}. Must not be called while {@link #isFull()}. */
    public void add(long key, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        int before = map.size();
        if (before >= maxFill) {
            if (!canGrow) {
                throw new IllegalStateException("pair buffer is full: spill it before adding");
            }
            map.addTo(key, units);
            if (map.size() > before) { // fastutil rehashed: same formula as its addTo
                setSlots(HashCommon.arraySize(map.size() + 1, LOAD_FACTOR));
            }
            return;
        }
        map.addTo(key, units);
    }

    /** Adds {@code units} to the unordered pair {x, y}. */
    public void add(int x, int y, long units) {
        add(PairKey.unordered(x, y), units);
    }

    /** True when the next new pair would grow the table beyond the budget: spill now. */
    public boolean isFull() {
        return map.size() >= maxFill && !canGrow;
    }

    /** Distinct pairs held. */
    public int size() {
        return map.size();
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** Current table bytes, {@code 16(n+1)}. */
    public long memoryBytes() {
        return 16L * (slots + 1);
    }

    /** {@link #peakBytes(int)} of the current table: what this buffer may use, always within the budget. */
    public long peakBytes() {
        return peakBytes(slots);
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** Current slot count (tests and statistics). */
    int slots() {
        return slots;
    }

    /**
     * Moves the contents into a run sorted by key and empties the buffer (its table is kept for reuse).
     * Radix sort on primitive arrays: nothing boxed.
     */
    public MemoryRun drainSorted() {
        int n = map.size();
        long[] keys = new long[n];
        long[] units = new long[n];
        int i = 0;
        for (ObjectIterator<Long2LongMap.Entry> it = map.long2LongEntrySet().fastIterator(); it.hasNext(); i++) {
            Long2LongMap.Entry e = it.next();
            keys[i] = e.getLongKey();
            units[i] = e.getLongValue();
        }
        map.clear();
        LongArrays.radixSort(keys, units);
        return new MemoryRun(keys, units, n);
    }

    /** Drops the table (after the final drain): the buffer must not be used again. */
    void release() {
        map = new Long2LongOpenHashMap(0, LOAD_FACTOR);
        maxFill = 0;
        canGrow = false;
    }
}
