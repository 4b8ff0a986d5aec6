package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.stage.CountingStage;
import yuelao.storage.counts.CountStore;

/** {@code yuelao count}: stage 2, corpus to count store. */
@Command(name = "count", header = "Stage 2: windowed co-occurrence counts into a count store.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        customSynopsis = "yuelao count -i PATH... -o STORE [OPTIONS]",
        description = {"Stage 2: count symmetric windowed co-occurrences into a count store (a directory: vocab.bin, vocab.txt, counts.bin).",
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

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the subsampling draws.")
    long seed;

    @Option(names = "--force", description = "Replace an existing count store that yuelao wrote.")
    boolean force;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountingStage.Job job = CountingStage.job().inputs(corpus.inputs()).vocabulary(corpus.settings()).reuseVocabulary(counting.vocab())
                .counting(counting.settings(seed)).threads(run.threads()).build();
        Applicability.vocabulary(spec, counting.vocab() != null);
        List<Path> inputs = corpus.inputPaths();
        if (counting.vocab() != null) {
            inputs.add(counting.vocab());
        }
        Checks.outputDirectory(spec, this.out, CountStore.DIRECTORY_KIND, force, inputs);
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        CountingStage.Result r = CountingStage.run(job, this.out, force, name -> new ScanProgressPrinter(progress, name));
        progress.done();
        Summaries.printCount(out, r, this.out);
        return 0;
    }
}
