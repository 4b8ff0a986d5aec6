package yuelao.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.stage.CountingStage;
import yuelao.engine.stage.Recipes;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.engine.query.Analogy;
import yuelao.engine.query.Mode;
import yuelao.engine.query.Nearest;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.Sentences;
import yuelao.engine.query.WordVectors;
import yuelao.engine.stage.TrainingStage;
import java.util.Optional;
import yuelao.tokenizer.analysis.TextAnalyzer;
import yuelao.tokenizer.input.InputFiles;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.core.Vocabulary;
import yuelao.engine.pmi.AssociationMeasure;
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Collocations;
import yuelao.engine.stage.PhraseStage;
import yuelao.tokenizer.phrase.PhraseTable;

/** {@code yuelao demo}: every stage on the bundled sample corpus, with what it found. */
@Command(name = "demo", header = "Every stage on the bundled English sample, with what it found.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Run every stage on the bundled English sample (corpus-samples/english-sample.txt.gz), as 'yuelao run --preset fast' " +
            "would (the closed-form subword fit: the same output for any thread count), and show what it " +
            "found: vocabulary, counts, PMI associates, nearest words, relatedness vs similarity, an analogy, keywords; then phrases, a " +
            "collocation list and the nearest words of a phrase."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, defaultValue = "yuelao-demo", paramLabel = "DIR",
            description = "Working directory for the demo's artifacts (replaced on each run; a folder holding anything else is refused).")
    Path out;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus to use instead of the bundled sample.")
    Path corpus;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path sample = corpus != null ? corpus : SampleCorpus.english();
        InputFiles.expand(List.of(sample.toString())); // a missing or unreadable corpus stops here, before any directory is made
        checkOut();
        Files.createDirectories(this.out);
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = sample.toAbsolutePath().startsWith(cwd) ? cwd.relativize(sample.toAbsolutePath()) : sample;
        out.printf("yuelao demo on %s%n", shown);
        out.flush();

        Recipes.Recipe recipe = Recipes.preset(Recipes.FAST); // 'yuelao run --preset fast': deterministic for any thread count
        CountingStage.Job countJob = CountingStage.job().inputs(List.of(sample.toString())).vocabulary(recipe.vocabulary())
                .counting(recipe.counting()).threads(run.threads()).build();
        ProgressLine progress = new ProgressLine(System.err, run.quiet);
        Path store = this.out.resolve("store");
        CountingStage.Result r = CountingStage.run(countJob, store, true, name -> new ScanProgressPrinter(progress, name));
        progress.done();

        out.printf("%n== 1. vocabulary (yuelao vocab)%n");
        Summaries.printScan(out, r.vocabularyScan());
        Vocabulary v = r.vocabulary();
        out.printf(Locale.ROOT, "kept %,d words with count >= %d; N = %,d%n", v.size(), recipe.vocabulary().minCount(), v.totalCount());
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
                for (long k : c.topByCount(id, 8)) {
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
        TrainingStage.Result tr = TrainingStage.run(TrainingStage.job().store(store).out(vectors).force(true)
                .settings(recipe.training().toBuilder().threads(run.threads()).build()).subwords(recipe.subwords()).progress(progress::update).build());
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
        phrasesAndCollocations(out, sample, progress);
        out.printf("%nartifacts: %s (inspect with: ./yuelao counts %s --info; ./yuelao nearest %s WORD)%n", this.out, store, vectors);
        out.flush();
        return 0;
    }

    /** What the demo writes into its directory; anything else there is the user's. */
    private static final Set<String> ARTIFACTS = Set.of("store", "vectors", "phrases.txt", "phrase-store", "phrase-vectors");

    /**
     * The demo's directory is replaced piece by piece on each run, so it must be the demo's: absent, or holding only
     * the demo's artifacts (and hidden temporaries of a killed run). A folder of the user's is refused, not littered.
     */
    private void checkOut() throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new UserException(out + ": exists and is not a directory; choose another --out");
        }
        try (Stream<Path> entries = Files.list(out)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString()).filter(n -> !ARTIFACTS.contains(n) && !n.startsWith("."))
                    .sorted().toList();
            if (!foreign.isEmpty()) {
                throw new UserException(out + ": holds files the demo did not write (" + foreign.getFirst()
                        + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "") + "); choose another --out");
            }
        }
    }

    /**
     * Step 5: phrases from adjacent bigrams, a corpus-wide collocation list by logDice from phrase-joined counts, and
     * nearest words of a phrase in a small model trained on them (settings: {@link Recipes#phraseDemo()}).
     */
    private void phrasesAndCollocations(PrintWriter out, Path sample, ProgressLine progress) throws Exception {
        Recipes.PhraseDemo demo = Recipes.phraseDemo();
        out.printf("%n== 5. phrases and collocations (yuelao phrases; count --phrases; collocations --measure logdice)%n");
        out.flush();
        List<String> inputs = List.of(sample.toString());
        Path phraseFile = this.out.resolve("phrases.txt");
        PhraseStage.Result pr = PhraseStage.detect(inputs, demo.recipe().vocabulary(), demo.phrases(), run.threads(),
                PhraseStage.spillDirectory(phraseFile), name -> new ScanProgressPrinter(progress, name));
        progress.done();
        PhraseTable table = PhraseStage.write(phraseFile, pr.table());
        List<PhraseTable.Phrase> frequent = new java.util.ArrayList<>(table.phrases());
        frequent.sort(java.util.Comparator.comparingLong(PhraseTable.Phrase::count).reversed().thenComparing(PhraseTable.Phrase::joined));
        out.printf(Locale.ROOT, "%,d phrases (word2phrase score > %s in one pass); the most frequent:", table.size(),
                Collocations.number(demo.phrases().threshold(1)));
        for (PhraseTable.Phrase p : frequent.subList(0, Math.min(10, frequent.size()))) {
            out.printf(Locale.ROOT, " %s(%,d)", p.joined(), p.count());
        }
        out.println();
        Path joinedStore = this.out.resolve("phrase-store");
        CountingStage.Job job = CountingStage.job().inputs(inputs).vocabulary(demo.recipe().vocabulary().toBuilder().phrases(table).build())
                .counting(demo.recipe().counting()).threads(run.threads()).build();
        CountingStage.run(job, joinedStore, true, name -> new ScanProgressPrinter(progress, name));
        progress.done();
        try (CountStoreDirectory dir = CountStoreDirectory.open(joinedStore)) {
            Vocabulary v = dir.vocabulary();
            AssociationView logDice = AssociationView.of(dir, AssociationMeasure.of(AssociationMeasure.Kind.LOGDICE));
            Collocations.Filter filter = new Collocations.Filter(20, 3, CollocationsCommand.stopwords("english", v));
            out.printf(Locale.ROOT, "top collocations by logDice (window 5, pairs seen >= 20 times, no stop words):");
            for (Collocations.Collocation c : Collocations.top(logDice, 10, filter, run.threads())) {
                out.printf(Locale.ROOT, " %s+%s(%.2f)", c.word1(), c.word2(), c.score());
            }
            out.println();
        }
        Path phraseVectors = this.out.resolve("phrase-vectors");
        TrainingStage.run(TrainingStage.job().store(joinedStore).out(phraseVectors).force(true)
                .settings(demo.recipe().training().toBuilder().threads(run.threads()).build()).progress(progress::update).build());
        progress.done();
        WordVectors pv = WordVectors.open(phraseVectors);
        for (String w : new String[] {"new_york", "united_states"}) {
            Nearest.of(pv, w, 6, Mode.COSINE, 0).ifPresent(list -> out.printf(Locale.ROOT, "nearest to '%s' (phrase-joined sample, %,d words x %d):%s%n",
                    w, pv.size(), pv.dim(), join(list)));
        }
    }

    private static String join(List<Neighbor> list) {
        StringBuilder sb = new StringBuilder();
        for (Neighbor n : list) {
            sb.append(String.format(Locale.ROOT, " %s(%.2f)", n.word(), n.score()));
        }
        return sb.toString();
    }
}
