package yuelao.spark;

import java.io.Serializable;

/**
 * A byte range {@code [start, end)} of one corpus file, the input of one task. The split owns the lines that start in
 * its range (a line starts at offset 0 or right after a line feed), read to their end even past {@code end}; so the
 * splits of a file, in order, hold its lines in order, each exactly once. A compressed file is one split, read whole.
 *
 * @param index the split's place in corpus order (files in {@link CorpusFiles} order, then by offset)
 */
record Split(int index, CorpusFile file, long start, long end) implements Serializable {
    /** Whether an empty split is an error: only the first split of a file the user named. */
    boolean namedByUser() {
        return start == 0 && file.namedByUser();
    }

    /** Whether the split is the whole file, read without cutting (compressed files, and files in one piece). */
    boolean whole() {
        return start == 0 && end >= file.length();
    }
}
