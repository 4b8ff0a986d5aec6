package yuelao.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.nio.file.Path;
import yuelao.engine.stage.CountingStage;
import yuelao.tokenizer.scan.ScanSummary;

/** The final summaries printed by the verbs. */
public final class Summaries {
    private Summaries() {}

    static void printScan(PrintWriter out, ScanSummary s) {
        out.printf(Locale.ROOT, "read: %,d documents, %,d tokens, %s in %s (%s tokens/s)%n", s.documents(), s.tokens(),
                ProgressLine.bytes(s.rawBytes()), ProgressLine.duration(s.seconds()), ProgressLine.si(s.tokensPerSecond()).trim());
        if (s.phrasesJoined() > 0) {
            out.printf(Locale.ROOT, "phrases: %,d joined into one token each (counted once among the tokens)%n", s.phrasesJoined());
        }
        if (s.malformedSequences() > 0) {
            out.printf(Locale.ROOT, "malformed UTF-8: %,d sequences replaced by U+FFFD, first at %s%n", s.malformedSequences(), s.firstMalformed());
        } else {
            out.println("malformed UTF-8: none");
        }
        out.printf(Locale.ROOT, "dropped: %,d over-long tokens; %,d over-long lines split; %,d empty files skipped%n",
                s.overLongTokens(), s.splitLines(), s.skippedEmptyFiles());
    }

    /** The {@code count} verb's summary of a counting run that wrote {@code store}. */
    public static void printCount(PrintWriter out, CountingStage.Result r, Path store) {
        if (r.vocabularyScan() != null) {
            out.println("vocabulary pass:");
            printScan(out, r.vocabularyScan());
        }
        out.println("counting pass:");
        printScan(out, r.countScan());
        out.printf(Locale.ROOT, "vocabulary: %,d words; N = %,d%n", r.vocabulary().size(), r.vocabulary().totalCount());
        out.printf(Locale.ROOT, "pairs: %,d co-occurrence events, %,d distinct unordered pairs (%,d stored CSR entries)%n",
                r.pairEvents(), r.unorderedPairs(), r.nonZeros());
        out.printf(Locale.ROOT, "spill: %,d runs, %s (max %d run files open at once)%n", r.runsSpilled(),
                ProgressLine.bytes(r.bytesSpilled()), r.maxOpenRunFiles());
        out.printf(Locale.ROOT, "wrote %s in %s (merge and store writing: %s)%n", store, ProgressLine.duration(r.seconds()),
                ProgressLine.duration(r.writeSeconds()));
    }
}
