package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.pipeline.VocabularyStage;
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.scan.DocumentReader;
import yuelao.tokenizer.vocab.Vocabulary;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/** {@code yuelao demo}: every stage on the bundled sample corpus, with what it found. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Run every stage on the bundled English sample (corpus-samples/english-sample.txt.gz) and show what it found.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, defaultValue = "yuelao-demo", paramLabel = "DIR",
            description = "Working directory for the demo's artifacts (replaced on each run).")
    Path out;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus to use instead of the bundled sample.")
    Path corpus;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path sample = corpus != null ? corpus : SampleCorpus.english();
        Files.createDirectories(this.out);
        out.printf("yuelao demo on %s%n%n", sample);

        out.println("== 1. vocabulary (yuelao vocab)");
        VocabularyStage.Request req = new VocabularyStage.Request(List.of(sample.toString()), AnalyzerSpec.defaults("english"), 5, 0,
                run.threads(), DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS);
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        VocabularyBuilder.Result r = VocabularyStage.build(req, new ScanProgressPrinter(progress, "vocab"));
        progress.done();
        VocabularyStage.write(this.out.resolve("vocab"), true, req, r);
        Summaries.printScan(out, r.scan());
        Vocabulary v = r.vocabulary();
        out.printf(Locale.ROOT, "types: %,d distinct, %,d with count >= 5; N = %,d%n", r.distinctTypes(), v.size(), v.totalCount());
        out.print("top words:");
        for (int i = 0; i < Math.min(20, v.size()); i++) {
            out.printf(Locale.ROOT, " %s(%,d)", v.word(i), v.count(i));
        }
        out.println();
        out.flush();
        return 0;
    }
}
