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
import yuelao.core.ByteSize;
import yuelao.engine.stage.RunBudget;
import yuelao.engine.stage.RunPipeline;
import yuelao.engine.stage.Recipes;
import yuelao.engine.train.TrainSettings;

/**
 * {@code yuelao run}: the whole pipeline in one command, corpus to vectors: vocabulary, counts, training, export of
 * {@code vectors.txt}. Its defaults are a preset of the recipe book ({@link Recipes}), the settings that won by
 * measurement, which differ from the single-stage verbs' neutral defaults; {@code --help} shows the preset's values.
 */
@Command(name = "run", header = "The whole pipeline, corpus to vectors, with a measured preset.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        customSynopsis = "yuelao run -i PATH... -o DIR [--preset default|fast|refined|words] [OPTIONS]",
        description = {"The main job: corpus -> vocabulary -> counts -> vectors, with the settings that won by measurement.",
            "Writes DIR/store/ (the count store: query it with pmi, associates, phrase-pmi ...) and DIR/vectors/ " +
            "(vectors.bin, vectors.txt in word2vec text, vocab).",
            "Presets: default = eig over dynamic-window counts, subwords 3-6 fitted in closed form, then 3 epochs of fastText's " +
            "objective over the counts on the subwords (Hogwild: the vectors depend on --threads and thread timing);",
            "fast = the closed-form fit alone, no epochs (byte-identical output for any --threads; weaker SimLex and analogies, " +
            "several times faster);",
            "refined = the default with 5 epochs (a little better, about 1.5x the default's time);",
            "words = eig word vectors, no subwords. Every option below overrides the preset; the defaults shown are the preset's."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory (store/ and vectors/ inside).")
    Path out;

    @Option(names = "--preset", defaultValue = Recipes.DEFAULT, paramLabel = "default|fast|refined|words",
            description = "The recipe whose settings are the defaults of every option below.")
    String preset;

    @Option(names = "--force", description = {"Redo the stages whose output DIR holds but was made with other inputs or settings",
            "(without it they are refused; finished stages made the same way are always reused: a rerun continues an interrupted run)."})
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
        PrintWriter err = spec.commandLine().getErr();
        try {
            Recipes.preset(preset); // the options' defaults came from it (Main); an unknown name is an error here
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        TrainSettings settings = training.settings(run.threads());
        RunBudget budget;
        try {
            budget = RunBudget.of(counting.memory() == null ? null : ByteSize.parse("--memory", counting.memory()));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        yuelao.engine.stage.VocabularySettings vocabulary = corpus.settings();
        long buffers = budget.countingBuffers(settings.threads(), vocabulary.maxDocumentChars());
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        RunPipeline.Job job;
        try {
            job = RunPipeline.job().inputs(corpus.inputs()).dir(this.out).force(force).vocabulary(vocabulary)
                    .reuseVocabulary(counting.vocab()).counting(counting.settings(settings.seed(), buffers)).training(settings).budget(budget)
                    .subwords(subwords.settings(settings.dim())).checkpointing(training.checkpointing(this.out.resolve("vectors")))
                    .evaluator(eval.evaluator(run.threads())).scanProgress(name -> new ScanProgressPrinter(progress, name))
                    .progress(progress::update).usage(u -> {
                        if (!run.quiet) {
                            progress.done();
                            err.println("yuelao run: " + u.line());
                            err.flush();
                        }
                    }).onCounted(c -> {
                        progress.done();
                        out.println("== counts");
                        Summaries.printCount(out, c, this.out.resolve("store"));
                        out.flush();
                    }).notices(line -> {
                        progress.done();
                        err.println("yuelao run: " + line);
                        err.flush();
                    }).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Applicability.vocabulary(spec, counting.vocab() != null);
        Applicability.training(spec, settings, job.subwords());
        Checks.parentWritable(this.out);
        for (Path p : new Path[] {job.manifest(), job.store(), job.words(), job.vectors()}) {
            Checks.sweep(p, err, "run");
        }
        RunPipeline.Result r = RunPipeline.run(job);
        progress.done();
        if (r.trained() != null) {
            out.println("== vectors");
            TrainCommand.printTrained(out, r.trained(), settings, job.vectors(), job.subwords() != null);
        }
        out.printf(Locale.ROOT, "== done in %s: %,d tokens -> %,d words x %d dimensions%n", ProgressLine.duration(r.seconds()), r.tokens(),
                r.words(), r.dim());
        return 0;
    }
}
