package yuelao.storage.counts;

import java.nio.file.Path;

/** A sorted run held in two primitive arrays (keys strictly increasing). Immutable once built. */
public final class MemoryRun implements RunSource {
    private final long[] keys;
    private final long[] units;
    private final int length;

    /** Wraps (does not copy) the first {@code length} entries; the caller guarantees strictly increasing keys. */
    public MemoryRun(long[] keys, long[] units, int length) {
        if (length < 0 || length > keys.length || length > units.length) {
            throw new IllegalArgumentException("bad run length " + length);
        }
        this.keys = keys;
        this.units = units;
        this.length = length;
    }

    @Override
    public RunCursor open() {
        return new RunCursor() {
            private int i = -1;

            @Override
            public boolean next() {
                return ++i < length;
            }

            @Override
            public long key() {
                return keys[i];
            }

            @Override
            public long units() {
                return units[i];
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public long records() {
        return length;
    }

    public long key(int i) {
        return keys[i];
    }

    public long units(int i) {
        return units[i];
    }

    @Override
    public Path file() {
        return null;
    }

    @Override
    public void delete() {}
}
