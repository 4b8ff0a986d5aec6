package yuelao.tokenizer.scan;

/**
 * What a finished scan read.
 *
 * @param documents non-empty documents (lines, or chunks of over-long lines)
 * @param tokens tokens the handlers received: the analyzer's (after its own filtering), with each joined phrase counted once
 * @param rawBytes on-disk bytes read
 * @param decodedBytes bytes after gzip decompression
 * @param malformedSequences malformed UTF-8 sequences replaced by U+FFFD
 * @param firstMalformed "file:line" of the first malformed sequence, or null
 * @param overLongTokens tokens dropped for exceeding the maximum token length
 * @param splitLines over-long lines split at the maximum document length
 * @param skippedEmptyFiles empty files met inside directories (skipped)
 * @param elapsedNanos wall time
 * @param phrasesJoined phrases joined into one token (0 without a phrase table)
 */
public record ScanSummary(long documents, long tokens, long rawBytes, long decodedBytes, long malformedSequences,
        String firstMalformed, long overLongTokens, long splitLines, long skippedEmptyFiles, long elapsedNanos, long phrasesJoined) {

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    public double tokensPerSecond() {
        return elapsedNanos > 0 ? tokens / (elapsedNanos / 1e9) : 0;
    }
}
