package yuelao.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.input.InputSource;

/**
 * A split as the embedded scanner's input: one {@link InputSource#part part} of its file, so that the scanner's reader
 * decodes, splits over-long lines, replaces malformed UTF-8 and checks for binary data exactly as it does for the whole
 * file. Executor side.
 */
final class SplitInput {
    private static final int BUFFER = 1 << 16;

    private final Split split;
    private LineRangeStream range;

    SplitInput(Split split) {
        this.split = split;
    }

    /** The sources to scan (one). */
    List<InputSource> sources(Configuration conf) {
        String name = split.file().uri();
        return List.of(InputSource.part(name, split.start(), split.namedByUser(), () -> {
            try {
                return open(conf);
            } catch (IOException e) {
                throw new UncheckedIOException(new CorpusException(name, "cannot open: " + e.getMessage()));
            }
        }));
    }

    private InputStream open(Configuration conf) throws IOException {
        Path p = new Path(split.file().uri());
        FileSystem fs = p.getFileSystem(conf);
        FSDataInputStream in = fs.open(p, BUFFER);
        if (split.whole()) {
            return in; // read to its end; a compressed file is detected by the source, at offset 0
        }
        long from = Math.max(0, split.start() - 1);
        if (from > 0) {
            in.seek(from);
        }
        range = new LineRangeStream(new BufferedInputStream(in, BUFFER), split.start(), split.end());
        return range;
    }

    /**
     * Whether the split was a range that owned no line: the scanner counts it as an empty file skipped, which the
     * whole file was not.
     */
    boolean emptyRange() {
        return range != null && !range.producedAny();
    }
}
