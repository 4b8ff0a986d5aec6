package yuelao.tokenizer.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.input.CountingInputStream;
import yuelao.tokenizer.input.InputSource;

/**
 * Reads the corpus inputs in order and cuts them into documents: one line is one document (LF, with an
 * optional CR before it). UTF-8 is decoded here, by hand, so that every malformed sequence becomes one
 * U+FFFD (the same replacements as the JDK's own decoder), is counted, and the first one is located by file and line; the run never fails on it.
 *
 * <p><b>Maximum document length.</b> A line longer than {@code maxDocumentChars} UTF-16 units is split
 * into several documents of at most that length, at the last whitespace of the chunk when there is one
 * (else at the limit, never between the two halves of a surrogate pair). No co-occurrence window spans
 * two such chunks. Memory stays bounded whatever the line length.
 *
 * <p><b>Rejected inputs.</b> A NUL byte in the first 8 KiB of an input means binary data: the scan fails
 * with a one-line {@link CorpusException} naming the file. A file the user named explicitly that holds no
 * bytes fails the same way; an empty file found inside a directory is skipped and counted.
 *
 * <p>Not thread-safe: one reader thread.
 */
public final class DocumentReader {
    public static final int DEFAULT_MAX_DOCUMENT_CHARS = 1 << 20;
    static final int BINARY_PROBE_BYTES = 8192;
    private static final char REPLACEMENT = '\uFFFD';

    private final List<InputSource> inputs;
    private final int maxDocumentChars;
    private final CountingInputStream.Counter rawBytes = new CountingInputStream.Counter();

    private int inputIndex = -1;
    private InputStream in;
    private String inputName;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    private long inputBytes; // decoded-stream bytes seen in the current input
    private long line; // 1-based line number in the current input

    private final char[] doc;
    private int docLen;

    private long documents;
    private long decodedBytes;
    private long malformed;
    private String firstMalformed; // "file:line"
    private long splitLines;
    private long skippedEmptyFiles;

    public DocumentReader(List<InputSource> inputs, int maxDocumentChars) {
        if (maxDocumentChars < 16) {
            throw new IllegalArgumentException("max document length must be at least 16 chars");
        }
        this.inputs = inputs;
        this.maxDocumentChars = maxDocumentChars;
        this.doc = new char[maxDocumentChars + 1];
        this.carry = new char[maxDocumentChars + 1];
    }

    /**
     * Fills the batch with the next documents (at least one unless the corpus is exhausted).
     *
     * @return false when there are no more documents
     */
    public boolean fill(DocumentBatch batch) throws IOException {
        batch.clear();
        batch.firstDocumentIndex = documents;
        while (true) {
            if (in == null && !openNext()) {
                return batch.count > 0;
            }
            // Decode until the current document is complete or the batch cannot take it.
            int status = decodeDocument();
            if (status == END_OF_INPUT) {
                if (docLen > 0 && doc[docLen - 1] == '\r') {
                    docLen--;
                }
                if (docLen > 0) {
                    if (!emit(batch)) {
                        return true; // emitted on the next call; keep the input open until then
                    }
                }
                closeCurrent();
                continue;
            }
            if (!emit(batch)) {
                return true;
            }
        }
    }

    private static final int DOCUMENT = 0;
    private static final int END_OF_INPUT = 1;

    /** A document waiting for a batch with room: it stays in {@code doc} until emitted. */
    private boolean pending;

    /**
     * Moves the finished document into the batch. Returns false (and keeps it pending) if the batch is
     * full; an empty document is dropped.
     */
    private boolean emit(DocumentBatch batch) {
        if (docLen == 0) {
            pending = false;
            return true;
        }
        if (!batch.fits(docLen)) {
            pending = true;
            return false;
        }
        batch.add(doc, 0, docLen);
        documents++;
        pending = false;
        docLen = carryLen;
        if (carryLen > 0) {
            System.arraycopy(carry, 0, doc, 0, carryLen);
            carryLen = 0;
        }
        return true;
    }

    // Remainder of an over-long line after a split at whitespace; becomes the start of the next document.
    private final char[] carry;
    private int carryLen;

    /**
     * Decodes bytes into {@code doc} until a line ends, the document reaches the maximum length, or the input
     * ends.
     */
    private int decodeDocument() throws IOException {
        if (pending) {
            return DOCUMENT;
        }
        while (true) {
            if (bufPos >= bufLen && !refill()) {
                return END_OF_INPUT;
            }
            // Fast path: a run of ASCII bytes other than LF, copied without the per-byte checks below.
            int p = bufPos;
            int dl = docLen;
            int stop = Math.min(bufLen, p + (maxDocumentChars - dl));
            while (p < stop) {
                byte c = buf[p];
                if (c < 0 || c == '\n') {
                    break;
                }
                doc[dl++] = (char) c;
                p++;
            }
            bufPos = p;
            docLen = dl;
            if (docLen >= maxDocumentChars) {
                splitOverLong();
                return DOCUMENT;
            }
            if (bufPos >= bufLen) {
                continue;
            }
            // Need up to 4 bytes for one code point; top up when near the end of the buffer.
            if (bufLen - bufPos < 4 && buf[bufPos] < 0) {
                compactAndTopUp();
            }
            int b = buf[bufPos];
            if (b >= 0) {
                bufPos++;
                if (b == '\n') {
                    line++;
                    if (docLen > 0 && doc[docLen - 1] == '\r') {
                        docLen--;
                    }
                    return DOCUMENT;
                }
                doc[docLen++] = (char) b;
            } else {
                decodeMultiByte(b & 0xFF);
            }
            if (docLen >= maxDocumentChars) {
                splitOverLong();
                return DOCUMENT;
            }
        }
    }

