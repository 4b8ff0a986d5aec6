package yuelao.engine.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import yuelao.engine.train.TrainOptions;
import yuelao.engine.train.TrainingStage;

/** The training options shared by {@code train} and {@code run}. */
public final class TrainingOptions {
    @Option(names = "--method", defaultValue = "eig", paramLabel = "eig|svd|pmi|sgns",
            description = {"eig: top positive eigen-directions of PPMI (closed form); svd: top singular directions; pmi: the seed's weighted least squares by AdaGrad;",
                "sgns: word2vec's negative-sampling loss over the counts, shared vectors: sum x_ij log(1+exp(-z_ij)) + k sum_i x_i* sum_j P_n(j) log(1+exp(z_ij)),",
                "z = <v_i,v_j> - log k + b, P_n ~ n^0.75; SGD on pairs drawn by x_ij (sgns defaults: --init eig --epochs 1 --lr 0.01 --negatives 5);",
                "with --contexts start|zero a separate context table, z = <w_i,c_j> - log k + b (word2vec's two tables)."})
    String method;

    @Option(names = "--dim", defaultValue = "100", paramLabel = "D", description = "Vector dimension.")
    int dim;

    @Option(names = "--power", defaultValue = "0.5", paramLabel = "p", description = "eig/svd: eigenvalue weighting, V = U diag(lambda)^p.")
    double power;

    @Option(names = "--cds", defaultValue = "0.75", paramLabel = "a", description = "eig/svd: context-distribution smoothing of the PPMI matrix (both sides).")
    double cds;

    @Option(names = "--shift", defaultValue = "1", paramLabel = "k", description = "eig/svd: shifted PPMI, log k subtracted.")
    double shift;

    @Option(names = "--iterations", defaultValue = "12", paramLabel = "N", description = "eig/svd: subspace iterations.")
    int iterations;

    @Option(names = "--oversample", defaultValue = "40", paramLabel = "N", description = "eig/svd: extra block columns.")
    int oversample;

    @Option(names = "--balance", defaultValue = "0", paramLabel = "a",
            description = "eig/svd: frequency balancing; factorize D^a M D^a, D = diag(n_i / n_max), then V = D^-a U diag(lambda)^p (a weighted fit, weight (n_i n_j)^(2a)).")
    double balance;

    @Option(names = "--samples", defaultValue = "0.5", paramLabel = "s",
            description = "sgns: observed pairs drawn per epoch (with probability x_ij / X), as a multiple of the total pair mass X (default 0.5; 2 with separate --contexts).")
    double samples;

    @Option(names = "--sgns-offset", defaultValue = "0", paramLabel = "b", description = "sgns: b in the logit z = <v_i, v_j> - log k + b.")
    double sgnsOffset;

    @Option(names = "--contexts", defaultValue = "shared", paramLabel = "shared|start|zero",
            description = {"sgns: one shared table (z = <v_i, v_j> - log k + b), or a separate context table C as word2vec's syn1neg:",
                "z_ij = <w_i, c_j> - log k + b, an observed or negative event (i, j) updates w_i and c_j. start: C begins at the counterpart",
                "of the start (eig: W = Q diag(lambda)^p, C = Q diag(lambda)^(1-p), so W C^T = Q diag(lambda) Q^T; random: its own draw); zero: C = 0.",
                "Separate contexts change the sgns defaults to --lr 0.025 --samples 2 (docs/experiments/quality.md)."})
    String contexts;

    @Option(names = "--sgns-output", defaultValue = "w+c", paramLabel = "w|w+c", description = "sgns with separate --contexts: write the word table W (word2vec's output) or W + C.")
    String output;

    @Option(names = "--epochs", defaultValue = "30", paramLabel = "E", description = "pmi: passes over the observed pairs; sgns: epochs of --samples X drawn pairs (sgns default 1).")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.1", paramLabel = "eta", description = "pmi: AdaGrad learning rate; sgns: starting SGD rate, decayed linearly (sgns default 0.01; 0.025 with separate --contexts).")
    double lr;

