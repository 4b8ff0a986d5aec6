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
import yuelao.engine.query.Analogy;
import yuelao.engine.query.Mode;
import yuelao.engine.query.Nearest;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.Sentences;
import yuelao.engine.query.WordVectors;
import yuelao.engine.train.SubwordOptions;
import yuelao.engine.train.TrainOptions;
import yuelao.engine.train.TrainingStage;
import java.util.Optional;
import yuelao.engine.text.TextAnalyzer;
import yuelao.engine.store.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.scan.DocumentReader;
import yuelao.tokenizer.vocab.Vocabulary;

/** {@code yuelao demo}: every stage on the bundled sample corpus, with what it found. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Run every stage on the bundled English sample (corpus-samples/english-sample.txt.gz), as 'yuelao run' would, and show what it found: vocabulary, counts, PMI associates, nearest words, relatedness vs similarity, an analogy, keywords.")
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
        // The settings of 'yuelao run' (RunCommand.Defaults): window 5, word2vec's dynamic weights, subsampling 1e-4.
        CountingStage.Request creq = new CountingStage.Request(vreq, null, 5, WindowWeighting.DYNAMIC, false, false, 1e-4, 1, 1L << 30,
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

        out.printf("%n== 2. co-occurrence counts (yuelao count --window 5 --weighting dynamic --subsample 1e-4)%n");
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
        out.printf("%n== 4. word vectors (yuelao train: eig, p 0.25, shift 0.25, dim 100, subwords 3-6)%n");
        out.flush();
        Path vectors = this.out.resolve("vectors");
        TrainOptions topt = new TrainOptions(TrainOptions.Method.EIG, 100, 0.25, 0.75, 0.25, 12, 40, 1, 0.1, 100, 0.75, true, 1,
                run.threads(), 0, false, 0, 1, false);
        SubwordOptions sub = new SubwordOptions(3, 6, SubwordOptions.DEFAULT_BUCKETS, 1, true, true, 0, 8, 60, // run's defaults
                SubwordOptions.Refinement.NONE, SubwordOptions.Spectrum.NONE);
        TrainingStage.Result tr = TrainingStage.run(store, vectors, true, topt, TrainingStage.Checkpointing.NONE, progress::update, null, sub);
        progress.done();
        out.printf(Locale.ROOT, "trained %,d x %d vectors in %s; %s%n", tr.vocabulary().size(), tr.dim(), ProgressLine.duration(tr.seconds()),
                tr.summary());
        WordVectors wv = WordVectors.open(vectors);
        for (String w : new String[] {"war", "king", "money", "france", "happy"}) {
            Optional<List<Neighbor>> nn = Nearest.of(wv, w, 8, Mode.COSINE, 0);
            nn.ifPresent(list -> out.printf(Locale.ROOT, "nearest to '%s' (cosine):%s%n", w, join(list)));
        }
        String probe = "climb";
        if (wv.contains(probe)) {
            out.printf(Locale.ROOT, "'%s' by relatedness <v_a, v_w>:%s%n", probe,
                    join(Nearest.of(wv, probe, 6, Mode.RELATEDNESS, 0).orElseThrow()));
            out.printf(Locale.ROOT, "'%s' by similarity (Pearson of PMI profiles over the 500 most frequent words):%s%n", probe,
                    join(Nearest.of(wv, probe, 6, Mode.SIMILARITY, 500).orElseThrow()));
        }
        Analogy.solve(wv, "man", "king", "woman", Analogy.Method.ADD, 3).ifPresent(list ->
                out.printf(Locale.ROOT, "analogy man : king :: woman : ?%s%n", join(list)));
        String unseen = "footballers";
        wv.vectorOrComposed(unseen).filter(WordVectors.Lookup::composed).ifPresent(l -> {
            out.printf(Locale.ROOT, "'%s' never occurs in the sample: composed from %d of its %d character n-grams; nearest:%s%n", unseen,
                    l.found(), l.ngrams(), join(Nearest.ofVector(wv, l.vector(), 6, Mode.COSINE, 0, new int[0])));
        });
        String sentence = "the senate ratified the peace treaty with france";
        try (Sentences sentences = new Sentences(wv)) {
            Sentences.SentenceVector sv = sentences.vector(sentence);
            out.printf(Locale.ROOT, "keywords of \"%s\" by <s, v_w>:%s%n", sentence, join(sentences.keywords(sv)));
        }
        out.printf("%nartifacts: %s (inspect with: ./yuelao counts %s --info; ./yuelao nearest %s WORD)%n", this.out, store, vectors);
        out.flush();
        return 0;
    }

    private static String join(List<Neighbor> list) {
        StringBuilder sb = new StringBuilder();
        for (Neighbor n : list) {
            sb.append(String.format(Locale.ROOT, " %s(%.2f)", n.word(), n.score()));
        }
        return sb.toString();
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
