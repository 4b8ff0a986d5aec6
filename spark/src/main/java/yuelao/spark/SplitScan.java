package yuelao.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;
import yuelao.core.Vocabulary;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.ScanSummary;
import yuelao.tokenizer.vocab.TermCounter;

/**
 * Pass 1 over one split (executor side): the embedded scanner and term counter, one tokenizer thread. Holds what the
 * scan read, the split's term counts, or the one-line message of an input the user must fix (returned as a value, not
 * thrown, so that Spark does not retry a task that can only fail again).
 */
final class SplitScan implements Serializable {
    private static final long serialVersionUID = 1L;

    final int split;
    final long documents;
    final long tokens;
    final long rawBytes;
    final long decodedBytes;
    final long malformed;
    final String firstMalformed;
    final long overLongTokens;
    final long splitLines;
    final long skippedEmptyFiles;
    final String failure;
    private final String[] terms;
    private final long[] counts;

    private SplitScan(int split, ScanSummary s, long skippedEmpty, String failure, String[] terms, long[] counts) {
        this.split = split;
        this.documents = s == null ? 0 : s.documents();
        this.tokens = s == null ? 0 : s.tokens();
        this.rawBytes = s == null ? 0 : s.rawBytes();
        this.decodedBytes = s == null ? 0 : s.decodedBytes();
        this.malformed = s == null ? 0 : s.malformedSequences();
        this.firstMalformed = s == null ? null : s.firstMalformed();
        this.overLongTokens = s == null ? 0 : s.overLongTokens();
        this.splitLines = s == null ? 0 : s.splitLines();
        this.skippedEmptyFiles = skippedEmpty;
        this.failure = failure;
        this.terms = terms;
        this.counts = counts;
    }

    /** Tokenizes the split and counts its terms. */
    static SplitScan run(Split split, TaskSettings settings, HadoopConf conf) {
        SplitInput input = new SplitInput(split);
        try {
            CorpusScanner.Result<TermCounter> r = new CorpusScanner(settings.analyzerSpec(), 1, settings.maxDocumentChars())
                    .scan(input.sources(conf.get()), t -> new TermCounter());
            TermCounter c = r.handlers().get(0);
            List<Vocabulary.Entry> entries = c.entries();
            String[] terms = new String[entries.size()];
            long[] counts = new long[entries.size()];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = entries.get(i).word();
                counts[i] = entries.get(i).count();
            }
            ScanSummary s = r.summary();
            long skipped = s.skippedEmptyFiles() - (input.emptyRange() ? 1 : 0);
            if (s.firstMalformed() != null && !split.whole()) { // the reader counts lines from the part's start
                s = new ScanSummary(s.documents(), s.tokens(), s.rawBytes(), s.decodedBytes(), s.malformedSequences(),
                        split.file().uri() + " (a line of the part from byte " + split.start() + ")", s.overLongTokens(), s.splitLines(),
                        s.skippedEmptyFiles(), s.elapsedNanos(), s.phrasesJoined());
            }
            return new SplitScan(split.index(), s, skipped, null, terms, counts);
        } catch (CorpusException e) {
            return new SplitScan(split.index(), null, 0, e.getMessage(), new String[0], new long[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same without the terms (what the driver collects). */
    SplitScan summary() {
        return new SplitScan(this, new String[0], new long[0]);
    }

    private SplitScan(SplitScan s, String[] terms, long[] counts) {
        this.split = s.split;
        this.documents = s.documents;
        this.tokens = s.tokens;
        this.rawBytes = s.rawBytes;
        this.decodedBytes = s.decodedBytes;
        this.malformed = s.malformed;
        this.firstMalformed = s.firstMalformed;
        this.overLongTokens = s.overLongTokens;
        this.splitLines = s.splitLines;
        this.skippedEmptyFiles = s.skippedEmptyFiles;
        this.failure = s.failure;
        this.terms = terms;
        this.counts = counts;
    }

    /** The split's (term, count) records, for the shuffle by term. */
    Iterator<Tuple2<String, Long>> terms() {
        List<Tuple2<String, Long>> out = new ArrayList<>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.add(new Tuple2<>(terms[i], counts[i]));
        }
        return out.iterator();
    }

    /** The splits' summaries, in split order, as one scan of the whole corpus. */
    static ScanSummary combine(List<SplitScan> scans, long elapsedNanos) {
        long documents = 0;
        long tokens = 0;
        long raw = 0;
        long decoded = 0;
        long malformed = 0;
        String first = null;
        long overLong = 0;
        long split = 0;
        long skipped = 0;
        for (SplitScan s : scans) {
            documents += s.documents;
            tokens += s.tokens;
            raw += s.rawBytes;
            decoded += s.decodedBytes;
            malformed += s.malformed;
            first = first != null ? first : s.firstMalformed;
            overLong += s.overLongTokens;
            split += s.splitLines;
            skipped += s.skippedEmptyFiles;
        }
        return new ScanSummary(documents, tokens, raw, decoded, malformed, first, overLong, split, skipped, elapsedNanos, 0);
    }
}
