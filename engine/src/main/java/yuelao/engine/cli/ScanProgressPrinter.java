package yuelao.engine.cli;

import java.util.Locale;
import java.util.function.Consumer;
import yuelao.tokenizer.scan.ScanProgress;

/** Renders scan progress: bytes read, tokens, tokens/s and (when the input size is known) an ETA. */
final class ScanProgressPrinter implements Consumer<ScanProgress> {
    private final ProgressLine line;
    private final String stage;

    ScanProgressPrinter(ProgressLine line, String stage) {
        this.line = line;
        this.stage = stage;
    }

    @Override
    public void accept(ScanProgress p) {
        double secs = p.elapsedNanos() / 1e9;
        double rate = secs > 0 ? p.tokens() / secs : 0;
        StringBuilder sb = new StringBuilder(stage).append(": ");
        sb.append(ProgressLine.bytes(p.rawBytesRead()));
        double f = p.fraction();
        if (f >= 0) {
            sb.append(" / ").append(ProgressLine.bytes(p.totalRawBytes()))
                    .append(String.format(Locale.ROOT, " (%.0f%%)", 100 * f));
        }
        sb.append(" | ").append(ProgressLine.si(p.tokens())).append("tokens | ")
                .append(ProgressLine.si(rate)).append("tokens/s");
        if (f > 0.01 && f < 1) {
            sb.append(" | ETA ").append(ProgressLine.duration(secs * (1 - f) / f));
        }
        line.update(sb.toString());
    }
}
