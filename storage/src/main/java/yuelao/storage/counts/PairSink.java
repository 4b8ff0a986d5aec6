package yuelao.storage.counts;

import java.io.IOException;

/** Receives (packed pair, units) records, in strictly increasing key order unless stated otherwise. */
@FunctionalInterface
public interface PairSink {
    void accept(long key, long units) throws IOException;
}
