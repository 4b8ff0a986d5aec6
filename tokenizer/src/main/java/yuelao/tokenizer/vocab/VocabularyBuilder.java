package yuelao.tokenizer.vocab;

import yuelao.core.Vocabulary;
import java.io.IOException;
import java.util.List;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.ScanSummary;

/**
 * The vocabulary stage: counts every token type of a corpus on all tokenizer threads, then keeps the types
 * with count >= minCount (at most maxSize of them, 0 = no limit), ids by frequency rank. The result does
 * not depend on the thread count: per-thread counts are merged by term and summed.
 */
public final class VocabularyBuilder {
    private final CorpusScanner scanner;
    private long minCount = 5;
    private int maxSize;

    public VocabularyBuilder(CorpusScanner scanner) {
        this.scanner = scanner;
    }

    public VocabularyBuilder minCount(long minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("min count must be at least 1, got " + minCount);
        }
        this.minCount = minCount;
        return this;
    }

    public VocabularyBuilder maxSize(int maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("max vocabulary size must be >= 0 (0 = no limit), got " + maxSize);
        }
        this.maxSize = maxSize;
        return this;
    }

    /**
     * @throws CorpusException if the input holds no token at all, or no type reaches minCount
     */
    public Result build(List<InputSource> inputs) throws IOException {
        CorpusScanner.Result<TermCounter> r = scanner.scan(inputs, t -> new TermCounter());
        TermCounter all = TermCounter.merge(r.handlers());
        String what = inputs.size() == 1 ? inputs.get(0).name() : inputs.size() + " inputs";
        if (r.summary().tokens() == 0) {
            long dropped = r.summary().overLongTokens();
            throw new CorpusException(what, "no tokens found in the input" + (dropped > 0 ? " (" + dropped + " over-long token"
                    + (dropped > 1 ? "s" : "") + " dropped: no token may exceed the analyzer's maximum length)" : ""));
        }
        Vocabulary v = Vocabulary.select(all.entries(minCount), minCount, maxSize);
        if (v.size() == 0) {
            throw new CorpusException(what, "no word occurs at least " + minCount + " times (" + all.distinct()
                    + " distinct words); lower --min-count");
        }
        return new Result(v, all.distinct(), r.summary());
    }

    /**
     * @param vocabulary the kept words
     * @param distinctTypes distinct token types before the min-count and size cuts
     * @param scan what the scan read
     */
    public record Result(Vocabulary vocabulary, int distinctTypes, ScanSummary scan) {}
}
