package yuelao.tokenizer.vocab;

import java.util.Arrays;

/**
 * Open-addressing hash table from character slices to dense int slots, in the spirit of Lucene's
 * {@code CharArrayMap} but allocation-free per look-up and per insert: the characters of every key live
 * in one growable {@code char[]} pool, so looking up a token's term buffer never creates a String.
 *
 * <p>Slots are numbered 0..size()-1 in insertion order. Not thread-safe; readers of a table that is no
 * longer modified may share it.
 */
public final class CharSliceTable {
    private static final int EMPTY = -1;

    private char[] pool = new char[1 << 12];
    private int poolSize;
    private int[] keyStart = new int[64];
    private int[] keyLength = new int[64];
    private int[] keyHash = new int[64];
    private int size;
    private int[] table; // slot index or EMPTY
    private int mask;

    public CharSliceTable() {
        this(64);
    }

    public CharSliceTable(int expectedSize) {
        int cap = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
        table = new int[cap];
        Arrays.fill(table, EMPTY);
        mask = cap - 1;
        keyStart = new int[Math.max(16, expectedSize)];
        keyLength = new int[keyStart.length];
        keyHash = new int[keyStart.length];
    }

    /** FNV-1a over UTF-16 code units, then a murmur finaliser: fixed, platform-independent. */
    public static int hash(char[] buf, int off, int len) {
        int h = 0x811C9DC5;
        for (int i = off, end = off + len; i < end; i++) {
            h = (h ^ buf[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** Number of distinct keys. */
    public int size() {
        return size;
    }

    /** Slot of the key, or -1 if absent. */
    public int find(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int pos = h & mask;
        while (true) {
            int slot = table[pos];
            if (slot == EMPTY) {
                return -1;
            }
            if (keyHash[slot] == h && equalsKey(slot, buf, off, len)) {
                return slot;
            }
            pos = (pos + 1) & mask;
        }
    }

    /** Slot of the key, inserting it (with the next slot number) if absent. */
    public int add(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int pos = h & mask;
        while (true) {
            int slot = table[pos];
            if (slot == EMPTY) {
                break;
            }
            if (keyHash[slot] == h && equalsKey(slot, buf, off, len)) {
                return slot;
            }
            pos = (pos + 1) & mask;
        }
        int slot = size++;
        if (slot == keyStart.length) {
            int n = keyStart.length * 2;
            keyStart = Arrays.copyOf(keyStart, n);
            keyLength = Arrays.copyOf(keyLength, n);
            keyHash = Arrays.copyOf(keyHash, n);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(buf, off, pool, poolSize, len);
        keyStart[slot] = poolSize;
        keyLength[slot] = len;
        keyHash[slot] = h;
        poolSize += len;
        table[pos] = slot;
        if (size * 2 > table.length) {
            rehash();
        }
        return slot;
    }

    public int add(String key) {
        char[] c = key.toCharArray();
        return add(c, 0, c.length);
    }

    public int find(CharSequence key) {
        char[] c = key.toString().toCharArray();
        return find(c, 0, c.length);
    }

    /** The key of a slot, as a new String (for reporting and persisting, not for hot paths). */
    public String key(int slot) {
        return new String(pool, keyStart[slot], keyLength[slot]);
    }

    private boolean equalsKey(int slot, char[] buf, int off, int len) {
        if (keyLength[slot] != len) {
            return false;
        }
        return Arrays.equals(pool, keyStart[slot], keyStart[slot] + len, buf, off, off + len);
    }

    private void rehash() {
        int cap = table.length * 2;
        int[] t = new int[cap];
        Arrays.fill(t, EMPTY);
        int m = cap - 1;
        for (int s = 0; s < size; s++) {
            int pos = keyHash[s] & m;
            while (t[pos] != EMPTY) {
                pos = (pos + 1) & m;
            }
            t[pos] = s;
        }
        table = t;
        mask = m;
    }

    /** Approximate heap footprint in bytes. */
    public long memoryBytes() {
        return 2L * pool.length + 12L * keyStart.length + 4L * table.length;
    }
}
