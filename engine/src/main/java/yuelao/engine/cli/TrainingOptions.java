package yuelao.engine.cli;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import yuelao.engine.train.Checkpointing;
import yuelao.engine.train.ClosedFormSettings;
import yuelao.engine.train.PmiSettings;
import yuelao.engine.train.SgnsSettings;
import yuelao.engine.train.TrainSettings;

/**
 * The word-level training options of {@code train} and {@code run}, one group per method; every option belongs to one
 * method and means one thing. Defaults: {@link RecipeDefaults}; the two that depend on {@code --sgns-contexts} are
 * decided by {@link SgnsSettings}.
 */
public final class TrainingOptions {
    @ArgGroup(validate = false, heading = "%nWord vectors:%n", order = 30)
    General general = new General();

    @ArgGroup(validate = false, heading = "%nClosed forms (--method eig, svd; also the eig start of sgns and pmi):%n", order = 31)
    ClosedForm closedForm = new ClosedForm();

    @ArgGroup(validate = false, heading = "%n--method sgns: word2vec's negative-sampling loss over the counts:%n", order = 32)
    Sgns sgns = new Sgns();

    @ArgGroup(validate = false, heading = "%n--method pmi: the seed's weighted least squares on PMI by AdaGrad:%n", order = 33)
    Pmi pmi = new Pmi();

    static final class General {
        @Option(names = "--method", paramLabel = "eig|svd|pmi|sgns",
                description = {"eig: top positive eigen-directions of PPMI (closed form); svd: top singular directions;",
                    "pmi: the seed's weighted least squares by AdaGrad; sgns: word2vec's negative-sampling loss over the counts."})
        String method;

        @Option(names = "--dim", paramLabel = "D", description = "Vector dimension.")
        int dim;

        @Option(names = "--seed", paramLabel = "S", description = "Random seed (subsampling, the subspace start, every sampled choice).")
        long seed;
    }

    static final class ClosedForm {
        @Option(names = "--power", paramLabel = "p", description = "Eigenvalue weighting, V = U diag(lambda)^p.")
        double power;

        @Option(names = "--cds", paramLabel = "a", description = "Context-distribution smoothing of the PPMI matrix (both sides).")
        double cds;

        @Option(names = "--shift", paramLabel = "k", description = "Shifted PPMI, log k subtracted.")
        double shift;

        @Option(names = "--iterations", paramLabel = "N", description = "Subspace iterations.")
        int iterations;

        @Option(names = "--oversample", paramLabel = "N", description = "Extra block columns.")
        int oversample;

        @Option(names = "--balance", paramLabel = "a",
                description = "Frequency balancing: factorize D^a M D^a, D = diag(n_i / n_max), then V = D^-a U diag(lambda)^p (a weighted fit, weight (n_i n_j)^(2a)).")
        double balance;
    }

    static final class Sgns {
        @Option(names = "--sgns-epochs", paramLabel = "E", description = "Epochs of --sgns-samples X drawn pairs.")
        int epochs;

        @Option(names = "--sgns-lr", paramLabel = "eta",
                description = "Starting SGD rate, decayed linearly. Default: " + SgnsSettings.SHARED_LR + ", or " + SgnsSettings.SEPARATE_LR
                        + " with separate --sgns-contexts.")
        Double lr;

        @Option(names = "--sgns-negatives", paramLabel = "k", description = "Negative events per observed one.")
        int negatives;

        @Option(names = "--sgns-samples", paramLabel = "s",
                description = "Observed pairs drawn per epoch (probability x_ij / X), as a multiple of the pair mass X. Default: "
                        + SgnsSettings.SHARED_SAMPLES + ", or " + SgnsSettings.SEPARATE_SAMPLES + " with separate --sgns-contexts.")
        Double samples;

        @Option(names = "--sgns-offset", paramLabel = "b", description = "b in the logit z = <v_i, v_j> - log k + b.")
        double offset;

        @Option(names = "--sgns-init", paramLabel = "eig|random", description = "Start from the eig vectors, or Uniform(-0.5/d, 0.5/d).")
        String init;

        @Option(names = "--sgns-contexts", paramLabel = "shared|start|zero",
                description = {"One shared table (z = <v_i, v_j> - log k + b), or a separate context table C as word2vec's syn1neg,",
                    "z_ij = <w_i, c_j> - log k + b: start = the counterpart of the eig start (C = Q diag(lambda)^(1-p)), zero = C = 0."})
        String contexts;

        @Option(names = "--sgns-output", paramLabel = "w|w+c", description = "With separate contexts: write the word table W (word2vec's output) or W + C.")
        String output;
    }

