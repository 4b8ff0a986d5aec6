package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.count.CountingStage;

/** {@code yuelao count}: stage 2, corpus to count store. */
@Command(name = "count", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Count symmetric windowed co-occurrences into a count store (a directory: vocab.bin, vocab.txt, counts.bin).",
            "Builds the vocabulary first (or reuses --vocab). Out-of-vocabulary tokens are deleted before windowing; no window crosses a line.",
            "Counting buffers stay within --memory: when full they spill sorted runs next to the store, merged with a bounded fan-in."})
public final class CountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "STORE", description = "Output store directory.")
    Path out;

    @Mixin
    CountingOptions counting;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed for subsampling.")
    long seed;

    @Option(names = "--force", defaultValue = "false", description = "Replace an existing store.")
    boolean force;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountingStage.Request req = counting.request(corpus, run, seed);
        java.util.List<java.nio.file.Path> inputs = Checks.paths(corpus.inputs);
        if (counting.vocab() != null) {
            inputs.add(counting.vocab());
        }
        Checks.outputDirectory(this.out, yuelao.storage.counts.CountStore.DIRECTORY_KIND, force, inputs);
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        CountingStage.Result r = CountingStage.run(req, this.out, force, name -> new ScanProgressPrinter(progress, name));
        progress.done();
        Summaries.printCount(out, r, this.out);
        return 0;
    }
}