    /** Decodes one non-ASCII sequence at bufPos (WHATWG "maximal subpart" replacement on error). */
    private void decodeMultiByte(int b0) {
        int avail = bufLen - bufPos;
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            cp = b0 & 0x0F;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            cp = b0 & 0x07;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            bufPos++;
            replacement();
            return;
        }
        int i = 1;
        for (; i <= need; i++) {
            if (i >= avail) {
                break;
            }
            int b = buf[bufPos + i] & 0xFF;
            if (b < lo || b > hi) {
                break;
            }
            lo = 0x80;
            hi = 0xBF;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (i <= need) {
            if (b0 == 0xED && i == 1 && avail > 1 && (buf[bufPos + 1] & 0xFF) >= 0xA0 && (buf[bufPos + 1] & 0xFF) <= 0xBF) {
                // An encoded surrogate (ED A0..BF xx): one replacement for the whole sequence, as the JDK does.
                i = (avail > 2 && (buf[bufPos + 2] & 0xC0) == 0x80) ? 3 : 2;
            }
            bufPos += i; // the lead byte and the valid continuation bytes seen so far
            replacement();
            return;
        }
        bufPos += need + 1;
        if (cp >= 0x10000) {
            doc[docLen++] = Character.highSurrogate(cp);
            doc[docLen++] = Character.lowSurrogate(cp);
        } else {
            doc[docLen++] = (char) cp;
        }
    }

    private void replacement() {
        doc[docLen++] = REPLACEMENT;
        malformed++;
        if (firstMalformed == null) {
            firstMalformed = inputName + ":" + line;
        }
    }

    /** Splits a full document at its last whitespace (or at the limit) and carries the rest over. */
    private void splitOverLong() {
        splitLines++;
        int cut = -1;
        for (int i = docLen - 1; i > docLen / 2; i--) {
            if (Character.isWhitespace(doc[i])) {
                cut = i;
                break;
            }
        }
        int restStart;
        if (cut < 0) {
            cut = docLen;
            if (Character.isHighSurrogate(doc[cut - 1])) {
                cut--;
            }
            restStart = cut;
        } else {
            restStart = cut + 1;
        }
        carryLen = docLen - restStart;
        System.arraycopy(doc, restStart, carry, 0, carryLen);
        docLen = cut;
    }

    private boolean refill() throws IOException {
        bufPos = 0;
        bufLen = 0;
        int n = readFully(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        bufLen = n;
        return true;
    }

    private void compactAndTopUp() throws IOException {
        int rest = bufLen - bufPos;
        System.arraycopy(buf, bufPos, buf, 0, rest);
        bufPos = 0;
        bufLen = rest;
        int n = readFully(buf, rest, buf.length - rest);
        if (n > 0) {
            bufLen += n;
        }
    }

    private int readFully(byte[] b, int off, int len) throws IOException {
        int total = 0;
        try {
            while (total < len) {
                int n = in.read(b, off + total, len - total);
                if (n < 0) {
                    break;
                }
                total += n;
                if (total >= 4096) {
                    break;
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new CorpusException(inputName, "corrupt gzip data (" + e.getMessage() + ")");
        }
        if (total > 0 && inputBytes < BINARY_PROBE_BYTES) {
            int probeEnd = (int) Math.min(total, BINARY_PROBE_BYTES - inputBytes);
            for (int i = 0; i < probeEnd; i++) {
                if (b[off + i] == 0) {
                    throw new CorpusException(inputName,
                            "binary input (NUL byte at offset " + (inputBytes + i) + "); expected UTF-8 text");
                }
            }
        }
        inputBytes += total;
        decodedBytes += total;
        return total == 0 ? -1 : total;
    }

    private boolean openNext() throws IOException {
        while (++inputIndex < inputs.size()) {
            InputSource src = inputs.get(inputIndex);
            inputName = src.name();
            in = src.open(rawBytes);
            inputBytes = src.offset(); // the binary probe looks at the file's first bytes, also when read in parts
            line = 1;
            bufPos = bufLen = 0;
            if (!refill()) {
                in.close();
                in = null;
                if (src.namedByUser()) {
                    throw new CorpusException(inputName, "empty input (no bytes)");
                }
                skippedEmptyFiles++;
                continue;
            }
            return true;
        }
        return false;
    }

    private void closeCurrent() throws IOException {
        if (in != null && inputIndex < inputs.size() && !inputs.get(inputIndex).isStdin()) {
            in.close();
        }
        in = null;
    }

    /** Closes the current input, if any. */
    public void close() throws IOException {
        closeCurrent();
    }

    /** Raw (on-disk, possibly compressed) bytes read so far; safe to read from another thread. */
    public long rawBytesRead() {
        return rawBytes.get();
    }

    /** Total on-disk size of the inputs, or -1 if unknown (standard input among them). */
    public long totalRawBytes() {
        long total = 0;
        for (InputSource s : inputs) {
            long n = s.size();
            if (n < 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    public long documents() {
        return documents;
    }

    public long decodedBytes() {
        return decodedBytes;
    }

    public long malformedSequences() {
        return malformed;
    }

    /** "file:line" of the first malformed UTF-8 sequence, or null. */
    public String firstMalformedLocation() {
        return firstMalformed;
    }

    /** Number of times an over-long line was split. */
    public long splitLines() {
        return splitLines;
    }

    public long skippedEmptyFiles() {
        return skippedEmptyFiles;
    }

    public int maxDocumentChars() {
        return maxDocumentChars;
    }
}