    static final class Pmi {
        @Option(names = "--pmi-epochs", paramLabel = "E", description = "Passes over the observed pairs.")
        int epochs;

        @Option(names = "--pmi-lr", paramLabel = "eta", description = "AdaGrad learning rate.")
        double lr;

        @Option(names = "--x-max", paramLabel = "x", description = "x_max of the weight (x/x_max)^alpha.")
        double xMax;

        @Option(names = "--alpha", paramLabel = "a", description = "alpha of the weight.")
        double alpha;

        @Option(names = "--weight", paramLabel = "truncated|untruncated", description = "min(1, (x/x_max)^alpha) or not.")
        String weight;

        @Option(names = "--holdout", paramLabel = "f", description = "Seeded fraction of observed pairs kept out, for held-out RMSE.")
        double holdout;

        @Option(names = "--pmi-init", paramLabel = "random|eig", description = "The seed's Uniform(-0.5/d, 0.5/d) start, or the eig vectors.")
        String init;

        @Option(names = "--pmi-negatives", paramLabel = "m",
                description = "Per record, m words drawn by n^0.75 pulled towards their PPMI with the first word (0 if unseen); 0 = the seed's objective.")
        int negatives;

        @Option(names = "--negative-weight", paramLabel = "w", description = "Weight of a negative's squared error.")
        double negativeWeight;

        @Option(names = "--target", paramLabel = "pmi|ppmi", description = "Fit PMI (the seed's objective) or PPMI.")
        String target;

        @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "E",
                description = "Write a checkpoint (vectors, AdaGrad state, epoch) after every E epochs and after the last; 0 = none. The newest two are kept.")
        int checkpointEvery;

        @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Where checkpoints go. Default: VECTORS.checkpoints beside the output.")
        Path checkpointDir;

        @Option(names = "--resume", paramLabel = "CHECKPOINT",
                description = "Continue from a checkpoint file, or the newest in a checkpoint directory. Same settings give the same vectors, byte for byte, as an uninterrupted run.")
        Path resume;
    }

    /** The random seed (also the counting seed of {@code run}). */
    long seed() {
        return general.seed;
    }

    /** The settings these options describe. */
    TrainSettings settings(int threads) {
        try {
            ClosedForm c = closedForm;
            Sgns s = sgns;
            Pmi p = pmi;
            return TrainSettings.builder().method(TrainSettings.Method.parse(general.method)).dim(general.dim).seed(general.seed).threads(threads)
                    .closedForm(ClosedFormSettings.builder().power(c.power).cds(c.cds).shift(c.shift).iterations(c.iterations)
                            .oversample(c.oversample).balance(c.balance).build())
                    .sgns(SgnsSettings.builder().epochs(s.epochs).lr(s.lr).negatives(s.negatives).samples(s.samples).offset(s.offset)
                            .eigInit(init(s.init, "--sgns-init")).contexts(SgnsSettings.Contexts.parse(s.contexts))
                            .sumOutput(choice(s.output, "--sgns-output", "w+c", "w")).build())
                    .pmi(PmiSettings.builder().epochs(p.epochs).lr(p.lr).xMax(p.xMax).alpha(p.alpha)
                            .truncatedWeight(choice(p.weight, "--weight", "truncated", "untruncated")).holdout(p.holdout)
                            .eigInit(init(p.init, "--pmi-init")).negatives(p.negatives).negativeWeight(p.negativeWeight)
                            .ppmiTargets(choice(p.target, "--target", "ppmi", "pmi")).build())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    private static boolean init(String s, String option) {
        return choice(s, option, "eig", "random");
    }

    /** True for {@code yes}, false for {@code no}; anything else is a one-line error naming the option. */
    private static boolean choice(String s, String option, String yes, String no) {
        if (s.equals(yes)) {
            return true;
        }
        if (s.equals(no)) {
            return false;
        }
        throw new UserException(option + " must be " + yes + " or " + no + ", got " + s);
    }

    /** Checkpoint settings for an output directory. */
    Checkpointing checkpointing(Path out) {
        Pmi p = pmi;
        try {
            return new Checkpointing(p.checkpointDir != null ? p.checkpointDir : Checkpointing.defaultDir(out), p.checkpointEvery, p.resume);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** What training reads besides the store (never to be replaced by its output). */
    java.util.List<Path> inputs(Path store) {
        java.util.List<Path> in = new java.util.ArrayList<>();
        if (store != null) {
            in.add(store);
        }
        if (pmi.resume != null) {
            in.add(pmi.resume);
        }
        return in;
    }
}
