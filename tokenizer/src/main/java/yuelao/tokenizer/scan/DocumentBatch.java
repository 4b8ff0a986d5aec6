package yuelao.tokenizer.scan;

import java.util.Arrays;

/**
 * A reusable block of documents: their characters in one array, each followed by a line feed (so that the
 * whole block also reads as the lines it came from), with start and end offsets that exclude it.
 * The reader fills it, one tokenizer thread consumes it, and it returns to the pool; nothing is allocated
 * per document.
 */
public final class DocumentBatch {
    final char[] chars;
    int length;
    int[] starts = new int[1024];
    int[] ends = new int[1024];
    boolean[] ascii = new boolean[1024];
    int count;
    long firstDocumentIndex;

    DocumentBatch(int capacityChars) {
        this.chars = new char[capacityChars];
    }

    void clear() {
        length = 0;
        count = 0;
    }

    /** True if a document of {@code len} chars (and its line feed) still fits. */
    boolean fits(int len) {
        return length + len + 1 <= chars.length;
    }

    void add(char[] src, int off, int len) {
        System.arraycopy(src, off, chars, length, len);
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            ascii = Arrays.copyOf(ascii, count * 2);
        }
        // on the reader thread, which has slack: checked in the tokenizer threads instead, the vocabulary pass
        // measured 1.60-1.65 s against 1.36 s (benchmarks/RESULTS.md section 1)
        ascii[count] = AsciiFastPath.isAscii(src, off, off + len);
        starts[count] = length;
        ends[count] = length + len;
        chars[length + len] = '\n';
        length += len + 1;
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

    /** True if every char of document i is ASCII. */
    public boolean ascii(int i) {
        return ascii[i];
    }

    /** Characters in use: the documents and their line feeds. */
    public int length() {
        return length;
    }

    /** Global index of the batch's first document, in corpus order (documents are numbered from 0). */
    public long firstDocumentIndex() {
        return firstDocumentIndex;
    }
}
