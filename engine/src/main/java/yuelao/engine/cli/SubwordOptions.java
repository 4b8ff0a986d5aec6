package yuelao.engine.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import yuelao.engine.subword.SubwordSettings;

/**
 * The subword model's options of {@code train}, {@code run} and {@code subwords}. Defaults: {@link RecipeDefaults}; the
 * ones that depend on the refinement or its loss are decided by {@link SubwordSettings}, as their help says.
 */
public final class SubwordOptions {
    @ArgGroup(validate = false, heading = "%nSubwords (vectors for unseen words; the fit, then an optional refinement):%n", order = 40)
    Fit fit = new Fit();

    @ArgGroup(validate = false, heading = "%nSubword refinement with --subword-loss sgns (fastText's objective over the counts):%n", order = 41)
    Sgns sgns = new Sgns();

    @ArgGroup(validate = false, heading = "%nSubword refinement with --subword-loss pmi (weighted squared error against shifted PPMI):%n", order = 42)
    Pmi pmi = new Pmi();

    static final class Fit {
        @Option(names = "--subwords", paramLabel = "MIN-MAX|none",
                description = {"Each word is its own id plus hashed character n-grams of length MIN..MAX (<word> with boundary markers;",
                    "the characters and their n-grams for smartcn/cjk); word vectors are sums of feature vectors, fitted to the",
                    "word-level vectors. Writes subwords.bin, so that queries compose vectors for unseen words. none = word vectors only."})
        String subwords;

        @Option(names = "--buckets", paramLabel = "N", description = "Hash buckets of the n-grams (only used ones are stored).")
        int buckets;

        @Option(names = "--subword-min-count", paramLabel = "c", description = "Keep an n-gram bucket only if at least c vocabulary words use it.")
        int minCount;

        @Option(names = "--subword-word", arity = "1", paramLabel = "true|false", description = "A word's own id is one of its features.")
        boolean includeWord;

        @Option(names = "--subword-fit", paramLabel = "unit|raw", description = "Fit the n-grams to the unit-length word vectors (directions) or to the raw ones.")
        String fit;

        @Option(names = "--subword-power", paramLabel = "q",
                description = "Closed forms: the eigenvalue weighting of the vectors the n-grams are fitted to (U diag(lambda)^q, in place of --power).")
        double power;

        @Option(names = "--subword-ridge", paramLabel = "r",
                description = "Ridge of the fit (larger = words lean more on shared n-grams). Default: 8, or 32 with the sgns refinement.")
        Double ridge;

        @Option(names = "--subword-fit-iterations", paramLabel = "N", description = "Conjugate-gradient iterations of the fit.")
        int fitIterations;

        @Option(names = "--subword-epochs", paramLabel = "E", description = "Passes of the refinement on the composed vectors after the fit; 0 = the fit alone.")
        int epochs;

        @Option(names = "--subword-loss", paramLabel = "sgns|pmi", description = "The refinement's loss.")
        String loss;

        @Option(names = "--subword-spectral-power", paramLabel = "p",
                description = {"At the end, map the table so that the word matrix's singular values s become c s^p (a linear map: compositions",
                    "stay sums); 1 = none. Default: 0.8 with the sgns refinement, else 1."})
        Double spectralPower;

        @Option(names = "--subword-drop-top", paramLabel = "D",
                description = "With that map, also remove the D strongest directions (all-but-the-top, not centred). Default: 1 with the sgns refinement, else 0.")
        Integer dropTop;
    }

    static final class Sgns {
        @Option(names = "--subword-lr", paramLabel = "eta", description = "Starting SGD rate, decayed linearly to 0 (fastText's 0.05).")
        double lr;

        @Option(names = "--subword-negatives", paramLabel = "k", description = "Negatives per observed pair.")
        int negatives;

        @Option(names = "--subword-contexts-per-visit", paramLabel = "B",
                description = "Contexts drawn per visit of a word's row (16 scores about .008 lower on SimLex; docs/experiments/subwords.md).")
        int contextsPerVisit;

        @Option(names = "--subword-samples", paramLabel = "s",
                description = "Positive events per epoch as a multiple of the pair mass X (1 = about one pass of fastText over the corpus).")
        double samples;

        @Option(names = "--subword-contexts", paramLabel = "zero|unit",
                description = "Start of the context table: zero (as fastText) or the unit-length vectors the n-grams were fitted to.")
        String contexts;

        @Option(names = "--subword-noise-power", paramLabel = "a", description = "Negatives drawn with probability n_j^a / sum n^a (fastText 0.5, word2vec 0.75).")
        double noisePower;

        @Option(names = "--subword-blend", paramLabel = "a",
                description = "Add the closed-form fit back with weight a (each table scaled to unit mean square composed norm first). Default: 0.4 with the sgns refinement, else 0.")
        Double blend;
    }

    static final class Pmi {
        @Option(names = "--subword-pmi-lr", paramLabel = "eta", description = "AdaGrad rate.")
        double lr;

        @Option(names = "--subword-pmi-negatives", paramLabel = "m", description = "Negatives per record.")
        int negatives;

        @Option(names = "--subword-pmi-batch", paramLabel = "B", description = "Records per refinement step of a word.")
        int batch;
    }

    /** The subword settings, or null for {@code --subwords none}. */
    SubwordSettings settings(int dim) {
        Fit f = fit;
        if (f.subwords == null || f.subwords.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            int[] range = SubwordSettings.parseRange(f.subwords);
            if (f.dropTop != null && f.dropTop >= dim) {
                throw new UserException("--subword-drop-top must be below --dim (" + dim + "), got " + f.dropTop);
            }
            return SubwordSettings.builder().ngrams(range[0], range[1]).buckets(f.buckets).minCount(f.minCount).includeWord(f.includeWord)
                    .unitFit(switch (f.fit) {
                        case "unit" -> true;
                        case "raw" -> false;
                        default -> throw new UserException("--subword-fit must be unit or raw, got " + f.fit);
                    })
                    .power(f.power).ridge(f.ridge).fitIterations(f.fitIterations).refinementEpochs(f.epochs).loss(SubwordSettings.Loss.parse(f.loss))
                    .spectralPower(f.spectralPower).dropTop(f.dropTop)
                    .sgnsLr(sgns.lr).sgnsNegatives(sgns.negatives).pmiLr(pmi.lr).pmiNegatives(pmi.negatives).contextsPerVisit(sgns.contextsPerVisit).samples(sgns.samples)
                    .contexts(SubwordSettings.Contexts.parse(sgns.contexts)).noisePower(sgns.noisePower).blend(sgns.blend)
                    .pmiBatch(pmi.batch).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
