package yuelao.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.CharArraySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yuelao.core.Vocabulary;
import yuelao.engine.api.PmiQueries;
import yuelao.engine.pmi.AssociationView;
import yuelao.engine.pmi.Collocations;
import yuelao.engine.pmi.PairScorer;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.tokenizer.analysis.Analyzers;

/** {@code yuelao collocations STORE}: the corpus-wide top pairs by a measure (library: {@link Collocations}). */
@Command(name = "collocations", header = "The corpus-wide top pairs by an association measure.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        defaultValueProvider = CollocationsCommand.Defaults.class,
        description = {"The corpus-wide top word pairs of a count store by an association measure, or the top collocates of one node " +
            "word (--word): one streaming pass over the store with bounded heaps. logDice ranks independently of corpus size, " +
            "g2 by significance, mi favours rare strong pairs, tscore frequent ones (docs/measures.md, 'Which measure when').",
            "For corpus-linguistic statistics count the store without --subsample."})
public final class CollocationsCommand implements Callable<Integer> {
    /** The measure of a collocation list when none is named: logDice, Sketch Engine's default. */
    static final String DEFAULT_MEASURE = "logdice";

    /** Gives {@code --measure} this verb's default instead of the PMI verbs'. */
    public static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o && o.longestName().equals("--measure") ? DEFAULT_MEASURE : null;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Mixin
    PmiOptionsMixin measure;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "How many pairs.")
    int top;

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "c",
            description = "Only pairs seen at least c times (f_xy >= c); rare pairs have unreliable scores.")
    double minCount;

    @Option(names = "--word", paramLabel = "WORD", description = "List the collocates of this node word only (word1 = WORD), as 'associates' does.")
    String word;

    @Option(names = "--stopwords", defaultValue = "none", paramLabel = "none|english|FILE",
            description = "Leave out pairs with a stop word (Lucene's English list, or one word per line of FILE).")
    String stopwords;

    @Option(names = "--min-length", defaultValue = "1", paramLabel = "N", description = "Leave out pairs with a word shorter than N characters.")
    int minLength;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|tsv|json",
            description = "table for people; tsv (a header, then word1, word2, pair count, score per line) or json for programs.")
    String format;

    @Option(names = "--json", description = "The same as --format json: one JSON object {measure, settings, node, collocations: [{word1, word2, pairCount, score}]}.")
    boolean json;

    @Mixin
    QueryPhrasesOption phrases;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String fmt = json ? "json" : format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("table") && !fmt.equals("tsv") && !fmt.equals("json")) {
            throw new UserException("--format must be table, tsv or json, not " + format);
        }
        if (top < 0) {
            throw new UserException("--top must be >= 0, not " + top);
        }
        try (PmiQueries q = PmiQueries.open(store, phrases.phrases)) {
            CountStoreDirectory dir = q.store();
            PairScorer scorer = measure.scorer(q);
            Collocations.Filter filter;
            try {
                filter = new Collocations.Filter(minCount, minLength, stopwords(stopwords, dir.vocabulary()));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            long t0 = System.nanoTime();
            List<Collocations.Collocation> list;
            String node = null;
            if (word != null) {
                int id = q.wordId(word);
                node = dir.vocabulary().word(id);
                list = Collocations.ofWord(scorer, id, top, filter);
            } else {
                list = Collocations.top(scorer, top, filter, run.threads());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            switch (fmt) {
                case "json" -> out.println(Collocations.toJson(scorer.measure().id(), scorer.describe(), node, list));
                case "tsv" -> {
                    out.println("word1\tword2\tpair_count\tscore");
                    for (Collocations.Collocation c : list) {
                        out.println(c.word1() + "\t" + c.word2() + "\t" + Collocations.number(c.pairCount()) + "\t"
                                + Collocations.number(c.score()));
                    }
                }
                default -> printTable(out, dir, scorer, list, node, seconds);
            }
            if (!fmt.equals("table")) {
                for (String w : warnings(scorer)) {
                    System.err.println("yuelao collocations: note: " + w);
                }
            }
        }
        return 0;
    }

    private void printTable(PrintWriter out, CountStoreDirectory dir, PairScorer scorer, List<Collocations.Collocation> list, String node,
            double seconds) {
        Vocabulary v = dir.vocabulary();
        out.printf(Locale.ROOT, "top %d %s by %s; pairs seen >= %s times%s%s (%s)%n", list.size(),
                node == null ? "collocations" : "collocates of '" + node + "'", scorer.describe(), Collocations.number(minCount),
                minLength > 1 ? ", words of >= " + minLength + " characters" : "", stopwords.equals("none") ? "" : ", stop words " + stopwords + " left out",
                ProgressLine.duration(seconds));
        out.printf(Locale.ROOT, "%4s  %-20s %-20s %10s %10s %10s %12s%n", "rank", "word1", "word2", "f_xy", "f_x", "f_y", scorer.measure().id());
        int rank = 1;
        for (Collocations.Collocation c : list) {
            String f = c.pairCount() == Math.rint(c.pairCount()) ? String.format(Locale.ROOT, "%,d", (long) c.pairCount())
                    : String.format(Locale.ROOT, "%,.3f", c.pairCount());
            out.printf(Locale.ROOT, "%4d  %-20s %-20s %10s %,10d %,10d %12.4f%n", rank++, c.word1(), c.word2(), f, v.count(c.id1()), v.count(c.id2()),
                    c.score());
        }
        printWarnings(out, scorer);
    }

    /** The stop words of {@code --stopwords} that the vocabulary holds. */
    static Set<String> stopwords(String spec, Vocabulary v) throws IOException {
        if (spec.equalsIgnoreCase("none")) {
            return Set.of();
        }
        CharArraySet set = Analyzers.stopSet(spec); // a missing or unreadable file: a one-line IOException naming it
        Set<String> out = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            if (set.contains(v.word(i))) {
                out.add(v.word(i));
            }
        }
        return out;
    }

    /** Notes on the store (e.g. subsampling) for a measure view; none for the PMI family. */
    static List<String> warnings(PairScorer scorer) {
        return scorer instanceof AssociationView a ? a.warnings() : List.of();
    }

    static void printWarnings(PrintWriter out, PairScorer scorer) {
        for (String w : warnings(scorer)) {
            out.println("note: " + w);
        }
    }
}
