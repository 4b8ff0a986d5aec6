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
import yuelao.engine.count.CountingStage;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.pipeline.VocabularyStage;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.engine.text.TextAnalyzer;
import yuelao.engine.store.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.scan.DocumentReader;
import yuelao.tokenizer.vocab.Vocabulary;

/** {@code yuelao demo}: every stage on the bundled sample corpus, with what it found. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Run every stage on the bundled English sample (corpus-samples/english-sample.txt.gz) and show what it found.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, defaultValue = "yuelao-demo", paramLabel = "DIR",
            description = "Working directory for the demo's artifacts (replaced on each run).")
    Path out;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus to use instead of the bundled sample.")
    Path corpus;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path sample = corpus != null ? corpus : SampleCorpus.english();
        Files.createDirectories(this.out);
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = sample.toAbsolutePath().startsWith(cwd) ? cwd.relativize(sample.toAbsolutePath()) : sample;
        out.printf("yuelao demo on %s%n", shown);
        out.flush();

        VocabularyStage.Request vreq = new VocabularyStage.Request(List.of(sample.toString()), AnalyzerSpec.defaults("english"), 5, 0,
                run.threads(), DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS);
        CountingStage.Request creq = new CountingStage.Request(vreq, null, 10, WindowWeighting.UNIFORM, false, false, 0, 1, 1L << 30,
                CountingStage.DEFAULT_FAN_IN);
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        Path store = this.out.resolve("store");
        CountingStage.Result r = CountingStage.run(creq, store, true, name -> new ScanProgressPrinter(progress, name));
        progress.done();

        out.printf("%n== 1. vocabulary (yuelao vocab)%n");
        Summaries.printScan(out, r.vocabularyScan());
        Vocabulary v = r.vocabulary();
        out.printf(Locale.ROOT, "kept %,d words with count >= 5; N = %,d%n", v.size(), v.totalCount());
        out.print("top words:");
        for (int i = 0; i < Math.min(15, v.size()); i++) {
            out.printf(Locale.ROOT, " %s(%,d)", v.word(i), v.count(i));
        }
        out.println();

        out.printf("%n== 2. co-occurrence counts (yuelao count --window 10 --weighting uniform)%n");
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            CountStore c = dir.counts();
            out.printf(Locale.ROOT, "%,d co-occurrence events; %,d distinct word pairs; X = %,d; store %s on disk (%s)%n",
                    r.pairEvents(), r.unorderedPairs(), c.totalPairUnits() / c.scale(), ProgressLine.bytes(dir.diskBytes()),
                    ProgressLine.duration(r.seconds()));
            for (String w : new String[] {"war", "congress"}) {
                int id = v.id(w);
                if (id < 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "most frequent neighbours of '%s' (n = %,d):", w, v.count(id));
                for (long k : topByCount(c, id, 8)) {
                    out.printf(Locale.ROOT, " %s(%,d)", v.word(c.column(k)), c.units(k) / c.scale());
                }
                out.println();
            }

            out.printf("%n== 3. PMI analytics (yuelao associates / phrase-pmi)%n");
            PmiView pmi = PmiView.of(dir, PmiOptions.of(PmiMeasure.PMI));
            for (String w : new String[] {"war", "congress", "money", "god"}) {
                int id = v.id(w);
                if (id < 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "associates of '%s' (pmi, pairs seen >= 10 times):", w);
                for (PmiView.Associate a : pmi.associates(id, 8, 10)) {
                    out.printf(Locale.ROOT, " %s(%.2f)", a.word(), a.value());
                }
                out.println();
            }
            String q = "declare war";
            String a = "peace treaty";
            try (TextAnalyzer analyzer = new TextAnalyzer(dir.analyzer())) {
                PmiView.PhraseScore ps = pmi.phrase(analyzer.map(q, v).ids(), analyzer.map(a, v).ids(), PmiView.Unobserved.SKIP);
                out.printf(Locale.ROOT, "phrase-pmi(\"%s\", \"%s\") = %.3f = sum of:", q, a, ps.total());
                for (PmiView.Term t : ps.terms()) {
                    out.printf(Locale.ROOT, " pmi(%s,%s)=%s", v.word(t.q()), v.word(t.a()),
                            t.skipped() ? "unobserved" : String.format(Locale.ROOT, "%.3f", t.contribution()));
                }
                out.println();
            }
        }
        out.printf("%nartifacts: %s (inspect with: ./yuelao counts %s --info)%n", this.out, store);
        out.flush();
        return 0;
    }

    /** Entry indices of the k largest counts in row i (a partial selection; rows are short). */
    private static long[] topByCount(CountStore c, int i, int k) {
        long start = c.rowStart(i);
        int n = (int) (c.rowEnd(i) - start);
        Long[] idx = new Long[n];
        for (int j = 0; j < n; j++) {
            idx[j] = start + j;
        }
        java.util.Arrays.sort(idx, (x, y) -> Long.compare(c.units(y), c.units(x)));
        long[] out = new long[Math.min(k, n)];
        for (int j = 0; j < out.length; j++) {
            out[j] = idx[j];
        }
        return out;
    }
}
