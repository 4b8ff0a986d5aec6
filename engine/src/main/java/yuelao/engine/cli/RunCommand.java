package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import yuelao.engine.count.CountingStage;
import yuelao.engine.train.TrainOptions;
import yuelao.engine.train.TrainingStage;

/**
 * {@code yuelao run}: the whole pipeline in one command, corpus to vectors: vocabulary, counts, training, export of
 * {@code vectors.txt}. Its defaults are the settings that won by measurement on english-mix
 * (benchmarks/RESULTS.md), which differ from the single-stage verbs' neutral defaults: see {@link Defaults}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        defaultValueProvider = RunCommand.Defaults.class,
        description = {"The main job: corpus -> vocabulary -> counts -> vectors, with the defaults that won by measurement.",
            "Writes DIR/store/ (the count store: query it with pmi, associates, phrase-pmi ...) and DIR/vectors/ (vectors.bin, vectors.txt in word2vec text, vocab)."})
public final class RunCommand implements Callable<Integer> {
    /**
     * The measured winners (window 5 with word2vec's dynamic weights, subsampling 1e-4, eig with p .25 and the
     * shift k .25, and subword features 3-6 fitted to the eig directions: benchmarks/RESULTS.md), overriding the
     * stage verbs' defaults; every other option keeps its stage default. The sgns refinement of the subwords
     * ({@code --subword-epochs 5}: better analogies and similarity, about 8x the time) stays opt-in so that the default
     * run keeps its speed.
     */
    public static final class Defaults implements IDefaultValueProvider {
        static final Map<String, String> WINNERS = Map.of("--window", "5", "--weighting", "dynamic", "--subsample", "1e-4",
                "--method", "eig", "--power", "0.25", "--shift", "0.25", "--subwords", "3-6");

        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o ? WINNERS.get(o.longestName()) : null;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory (store/ and vectors/ inside).")
    Path out;

    @Mixin
    CountingOptions counting;

    @Mixin
    TrainingOptions training;

    @Option(names = "--force", defaultValue = "false", description = "Replace existing outputs.")
    boolean force;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path store = this.out.resolve("store");
        Path vectors = this.out.resolve("vectors");
        CountingStage.Request creq = counting.request(corpus, run, training.seed());
        TrainOptions o = training.options(run.threads());
        TrainingStage.Evaluator evaluator = training.evaluator(run.threads()); // checks the files before any work
        yuelao.engine.train.SubwordOptions subwordOptions = training.subwordOptions();
        TrainingStage.Checkpointing ck = training.checkpointing(vectors);
        if (Files.exists(this.out) && !Files.isDirectory(this.out)) {
            throw new UserException(this.out + ": is a file; --out names the run's directory");
        }
        if (!force && (Files.exists(store) || Files.exists(vectors))) {
            throw new UserException(this.out + ": already holds a run (use --force to replace it)");
        }
        // Both outputs are checked before any work, so that a refused vectors directory never costs the store.
        java.util.List<Path> inputs = Checks.paths(corpus.inputs);
        if (counting.vocab() != null) {
            inputs.add(counting.vocab());
        }
        Checks.parentWritable(this.out); // the run directory itself is kept; only its store/ and vectors/ are replaced
        yuelao.storage.format.OutputGuard.checkDirectory(store, yuelao.storage.counts.CountStore.DIRECTORY_KIND, force, inputs);
        inputs.addAll(training.inputs(store));
        yuelao.storage.format.OutputGuard.checkDirectory(vectors, yuelao.storage.vectors.VectorsFile.DIRECTORY_KIND, force, inputs);
        Files.createDirectories(this.out);
        long t0 = System.nanoTime();
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        CountingStage.Result cr = CountingStage.run(creq, store, force, name -> new ScanProgressPrinter(progress, name));
        progress.done();
        out.println("== counts");
        Summaries.printCount(out, cr, store);
        out.flush();
        TrainingStage.Result tr = TrainingStage.run(store, vectors, force, o, ck, progress::update, evaluator, subwordOptions);
        progress.done();
        out.println("== vectors");
        out.printf(Locale.ROOT, "trained %,d x %d vectors by %s in %s; %s%n", tr.vocabulary().size(), tr.dim(), o.method().id(),
                ProgressLine.duration(tr.seconds()), tr.summary());
        out.printf(Locale.ROOT, "wrote %s (vectors.bin, vectors.txt, vocab.bin, vocab.txt)%n", vectors);
        out.printf(Locale.ROOT, "== done in %s: %,d tokens -> %,d words x %d dimensions%n", ProgressLine.duration((System.nanoTime() - t0) / 1e9),
                cr.countScan().tokens(), tr.vocabulary().size(), tr.dim());
        return 0;
    }
}
