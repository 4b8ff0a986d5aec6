package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.stage.TrainingStage;
import yuelao.engine.train.TrainSettings;
import yuelao.storage.vectors.VectorsFile;

/** {@code yuelao train}: stage 3, count store to word vectors. */
@Command(name = "train", header = "Stage 3: word vectors from the store's PMI.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        customSynopsis = "yuelao train --store STORE -o VECTORS [--method eig|svd|pmi|sgns] [OPTIONS]",
        description = {"Stage 3: factorize the store's PMI into one shared table of word vectors, <v_i, v_j> ~ PMI_ij.",
            "Writes VECTORS/: vectors.bin (native), vectors.txt (word2vec text), vocab.bin, vocab.txt (and subwords.bin with --subwords)."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "VECTORS", description = "Output directory.")
    Path out;

    @Option(names = "--force", description = "Replace an existing VECTORS directory that yuelao wrote.")
    boolean force;

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
        TrainSettings settings = training.settings(run.threads());
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        TrainingStage.Job job = job(training, subwords, eval, settings, store, this.out, force, run.threads(), progress);
        Applicability.training(spec, settings, job.subwords());
        List<Path> inputs = training.inputs(store);
        inputs.addAll(eval.files());
        Checks.outputDirectory(spec, this.out, VectorsFile.DIRECTORY_KIND, force, inputs);
        TrainingStage.Result r = TrainingStage.run(job);
        progress.done();
        printTrained(out, r, settings, this.out, job.subwords() != null);
        return 0;
    }

    /** The training job the options describe (shared with {@code run}); a setting out of range is a one-line error. */
    static TrainingStage.Job job(TrainingOptions training, SubwordOptions subwords, EvalOptions eval, TrainSettings settings, Path store, Path out,
            boolean force, int threads, ProgressLine progress) {
        try {
            return TrainingStage.job().store(store).out(out).force(force).settings(settings).subwords(subwords.settings(settings.dim()))
                    .checkpointing(training.checkpointing(out)).evaluator(eval.evaluator(threads)).progress(progress::update).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The summary lines of a training stage. */
    static void printTrained(PrintWriter out, TrainingStage.Result r, TrainSettings settings, Path vectors, boolean subwords) {
        out.printf(Locale.ROOT, "trained %,d x %d vectors by %s in %s; %s%n", r.vocabulary().size(), r.dim(), settings.method().id(),
                ProgressLine.duration(r.seconds()), r.summary());
        out.printf(Locale.ROOT, "wrote %s (vectors.bin, vectors.txt, vocab.bin, vocab.txt%s)%n", vectors, subwords ? ", subwords.bin" : "");
    }
}
