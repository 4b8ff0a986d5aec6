package yuelao.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import yuelao.tokenizer.scan.ScanSummary;

/** The final summaries printed by the verbs. */
final class Summaries {
    private Summaries() {}

    static void printScan(PrintWriter out, ScanSummary s) {
        out.printf(Locale.ROOT, "read: %,d documents, %,d tokens, %s in %s (%s tokens/s)%n", s.documents(), s.tokens(),
                ProgressLine.bytes(s.rawBytes()), ProgressLine.duration(s.seconds()), ProgressLine.si(s.tokensPerSecond()).trim());
        if (s.malformedSequences() > 0) {
            out.printf(Locale.ROOT, "malformed UTF-8: %,d sequences replaced by U+FFFD, first at %s%n", s.malformedSequences(), s.firstMalformed());
        } else {
            out.println("malformed UTF-8: none");
        }
        out.printf(Locale.ROOT, "dropped: %,d over-long tokens; %,d over-long lines split; %,d empty files skipped%n",
                s.overLongTokens(), s.splitLines(), s.skippedEmptyFiles());
    }
}