    @Option(names = "--x-max", defaultValue = "100", paramLabel = "x", description = "pmi: weight (x/x_max)^alpha.")
    double xMax;

    @Option(names = "--alpha", defaultValue = "0.75", paramLabel = "a", description = "pmi: weight exponent.")
    double alpha;

    @Option(names = "--weight", defaultValue = "truncated", paramLabel = "truncated|untruncated", description = "pmi: min(1, (x/x_max)^alpha) or not.")
    String weight;

    @Option(names = "--holdout", defaultValue = "0", paramLabel = "f", description = "pmi: seeded fraction of observed pairs kept out, for held-out RMSE.")
    double holdout;

    @Option(names = "--init", defaultValue = "random", paramLabel = "random|eig", description = "pmi/sgns: METHOD.md\'s Uniform(-0.5/d, 0.5/d) start, or the eig vectors (--power/--shift/--cds/--balance apply; sgns default eig).")
    String init;

    @Option(names = "--negatives", defaultValue = "0", paramLabel = "m",
            description = "pmi: per record, m words drawn by n^0.75 pulled towards their PPMI with the first word (0 if unseen); 0 = METHOD.md's objective. sgns: k (sgns default 5).")
    int negatives;

    @Option(names = "--negative-weight", defaultValue = "1", paramLabel = "w", description = "pmi: weight of a negative's squared error.")
    double negativeWeight;

