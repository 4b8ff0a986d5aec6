package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.core.ByteSize;
import yuelao.engine.pmi.PhraseScoring;
import yuelao.engine.stage.PhraseSettings;
import yuelao.engine.stage.PhraseStage;
import yuelao.engine.stage.VocabularySettings;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;

/** {@code yuelao phrases}: multi-word expressions from adjacent bigrams, written as a phrase table. */
@Command(name = "phrases", header = "Detect multi-word expressions (phrases) in a corpus.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        customSynopsis = "yuelao phrases -i PATH... -o PHRASES [OPTIONS]",
        description = {"Detect phrases (multi-word expressions) from adjacent bigrams, as word2phrase and gensim's Phrases do, and write " +
            "a phrase table (versioned, checksummed text). Each pass joins the phrases found so far, so passes grow trigrams and longer " +
            "phrases. Every reading verb (vocab, count, run ...) then takes --phrases PHRASES and joins them into one token (new_york).",
            "--min-count applies to words and to bigrams. Scores and conventions: docs/measures.md, 'Phrases'."})
public final class PhrasesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PHRASES", description = "The phrase table to write.")
    Path out;

    @ArgGroup(validate = false, heading = "%nPhrase detection:%n", order = 20)
    Detection detection = new Detection();

    static final class Detection {
        @Option(names = "--scoring", paramLabel = "word2phrase|npmi",
                description = "word2phrase: (f_ab - delta) / (f_a f_b) x N; npmi: ln(p_ab / (p_a p_b)) / -ln p_ab, as gensim's Phrases.")
        String scoring;

        @Option(names = "--threshold", paramLabel = "T", split = ",",
                description = "A bigram with a score above T becomes a phrase; one value per pass, the last repeats. "
                        + "Default: 200,100 for word2phrase (word2vec's demo), 0.5 for npmi.")
        double[] thresholds;

        @Option(names = "--delta", paramLabel = "d", description = "word2phrase's discount delta. Default: --min-count, as word2phrase.")
        Double delta;

        @Option(names = "--passes", paramLabel = "P", description = "Detection passes (a pass joins the phrases of the earlier ones).")
        int passes;

        @Option(names = "--max-tokens", paramLabel = "N", description = "Longest phrase in tokens; 0 = no limit (at most 2^passes).")
        int maxTokens;

        @Option(names = "--memory", paramLabel = "SIZE", description = "Memory budget of the bigram counting buffers (e.g. 256m, 1.5g, 4g).")
        String memory;
    }

    @Option(names = "--show", defaultValue = "20", paramLabel = "N", description = "Phrases listed at the end (the highest scores).")
    int show;

    @Option(names = "--force", description = "Replace an existing phrase table that yuelao wrote.")
    boolean force;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        VocabularySettings vocabulary = corpus.settings();
        PhraseSettings settings;
        try {
            Detection d = detection;
            settings = PhraseSettings.builder().scoring(PhraseScoring.parse(d.scoring)).thresholds(d.thresholds).delta(d.delta)
                    .passes(d.passes).maxTokens(d.maxTokens).memoryBytes(ByteSize.parse("--memory", d.memory)).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        List<Path> inputs = corpus.inputPaths();
        if (vocabulary.phrases() != null) {
            inputs.add(vocabulary.phrases().source());
        }
        Checks.outputFile(spec, out, "a phrase table from yuelao phrases", PhraseTableFile::isPhraseTable, force, inputs);
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        PhraseStage.Result r = PhraseStage.detect(corpus.inputs(), vocabulary, settings, run.threads(), PhraseStage.spillDirectory(out),
                name -> new ScanProgressPrinter(progress, name));
        progress.done();
        PhraseTable table = PhraseStage.write(out, r.table());
        for (PhraseStage.Pass p : r.passes()) {
            pw.printf(Locale.ROOT, "pass %d: %,d tokens (%,d phrases joined), %,d words seen >= %d times, %,d adjacent bigrams, %,d distinct "
                    + "seen >= %d times; %,d new phrases scoring above %s (%s)%n", p.pass(), p.tokens(), p.phrasesJoined(), p.words(),
                    vocabulary.minCount(), p.bigrams(), p.candidates(), vocabulary.minCount(), p.found(),
                    Double.toString(p.threshold()).replaceAll("\\.0$", ""), ProgressLine.duration(p.seconds()));
        }
        pw.printf(Locale.ROOT, "wrote %s: %,d phrases (%s scoring, fingerprint %s) in %s%n", out, table.size(), settings.scoring().id(),
                table.fingerprintHex(), ProgressLine.duration(r.seconds()));
        List<PhraseTable.Phrase> best = new ArrayList<>(table.phrases());
        best.sort(Comparator.comparingDouble(PhraseTable.Phrase::score).reversed().thenComparing(PhraseTable.Phrase::joined));
        if (show > 0 && !best.isEmpty()) {
            pw.printf(Locale.ROOT, "highest scores:%n");
            for (PhraseTable.Phrase p : best.subList(0, Math.min(show, best.size()))) {
                pw.printf(Locale.ROOT, "  %-32s pass %d  count %,9d  score %.4f%n", p.joined(), p.pass(), p.count(), p.score());
            }
        }
        return 0;
    }
}
