package yuelao.engine.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.pipeline.VocabularyStage;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/** {@code yuelao vocab}: stage 1, corpus to vocabulary. */
@Command(name = "vocab", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Count the words of a corpus and write the vocabulary: vocab.bin (checksummed binary) and vocab.txt (GloVe 'word count').",
            "Ids are frequency ranks, ties broken by the word's UTF-8 bytes."})
public final class VocabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "N", description = "Keep words seen at least N times.")
    long minCount;

    @Option(names = "--max-vocab", defaultValue = "0", paramLabel = "N", description = "Keep at most the N most frequent words (0 = no limit).")
    int maxVocab;

    @Option(names = "--force", defaultValue = "false", description = "Replace an existing output.")
    boolean force;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        VocabularyStage.Request req = new VocabularyStage.Request(corpus.inputs, corpus.analyzerSpec(), minCount, maxVocab,
                run.threads(), corpus.maxDocumentChars);
        Checks.outputDirectory(this.out, yuelao.storage.vocab.VocabularyFile.DIRECTORY_KIND, force, Checks.paths(corpus.inputs));
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        VocabularyBuilder.Result r = VocabularyStage.build(req, new ScanProgressPrinter(progress, "vocab"));
        progress.done();
        VocabularyStage.write(this.out, force, req, r);
        Summaries.printScan(out, r.scan());
        out.printf(Locale.ROOT, "types: %,d distinct, %,d kept (min count %d%s)%n", r.distinctTypes(), r.vocabulary().size(),
                minCount, maxVocab > 0 ? ", max " + maxVocab : "");
        out.printf(Locale.ROOT, "wrote %s (vocab.bin, vocab.txt)%n", this.out);
        err.flush();
        return 0;
    }
}
