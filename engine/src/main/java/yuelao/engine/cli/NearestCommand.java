package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yuelao.engine.api.Answers;
import yuelao.engine.api.VectorQueries;
import yuelao.engine.query.IndexSettings;
import yuelao.engine.query.Mode;

/** {@code yuelao nearest VECTORS WORD}. */
@Command(name = "nearest", header = "The nearest words of a word.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"The nearest words of WORD (WORD itself left out).",
            "cosine: cos(v_a, v_w); relatedness: <v_a, v_w> (the PMI estimate); similarity: Pearson correlation of the PMI profiles over the K most frequent words.",
            "Exact search, or the HNSW index of 'yuelao index' for cosine over large vocabularies (see --ann)."})
public final class NearestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory (yuelao train --out), or a run directory.")
    Path vectors;

    @Parameters(index = "1", paramLabel = "WORD")
    String word;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "How many neighbours.")
    int top;

    @Option(names = "--mode", defaultValue = "cosine", paramLabel = "cosine|relatedness|similarity", description = "The measure.")
    String mode;

    @Option(names = "--context-words", defaultValue = "100000", paramLabel = "K",
            description = "similarity: the K most frequent words form the profile (capped at the vocabulary size).")
    int contextWords;

    @Mixin
    CaseOption caseOption;

    @Option(names = "--restrict-vocab", defaultValue = "0", paramLabel = "N", description = "Search only the N most frequent words (0 = all).")
    int restrictVocab;

    @ArgGroup(exclusive = true)
    SearchChoice search;

    /** --ann or --exact; neither: the index when there is one and the candidates are many (cosine only). */
    static final class SearchChoice {
        @Option(names = "--ann", description = "Use the HNSW index (yuelao index VECTORS); an error if there is none. "
                + "Default: the index when present, for cosine, over at least --exact-below candidates.")
        boolean ann;

        @Option(names = "--exact", description = "Score every candidate, even when an index is present.")
        boolean exact;
    }

    @Option(names = "--ef", paramLabel = "N", defaultValue = "" + IndexSettings.DEFAULT_EF,
            description = "The index's candidate list per search: more finds more of the exact answer, slower.")
    int ef;

    @Option(names = "--exact-below", paramLabel = "N", defaultValue = "" + IndexSettings.DEFAULT_EXACT_BELOW,
            description = "Without --ann or --exact: search exactly below N candidates even when an index is present (measured: benchmarks/RESULTS.md).")
    int exactBelow;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Mode m = Mode.parse(mode);
        VectorArgs.requirePositive("--top", top);
        VectorArgs.requirePositive("--context-words", contextWords);
        VectorArgs.requireNonNegative("--restrict-vocab", restrictVocab, "0 = all words");
        VectorArgs.requirePositive("--ef", ef);
        VectorArgs.requireNonNegative("--exact-below", exactBelow, "0 = always the index when present");
        VectorQueries.Search s = search == null ? VectorQueries.Search.AUTO : search.ann ? VectorQueries.Search.ANN : VectorQueries.Search.EXACT;
        VectorQueries.IndexUse use = s == VectorQueries.Search.ANN ? VectorQueries.IndexUse.ALWAYS
                : s == VectorQueries.Search.AUTO && m == Mode.COSINE ? VectorQueries.IndexUse.AUTO : VectorQueries.IndexUse.NONE;
        try (VectorQueries q = caseOption.open(vectors, IndexSettings.builder().ef(ef).exactBelow(exactBelow).build(), use)) {
            VectorQueries.NearestOptions o = VectorQueries.NearestOptions.builder().top(top).mode(m).contextWords(contextWords)
                    .restrict(restrictVocab).search(s).ef(ef).build();
            return json.answer(out, () -> q.nearest(word, o), a -> {
                if (a.note() != null) {
                    out.println(a.note());
                }
                String how = m == Mode.SIMILARITY ? "similarity over the " + a.contextWords() + " most frequent words" : m.id();
                out.printf(Locale.ROOT, "nearest to '%s' by %s (of %,d words%s):%n", word, how, a.candidates(),
                        a.search().equals("hnsw") ? "; hnsw index" : "");
                print(out, a.results());
            });
        }
    }

    static void print(PrintWriter out, List<Answers.Scored> hits) {
        int rank = 1;
        for (Answers.Scored n : hits) {
            out.printf(Locale.ROOT, "%3d  %-24s %9.4f%n", rank++, n.word(), n.score());
        }
    }
}
