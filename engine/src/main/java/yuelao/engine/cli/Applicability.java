package yuelao.engine.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.TrainSettings;

/**
 * Refuses options given on the command line that the run would ignore: a setting of another training method, of a
 * subword model when there is none, of the analyzer when a vocabulary is reused. One line naming the option and why;
 * silently ignoring it would let a user believe it took effect. Only options the user typed are checked; defaults
 * never are.
 */
final class Applicability {
    private Applicability() {}

    private static final Set<String> VOCABULARY = Set.of("--analyzer", "--stem", "--stopwords", "--min-token-length", "--max-token-length",
            "--min-count", "--max-vocab");
    private static final Set<String> CLOSED_FORM = Set.of("--power", "--cds", "--shift", "--iterations", "--oversample", "--balance");
    private static final Set<String> SGNS = Set.of("--sgns-epochs", "--sgns-lr", "--sgns-negatives", "--sgns-samples", "--sgns-offset",
            "--sgns-init", "--sgns-contexts", "--sgns-output");
    private static final Set<String> PMI = Set.of("--pmi-epochs", "--pmi-lr", "--x-max", "--alpha", "--weight", "--holdout", "--pmi-init",
            "--pmi-negatives", "--negative-weight", "--target", "--checkpoint-every", "--checkpoint-dir", "--resume");
    private static final Set<String> SUBWORD_SGNS = Set.of("--subword-lr", "--subword-negatives", "--subword-contexts-per-visit",
            "--subword-samples", "--subword-contexts", "--subword-noise-power", "--subword-blend");
    private static final Set<String> SUBWORD_PMI = Set.of("--subword-pmi-lr", "--subword-pmi-negatives", "--subword-pmi-batch");

    /** The long names of the options the user typed. */
    static List<String> typed(CommandSpec spec) {
        return spec.commandLine().getParseResult().matchedOptions().stream().map(OptionSpec::longestName).toList();
    }

    /** Reusing a vocabulary ({@code --vocab}) makes the analyzer and cut-off options meaningless. */
    static void vocabulary(CommandSpec spec, boolean reused) {
        if (!reused) {
            return;
        }
        for (String o : typed(spec)) {
            if (VOCABULARY.contains(o)) {
                throw new UserException(o + " does not apply with --vocab: the reused vocabulary keeps its own analyzer and cut-offs");
            }
        }
    }

    /** Every typed training or subword option must belong to the method and the subword model in force. */
    static void training(CommandSpec spec, TrainSettings t, SubwordSettings sw) {
        TrainSettings.Method m = t.method();
        boolean eigStart = m.closedForm() || (m == TrainSettings.Method.SGNS && t.sgns().eigInit())
                || (m == TrainSettings.Method.PMI && t.pmi().eigInit());
        for (String o : typed(spec)) {
            String why = null;
            if (SGNS.contains(o) && m != TrainSettings.Method.SGNS) {
                why = "applies to --method sgns";
            } else if (PMI.contains(o) && m != TrainSettings.Method.PMI) {
                why = "applies to --method pmi";
            } else if (CLOSED_FORM.contains(o) && !eigStart) {
                why = "applies to the closed forms and the eig start (--sgns-init eig, --pmi-init eig)";
            } else if (o.equals("--buckets") || (o.startsWith("--subword-") && !o.equals("--subword-epochs"))
                    || o.equals("--subword-epochs")) {
                if (sw == null) {
                    why = "applies to a subword model (--subwords MIN-MAX)";
                } else if (SUBWORD_SGNS.contains(o) && (sw.loss() != SubwordSettings.Loss.SGNS || sw.refinementEpochs() == 0)) {
                    why = "applies to the refinement with --subword-loss sgns and --subword-epochs > 0";
                } else if (SUBWORD_PMI.contains(o) && (sw.loss() != SubwordSettings.Loss.PMI || sw.refinementEpochs() == 0)) {
                    why = "applies to the refinement with --subword-loss pmi and --subword-epochs > 0";
                }
            }
            if (why != null) {
                String in = sw == null ? m.id() + " without subwords" : m.id() + " with subwords " + sw.minn() + "-" + sw.maxn()
                        + (sw.refinementEpochs() > 0 ? ", " + sw.loss().name().toLowerCase(java.util.Locale.ROOT) + " refinement" : "");
                throw new UserException(o + " " + why + "; this run uses " + in + ", so it would be ignored");
            }
        }
    }
}
