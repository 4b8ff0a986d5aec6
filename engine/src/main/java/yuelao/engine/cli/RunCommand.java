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
import yuelao.engine.stage.CountingStage;
import yuelao.engine.stage.Recipes;
import yuelao.engine.stage.TrainingStage;
import yuelao.engine.train.TrainSettings;
import yuelao.storage.counts.CountStore;
import yuelao.storage.format.OutputGuard;
import yuelao.storage.vectors.VectorsFile;

/**
 * {@code yuelao run}: the whole pipeline in one command, corpus to vectors: vocabulary, counts, training, export of
 * {@code vectors.txt}. Its defaults are a preset of the recipe book ({@link Recipes}), the settings that won by
 * measurement, which differ from the single-stage verbs' neutral defaults; {@code --help} shows the preset's values.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        customSynopsis = "yuelao run -i PATH... -o DIR [--preset default|refined|words] [OPTIONS]",
        description = {"The main job: corpus -> vocabulary -> counts -> vectors, with the settings that won by measurement.",
            "Writes DIR/store/ (the count store: query it with pmi, associates, phrase-pmi ...) and DIR/vectors/",
            "(vectors.bin, vectors.txt in word2vec text, vocab).",
            "Presets: default = eig over dynamic-window counts, subwords 3-6 fitted in closed form;",
            "refined = then 5 epochs of fastText's objective on the subwords (better, about 5x the time);",
            "words = no subwords. Every option below overrides the preset; the defaults shown are the preset's."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory (store/ and vectors/ inside).")
    Path out;

    @Option(names = "--preset", defaultValue = Recipes.DEFAULT, paramLabel = "default|refined|words",
            description = "The recipe whose settings are the defaults of every option below.")
    String preset;

    @Option(names = "--force", description = "Replace a store/ and vectors/ that yuelao wrote.")
    boolean force;

    @Mixin
    CountingOptions counting;

    @Mixin
    TrainingOptions training;

    @Mixin
    SubwordOptions subwords;

    @Mixin
    EvalOptions eval;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Recipes.preset(preset); // the options' defaults came from it (Main); an unknown name is an error here
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Path store = this.out.resolve("store");
        Path vectors = this.out.resolve("vectors");
        TrainSettings settings = training.settings(run.threads());
        CountingStage.Job countJob = CountingStage.job().inputs(corpus.inputs()).vocabulary(corpus.settings()).reuseVocabulary(counting.vocab())
                .counting(counting.settings(settings.seed())).threads(run.threads()).build();
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        TrainingStage.Job trainJob = TrainCommand.job(training, subwords, eval, settings, store, vectors, force, run.threads(), progress);
        if (Files.exists(this.out) && !Files.isDirectory(this.out)) {
            throw new UserException(this.out + ": is a file; --out names the run's directory");
        }
        if (!force && (Files.exists(store) || Files.exists(vectors))) {
            throw new UserException(this.out + ": already holds a run (use --force to replace it)");
        }
        // Both outputs are checked before any work, so that a refused vectors directory never costs the store.
        List<Path> inputs = corpus.inputPaths();
        if (counting.vocab() != null) {
            inputs.add(counting.vocab());
        }
        Checks.parentWritable(this.out); // the run directory itself is kept; only its store/ and vectors/ are replaced
        OutputGuard.checkDirectory(store, CountStore.DIRECTORY_KIND, force, inputs);
        inputs.addAll(training.inputs(store));
        inputs.addAll(eval.files());
        OutputGuard.checkDirectory(vectors, VectorsFile.DIRECTORY_KIND, force, inputs);
        Files.createDirectories(this.out);
        long t0 = System.nanoTime();
        CountingStage.Result cr = CountingStage.run(countJob, store, force, name -> new ScanProgressPrinter(progress, name));
        progress.done();
        out.println("== counts");
        Summaries.printCount(out, cr, store);
        out.flush();
        TrainingStage.Result tr = TrainingStage.run(trainJob);
        progress.done();
        out.println("== vectors");
        TrainCommand.printTrained(out, tr, settings, vectors, trainJob.subwords() != null);
        out.printf(Locale.ROOT, "== done in %s: %,d tokens -> %,d words x %d dimensions%n", ProgressLine.duration((System.nanoTime() - t0) / 1e9),
                cr.countScan().tokens(), tr.vocabulary().size(), tr.dim());
        return 0;
    }
}
