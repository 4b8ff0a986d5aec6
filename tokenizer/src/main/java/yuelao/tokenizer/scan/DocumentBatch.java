package yuelao.tokenizer.scan;

import java.util.Arrays;

/**
 * A reusable block of documents: their characters back to back in one array, with start and end offsets.
 * The reader fills it, one tokenizer thread consumes it, and it returns to the pool; nothing is allocated
 * per document.
 */
public final class DocumentBatch {
    final char[] chars;
    int length;
    int[] starts = new int[1024];
    int[] ends = new int[1024];
    int count;
    long firstDocumentIndex;

    DocumentBatch(int capacityChars) {
        this.chars = new char[capacityChars];
    }

    void clear() {
        length = 0;
        count = 0;
    }

    /** True if a document of {@code len} chars still fits. */
    boolean fits(int len) {
        return length + len <= chars.length;
    }

    void add(char[] src, int off, int len) {
        System.arraycopy(src, off, chars, length, len);
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = length;
        ends[count] = length + len;
        length += len;
        count++;
    }

    public int size() {
        return count;
    }

    public char[] chars() {
        return chars;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** Global index of the batch's first document, in corpus order (documents are numbered from 0). */
    public long firstDocumentIndex() {
        return firstDocumentIndex;
    }
}
