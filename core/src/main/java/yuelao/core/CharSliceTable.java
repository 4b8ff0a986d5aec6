package yuelao.core;

import java.util.Arrays;

/**
 * Open-addressing hash table from character slices to dense int slots, in the spirit of Lucene's
 * {@code CharArrayMap} but allocation-free per look-up and per insert: the characters of every key live
 * in one growable {@code char[]} pool, so looking up a token's term buffer never creates a String.
 *
 * <p>Layout for few cache misses per look-up: each table cell is one {@code long} holding the key's hash
 * (high 32 bits) and its slot + 1 (low 32 bits, 0 = empty), so most mismatches are rejected without
 * leaving the table; each slot's pool position and length share one {@code long}. Slots are numbered
 * 0..size()-1 in insertion order. Not thread-safe; readers of a table that is no longer modified may
 * share it.
 */
public final class CharSliceTable {
    private char[] pool = new char[1 << 12];
    private int poolSize;
    private long[] keyRef; // (start << 32) | length
    private int size;
    private long[] table; // (hash << 32) | (slot + 1), 0 = empty
    private int mask;

    public CharSliceTable() {
        this(64);
    }

    public CharSliceTable(int expectedSize) {
        int cap = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
        table = new long[cap];
        mask = cap - 1;
        keyRef = new long[Math.max(16, expectedSize)];
    }

    /**
     * A fixed, platform-independent hash of UTF-16 code units: a polynomial over pairs of chars, then the
     * murmur3 finaliser (so that the low bits used for the table position are well mixed).
     */
    public static int hash(char[] buf, int off, int len) {
        int h = len;
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            h = h * 0x5BD1E995 + ((buf[i] << 16) | buf[i + 1]);
        }
        if (i < end) {
            h = h * 0x5BD1E995 + buf[i];
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
            long e = table[pos];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == h) {
                int slot = (int) e - 1;
                if (equalsKey(slot, buf, off, len)) {
                    return slot;
                }
            }
            pos = (pos + 1) & mask;
        }
    }

    /** Slot of the key, inserting it (with the next slot number) if absent. */
    public int add(char[] buf, int off, int len) {
        int h = hash(buf, off, len);
        int pos = h & mask;
        while (true) {
            long e = table[pos];
            if (e == 0) {
                break;
            }
            if ((int) (e >>> 32) == h) {
                int slot = (int) e - 1;
                if (equalsKey(slot, buf, off, len)) {
                    return slot;
                }
            }
            pos = (pos + 1) & mask;
        }
        int slot = size++;
        if (slot == keyRef.length) {
            keyRef = Arrays.copyOf(keyRef, keyRef.length * 2);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(buf, off, pool, poolSize, len);
        keyRef[slot] = ((long) poolSize << 32) | len;
        poolSize += len;
        table[pos] = ((long) h << 32) | (slot + 1L);
        if (size * 2 > table.length) {
            rehash();
        }
        return slot;
    }

    /** Slot of {@code other}'s key at {@code slot} in this table, inserting it if absent; no String is made. */
    public int addFrom(CharSliceTable other, int slot) {
        long ref = other.keyRef[slot];
        return add(other.pool, (int) (ref >>> 32), (int) ref);
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
        long ref = keyRef[slot];
        return new String(pool, (int) (ref >>> 32), (int) ref);
    }

    private boolean equalsKey(int slot, char[] buf, int off, int len) {
        long ref = keyRef[slot];
        if ((int) ref != len) {
            return false;
        }
        int start = (int) (ref >>> 32);
        if (len <= 16) {
            // Short keys (most words): a plain loop beats the range-checked bulk compare.
            for (int i = 0; i < len; i++) {
                if (pool[start + i] != buf[off + i]) {
                    return false;
                }
            }
            return true;
        }
        return Arrays.equals(pool, start, start + len, buf, off, off + len);
    }

    private void rehash() {
        int cap = table.length * 2;
        long[] t = new long[cap];
        int m = cap - 1;
        for (long e : table) {
            if (e != 0) {
                int pos = (int) (e >>> 32) & m;
                while (t[pos] != 0) {
                    pos = (pos + 1) & m;
                }
                t[pos] = e;
            }
        }
        table = t;
        mask = m;
    }

    /** Approximate heap footprint in bytes. */
    public long memoryBytes() {
        return 2L * pool.length + 8L * keyRef.length + 8L * table.length;
    }
}