    @Option(names = "--target", defaultValue = "pmi", paramLabel = "pmi|ppmi", description = "pmi: fit PMI (METHOD.md) or PPMI.")
    String target;

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "E",
            description = "pmi: write a checkpoint (vectors, AdaGrad state, epoch) after every E epochs and after the last; 0 = none. The newest two are kept.")
    int checkpointEvery;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Where checkpoints go (default: VECTORS.checkpoints beside the output).")
    Path checkpointDir;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "pmi: continue from a checkpoint file, or the newest in a checkpoint directory. Same settings give the same vectors, byte for byte, as an uninterrupted run.")
    Path resume;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed.")
    long seed;

    @Option(names = "--subwords", paramLabel = "MIN-MAX",
            description = "Subword model ('none' = off): each word is its own id plus hashed character n-grams of length MIN..MAX (<word> with boundary markers; the characters and their n-grams for smartcn/cjk); word vectors are sums of feature vectors, fitted to the --method vectors. Writes subwords.bin, so that queries compose vectors for unseen words.")
    String subwords;

    @Option(names = "--buckets", defaultValue = "2000000", paramLabel = "N", description = "subwords: hash buckets of the n-grams (only used ones are stored).")
    int buckets;

    @Option(names = "--subword-min-count", defaultValue = "1", paramLabel = "c", description = "subwords: keep an n-gram bucket only if at least c vocabulary words use it.")
    int subwordMinCount;

    @Option(names = "--subword-word", defaultValue = "true", arity = "1", paramLabel = "true|false", description = "subwords: a word's own id is one of its features.")
    boolean subwordWord;

    @Option(names = "--subword-fit", defaultValue = "unit", paramLabel = "unit|raw", description = "subwords: fit the n-grams to the unit-length word vectors (directions) or to the raw ones.")
    String subwordFit;

    @Option(names = "--subword-power", defaultValue = "0", paramLabel = "q",
            description = "subwords, eig/svd: the eigenvalue weighting of the word vectors the n-grams are fitted to (U diag(lambda)^q; the --power of the word vectors themselves is replaced).")
    double subwordPower;

    @Option(names = "--subword-ridge", paramLabel = "r",
            description = "subwords: ridge of the fit (larger = words lean more on shared n-grams); default 8, or 32 with sgns --subword-epochs (docs/experiments/subwords.md).")
    Double subwordRidge;

    @Option(names = "--subword-fit-iterations", defaultValue = "60", paramLabel = "N", description = "subwords: conjugate-gradient iterations of the fit.")
    int subwordFitIterations;

    @Option(names = "--subword-epochs", defaultValue = "0", paramLabel = "E",
            description = "subwords: passes of the refinement on the composed vectors after the fit (Hogwild over threads: deterministic with --threads 1 only); 0 = fit only.")
    int subwordEpochs;

    @Option(names = "--subword-loss", defaultValue = "sgns", paramLabel = "sgns|pmi",
            description = {"subwords: the refinement's loss. sgns: fastText's skip-gram negative sampling over the counts, composed word vectors against a context table,",
                "sum x_ij log(1+exp(-<v_i,c_j>)) + k sum_i x_i* sum_j P_n(j) log(1+exp(<v_i,c_j>)), SGD with a linearly decaying rate;",
                "pmi: METHOD.md's weighted squared error against shifted PPMI (AdaGrad)."})
    String subwordLoss;

    @Option(names = "--subword-lr", paramLabel = "eta", description = "subwords: rate of the refinement (default: sgns 0.05, starting SGD rate, fastText's; pmi 0.02, AdaGrad).")
    Double subwordLr;

    @Option(names = "--subword-negatives", paramLabel = "m", description = "subwords: negatives per observed pair (default: sgns 5, pmi 2).")
    Integer subwordNegatives;

    @Option(names = "--subword-samples", defaultValue = "1", paramLabel = "s",
            description = "subwords, sgns: positive events per epoch as a multiple of the pair mass X (1 = about one pass of fastText over the corpus).")
    double subwordSamples;

    @Option(names = "--subword-contexts", defaultValue = "zero", paramLabel = "zero|unit",
            description = "subwords, sgns: start of the context table: zero (as fastText) or the unit-length vectors the n-grams were fitted to.")
    String subwordContexts;

    @Option(names = "--subword-noise-power", defaultValue = "0.5", paramLabel = "a",
            description = "subwords, sgns: negatives drawn with probability n_j^a / sum n^a (fastText 0.5, word2vec 0.75).")
    double subwordNoisePower;

    @Option(names = "--subword-blend", paramLabel = "a",
            description = "subwords, sgns: add the closed-form fit back with weight a (each table scaled to unit mean square composed norm first); 0 = the trained table alone; default 0.4 with --subword-epochs.")
    Double subwordBlend;

    @Option(names = "--subword-spectral-power", paramLabel = "p",
            description = "subwords: at the end, map the table so that the word matrix's singular values s become c s^p (its directions kept; a linear map, so compositions stay sums); 1 = none; default 0.8 with sgns --subword-epochs.")
    Double subwordSpectralPower;

    @Option(names = "--subword-drop-top", paramLabel = "D",
            description = "subwords: with that map, also remove the D strongest directions of the word matrix (all-but-the-top, not centred); default 1 with sgns --subword-epochs, else 0.")
    Integer subwordDropTop;

    @Option(names = "--subword-batch", paramLabel = "B",
            description = "subwords: pmi, records per refinement step of a word (default 32); sgns, contexts drawn per visit of a word's row (default 12; 16 scores about .008 lower on SimLex, docs/experiments/subwords.md).")
    Integer subwordBatch;

    /** The subword settings, or null without --subwords (or with {@code --subwords none}). */
    yuelao.engine.train.SubwordOptions subwordOptions() {
        if (subwords == null || subwords.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            int[] r = yuelao.engine.train.SubwordOptions.parseRange(subwords);
            yuelao.engine.train.SubwordOptions.Loss loss = switch (subwordLoss) {
                case "sgns" -> yuelao.engine.train.SubwordOptions.Loss.SGNS;
                case "pmi" -> yuelao.engine.train.SubwordOptions.Loss.PMI;
                default -> throw new UserException("--subword-loss must be sgns or pmi, got " + subwordLoss);
            };
            boolean sgns = loss == yuelao.engine.train.SubwordOptions.Loss.SGNS;
            boolean sgnsRefined = sgns && subwordEpochs > 0; // the measured recipe: ridge 32, rate .05, 12 contexts per visit, blend .4, spectrum .8 minus the top
            yuelao.engine.train.SubwordOptions.Contexts contexts = switch (subwordContexts) {
                case "zero" -> yuelao.engine.train.SubwordOptions.Contexts.ZERO;
                case "unit" -> yuelao.engine.train.SubwordOptions.Contexts.UNIT;
                default -> throw new UserException("--subword-contexts must be zero or unit, got " + subwordContexts);
            };
            var refinement = new yuelao.engine.train.SubwordOptions.Refinement(loss, subwordEpochs,
                    subwordLr != null ? subwordLr : sgns ? 0.05 : 0.02, subwordNegatives != null ? subwordNegatives : sgns ? 5 : 2,
                    subwordBatch != null ? subwordBatch : sgns ? 12 : 32,
                    subwordSamples, contexts, subwordNoisePower, subwordBlend != null ? subwordBlend : sgnsRefined ? 0.4 : 0);
            if (subwordDropTop != null && subwordDropTop >= dim) {
                throw new UserException("--subword-drop-top must be below --dim (" + dim + "), got " + subwordDropTop);
            }
            return new yuelao.engine.train.SubwordOptions(r[0], r[1], buckets, subwordMinCount, subwordWord,
                    switch (subwordFit) {
                        case "unit" -> true;
                        case "raw" -> false;
                        default -> throw new UserException("--subword-fit must be unit or raw, got " + subwordFit);
                    }, subwordPower, subwordRidge != null ? subwordRidge : sgnsRefined ? 32 : 8, subwordFitIterations, refinement,
                    new yuelao.engine.train.SubwordOptions.Spectrum(subwordSpectralPower != null ? subwordSpectralPower : sgnsRefined ? 0.8 : 1,
                            subwordDropTop != null ? subwordDropTop : sgnsRefined ? 1 : 0));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    static boolean parseInit(String s) {
        return switch (s) {
            case "random" -> false;
            case "eig" -> true;
            default -> throw new UserException("--init must be random or eig, got " + s);
        };
    }

    static TrainOptions.Contexts parseContexts(String s) {
        try {
            return TrainOptions.Contexts.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    static boolean parseOutput(String s) {
        return switch (s) {
            case "w" -> false;
            case "w+c" -> true;
            default -> throw new UserException("--sgns-output must be w or w+c, got " + s);
        };
    }

    static boolean parseTarget(String s) {
        return switch (s) {
            case "pmi" -> false;
            case "ppmi" -> true;
            default -> throw new UserException("--target must be pmi or ppmi, got " + s);
        };
    }

    @Option(names = "--eval-similarity", arity = "1..*", paramLabel = "FILE",
            description = "Word-similarity sets (word1 word2 score) scored after each epoch (pmi) or at the end (eig/svd): Spearman rho of cosine.")
    java.util.List<Path> evalSimilarity = new java.util.ArrayList<>();

    @Option(names = "--eval-analogy", arity = "1..*", paramLabel = "FILE",
            description = "Analogy sets (word2vec questions-words format) scored the same way: 3CosAdd over the 30,000 most frequent words, question words excluded.")
    java.util.List<Path> evalAnalogy = new java.util.ArrayList<>();

    /** The evaluator of the --eval-* files, or null when none is given. */
    TrainingStage.Evaluator evaluator(int threads) {
        if (evalSimilarity.isEmpty() && evalAnalogy.isEmpty()) {
            return null;
        }
        for (Path f : concat()) {
            if (!java.nio.file.Files.isRegularFile(f)) {
                throw new UserException(f + ": no such evaluation file");
            }
        }
        return (vocabulary, vectors, dim) -> {
            yuelao.engine.query.WordVectors wv = yuelao.engine.query.WordVectors.of(java.util.List.of(vocabulary.words()), vectors, dim);
            yuelao.engine.query.Evaluation.Report r = yuelao.engine.query.Evaluation.evaluate(wv, evalSimilarity, evalAnalogy, 30_000,
                    yuelao.engine.query.Analogy.Method.ADD, threads);
            StringBuilder sb = new StringBuilder();
            for (var s : r.similarity()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.3f", s.name(), s.rho()));
            }
            for (var a : r.analogy()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.1f%% (%d answerable)", a.name(),
                        100 * a.accuracy(), a.answerable()));
            }
            return sb.toString();
        };
    }

    private java.util.List<Path> concat() {
        java.util.List<Path> all = new java.util.ArrayList<>(evalSimilarity);
        all.addAll(evalAnalogy);
        return all;
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The settings these options describe. */
    TrainOptions options(int threads) {
        if (!weight.equals("truncated") && !weight.equals("untruncated")) {
            throw new UserException("--weight must be truncated or untruncated, got " + weight);
        }
        TrainOptions.Method m = TrainOptions.Method.parse(method);
        int epochs = this.epochs;
        double lr = this.lr;
        int negatives = this.negatives;
        double samples = this.samples;
        String init = this.init;
        if (m == TrainOptions.Method.SGNS) { // sgns defaults (measured in docs/experiments/quality.md), unless given
            picocli.CommandLine.ParseResult pr = mixee.commandLine().getParseResult();
            epochs = pr.hasMatchedOption("--epochs") ? epochs : 1;
            lr = pr.hasMatchedOption("--lr") ? lr : 0.01;
            negatives = pr.hasMatchedOption("--negatives") ? negatives : 5;
            init = pr.hasMatchedOption("--init") ? init : "eig";
            if (!contexts.equals("shared")) { // separate contexts: the measured best rate and length
                lr = pr.hasMatchedOption("--lr") ? lr : 0.025;
                samples = pr.hasMatchedOption("--samples") ? samples : 2;
            }
            if (negatives < 1) {
                throw new UserException("--method sgns needs --negatives >= 1");
            }
        }
        TrainOptions o = new TrainOptions(m, dim, power, cds, shift, iterations, oversample, epochs, lr, xMax, alpha,
                weight.equals("truncated"), seed, threads, holdout, parseInit(init), negatives, negativeWeight, parseTarget(target), balance,
                samples, sgnsOffset, parseContexts(contexts), parseOutput(output));
        if (o.contexts() != TrainOptions.Contexts.SHARED && m != TrainOptions.Method.SGNS) {
            throw new UserException("--contexts applies to --method sgns");
        }
        if ((checkpointEvery > 0 || resume != null) && o.method() != TrainOptions.Method.PMI) {
            throw new UserException("--checkpoint-every and --resume apply to the iterative --method pmi; " + o.method().id()
                    + (o.method() == TrainOptions.Method.SGNS ? " runs in about a minute and has no checkpoints" : " is a closed form with nothing to resume"));
        }
        return o;
    }

    /** Checkpoint settings for an output directory. */
    TrainingStage.Checkpointing checkpointing(Path out) {
        Path dir = checkpointDir != null ? checkpointDir : TrainingStage.defaultCheckpointDir(out);
        return new TrainingStage.Checkpointing(dir, checkpointEvery, resume);
    }

    /** What training reads besides the store: never to be replaced by its output. */
    java.util.List<Path> inputs(Path store) {
        java.util.List<Path> in = new java.util.ArrayList<>();
        if (store != null) {
            in.add(store);
        }
        if (resume != null) {
            in.add(resume);
        }
        in.addAll(concat());
        return in;
    }

    long seed() {
        return seed;
    }
}
