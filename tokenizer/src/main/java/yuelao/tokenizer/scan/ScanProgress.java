package yuelao.tokenizer.scan;

/**
 * A snapshot of a running scan, for progress display.
 *
 * @param rawBytesRead on-disk bytes consumed so far
 * @param totalRawBytes on-disk size of all inputs, or -1 if unknown (standard input)
 * @param tokens tokens produced so far
 * @param documents documents read so far
 * @param elapsedNanos time since the scan started
 */
public record ScanProgress(long rawBytesRead, long totalRawBytes, long tokens, long documents, long elapsedNanos) {
    /** Fraction done in [0, 1], or -1 if unknown. */
    public double fraction() {
        return totalRawBytes > 0 ? Math.min(1.0, (double) rawBytesRead / totalRawBytes) : -1;
    }
}
