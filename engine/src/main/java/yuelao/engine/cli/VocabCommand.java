package yuelao.engine.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.stage.VocabularySettings;
import yuelao.engine.stage.VocabularyStage;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/** {@code yuelao vocab}: stage 1, corpus to vocabulary. */
@Command(name = "vocab", header = "Stage 1: the vocabulary of a corpus.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Stage 1: count the words of a corpus and write the vocabulary: vocab.bin (checksummed binary) and vocab.txt (GloVe 'word count').",
            "Ids are frequency ranks, ties broken by the word's UTF-8 bytes."})
public final class VocabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--force", description = "Replace an existing vocabulary directory that yuelao wrote.")
    boolean force;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        VocabularySettings settings = corpus.settings();
        Checks.outputDirectory(spec, this.out, VocabularyFile.DIRECTORY_KIND, force, corpus.inputPaths());
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        VocabularyBuilder.Result r = VocabularyStage.build(corpus.inputs(), settings, run.threads(), new ScanProgressPrinter(progress, "vocab"));
        progress.done();
        VocabularyStage.write(this.out, force, corpus.inputs(), settings, r);
        Summaries.printScan(out, r.scan());
        out.printf(Locale.ROOT, "types: %,d distinct, %,d kept (min count %d%s)%n", r.distinctTypes(), r.vocabulary().size(),
                settings.minCount(), settings.maxVocab() > 0 ? ", max " + settings.maxVocab() : "");
        out.printf(Locale.ROOT, "wrote %s (vocab.bin, vocab.txt)%n", this.out);
        return 0;
    }
}
