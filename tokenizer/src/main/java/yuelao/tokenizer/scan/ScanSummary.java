package yuelao.tokenizer.scan;

/**
 * What a finished scan read.
 *
 * @param documents non-empty documents (lines, or chunks of over-long lines)
 * @param tokens tokens the analyzer produced (after its own filtering)
 * @param rawBytes on-disk bytes read
 * @param decodedBytes bytes after gzip decompression
 * @param malformedSequences malformed UTF-8 sequences replaced by U+FFFD
 * @param firstMalformed "file:line" of the first malformed sequence, or null
 * @param overLongTokens tokens dropped for exceeding the maximum token length
 * @param splitLines over-long lines split at the maximum document length
 * @param skippedEmptyFiles empty files met inside directories (skipped)
 * @param elapsedNanos wall time
 */
public record ScanSummary(long documents, long tokens, long rawBytes, long decodedBytes, long malformedSequences,
        String firstMalformed, long overLongTokens, long splitLines, long skippedEmptyFiles, long elapsedNanos) {

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    public double tokensPerSecond() {
        return elapsedNanos > 0 ? tokens / (elapsedNanos / 1e9) : 0;
    }
}
