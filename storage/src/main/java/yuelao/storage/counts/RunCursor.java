package yuelao.storage.counts;

import java.io.Closeable;
import java.io.IOException;

/**
 * Forward iteration over a sorted run of (packed pair, units) records with strictly increasing keys.
 * Usage: {@code while (c.next()) { use(c.key(), c.units()); }}. {@code key()}/{@code units()} are undefined
 * before the first {@code next()} and after it returned false.
 */
public interface RunCursor extends Closeable {
    /** Moves to the next record; false at the end. */
    boolean next() throws IOException;

    long key();

    long units();

    @Override
    void close() throws IOException;
}
