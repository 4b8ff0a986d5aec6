package yuelao.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import scala.Tuple2;
import yuelao.storage.counts.PairKey;
import yuelao.storage.counts.PairSink;

/**
 * Cuts a split's merged pair stream (strictly increasing keys) into shuffle records: one {@link PairBlock} per row
 * block, or several of at most {@code chunkRecords} records for a large one, keyed by the block's index.
 */
final class BlockCutter implements PairSink {
    private final RowBlocks blocks;
    private final int chunkRecords;
    private final PairBlock.Encoder encoder = new PairBlock.Encoder();
    private final List<Tuple2<Integer, PairBlock>> out = new ArrayList<>();
    private int block;
    private int blockEnd;
    private long bytes;

    BlockCutter(RowBlocks blocks, int chunkRecords) {
        this.blocks = blocks;
        this.chunkRecords = chunkRecords;
        this.blockEnd = blocks.firstRow(1);
    }

    @Override
    public void accept(long key, long units) throws IOException {
        int a = PairKey.first(key);
        if (a >= blockEnd) {
            flush();
            while (a >= blockEnd) {
                block++;
                blockEnd = blocks.firstRow(block + 1);
            }
        }
        encoder.append(key, units);
        if (encoder.records() >= chunkRecords) {
            flush();
        }
    }

    private void flush() throws IOException {
        PairBlock b = encoder.finish();
        if (b != null) {
            out.add(new Tuple2<>(block, b));
            bytes += b.bytes();
        }
    }

    /** The records, after the last pair. */
    List<Tuple2<Integer, PairBlock>> finish() throws IOException {
        flush();
        return out;
    }

    /** Encoded bytes of the records made. */
    long bytes() {
        return bytes;
    }
}
