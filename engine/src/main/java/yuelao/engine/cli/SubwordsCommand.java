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
import yuelao.engine.stage.SubwordStage;
import yuelao.engine.stage.TrainingStage;
import yuelao.engine.subword.SubwordSettings;
import yuelao.storage.vectors.VectorsFile;

/** {@code yuelao subwords}: stage 3b, a subword model fitted to word-level vectors. */
@Command(name = "subwords", header = "Stage 3b: a subword model fitted to word-level vectors.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        customSynopsis = "yuelao subwords --store STORE --vectors VECTORS -o OUT [OPTIONS]",
        description = {"Stage 3b: fit a subword model to word-level vectors (from 'train --subwords none' on the same store) and write " +
            "OUT/ with the composed word vectors and subwords.bin, as 'train --subwords MIN-MAX' does in one go (the same files)."})
public final class SubwordsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "The count store the vectors were trained on.")
    Path store;

    @Option(names = "--vectors", required = true, paramLabel = "VECTORS", description = "The word-level VECTORS directory.")
    Path vectors;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "Output VECTORS directory.")
    Path out;

    @Option(names = "--force", description = "Replace an existing VECTORS directory that yuelao wrote.")
    boolean force;

    @Mixin
    SubwordOptions subwords;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SubwordSettings settings = subwords.settings(Integer.MAX_VALUE);
        if (settings == null) {
            throw new UserException("--subwords none asks for no subword model; name the n-gram lengths, e.g. --subwords 3-6");
        }
        Checks.outputDirectory(spec, this.out, VectorsFile.DIRECTORY_KIND, force, List.of(store, vectors));
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        TrainingStage.Result r;
        try {
            r = SubwordStage.run(SubwordStage.job().store(store).vectors(vectors).out(this.out).force(force).settings(settings)
                    .threads(run.threads()).progress(progress::update).build());
        } finally {
            progress.done();
        }
        out.printf(Locale.ROOT, "fitted %,d x %d vectors in %s; %s%n", r.vocabulary().size(), r.dim(), ProgressLine.duration(r.seconds()),
                r.summary());
        out.printf(Locale.ROOT, "wrote %s (vectors.bin, vectors.txt, vocab.bin, vocab.txt, subwords.bin)%n", this.out);
        return 0;
    }
}
