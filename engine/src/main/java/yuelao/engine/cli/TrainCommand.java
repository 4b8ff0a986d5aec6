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
import yuelao.engine.train.TrainOptions;
import yuelao.engine.train.TrainingStage;

/** {@code yuelao train}: stage 3, count store to word vectors. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Factorize the store's PMI into one shared table of word vectors, <v_i, v_j> ~ PMI_ij.",
            "Writes VECTORS/: vectors.bin (native), vectors.txt (word2vec text), vocab.bin, vocab.txt."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "VECTORS", description = "Output directory.")
    Path out;

    @Mixin
    TrainingOptions training;

    @Option(names = "--force", defaultValue = "false", description = "Replace an existing output.")
    boolean force;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Checks.outputDirectory(this.out, yuelao.storage.vectors.VectorsFile.DIRECTORY_KIND, force, training.inputs(store));
        TrainOptions o = training.options(run.threads());
        TrainingStage.Evaluator evaluator = training.evaluator(run.threads()); // checks the files before any work
        yuelao.engine.train.SubwordOptions subwordOptions = training.subwordOptions();
        TrainingStage.Checkpointing ck = training.checkpointing(this.out);
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        TrainingStage.Result r = TrainingStage.run(store, this.out, force, o, ck, progress::update, evaluator, subwordOptions);
        progress.done();
        out.printf(Locale.ROOT, "trained %,d x %d vectors by %s in %s; %s%n", r.vocabulary().size(), r.dim(), o.method().id(),
                ProgressLine.duration(r.seconds()), r.summary());
        out.printf(Locale.ROOT, "wrote %s (vectors.bin, vectors.txt, vocab.bin, vocab.txt)%n", this.out);
        return 0;
    }
}
