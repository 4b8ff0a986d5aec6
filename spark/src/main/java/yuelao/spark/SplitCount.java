package yuelao.spark;

import java.io.Serializable;

/**
 * What pass 2 did on one split (or, with {@code split < 0}, one reducer): reported through an accumulator and kept once
 * per split by the driver, since a split counted again after a lost executor reports the same figures again.
 */
record SplitCount(int split, long tokens, long pairEvents, int runsSpilled, long bytesSpilled, int maxOpenRunFiles,
        long shuffleRecords, long shuffleBytes) implements Serializable {}
