package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.stage.CountSettings;
import yuelao.engine.stage.MergeStage;
import yuelao.core.ByteSize;

/** {@code yuelao merge}: exact merge of count stores of corpus parts. */
@Command(name = "merge", header = "Merge count stores of corpus parts, exactly.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Merge count stores of corpus parts into the store of the whole corpus (pair counts summed exactly).",
            "Exact, byte for byte, when the parts share one vocabulary (count each part with --vocab V).",
            "With different vocabularies, words are re-mapped and min-count is applied to the summed counts; that is exact only for parts counted with --min-count 1 --keep-oov-positions (see README)."})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "STORE", description = "Count stores to merge.")
    List<Path> stores;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "STORE", description = "Output store directory.")
    Path out;

    @Option(names = "--min-count", defaultValue = "0", paramLabel = "N", description = "Min-count for the merged vocabulary when vocabularies differ (0 = the largest of the parts').")
    long minCount;

    @Option(names = "--max-vocab", defaultValue = "0", paramLabel = "N", description = "Keep at most N words when vocabularies differ (0 = no limit).")
    int maxVocab;

    @Option(names = "--memory", defaultValue = "1g", paramLabel = "SIZE", description = "Memory budget of the merge buffer.")
    String memory;

    @Option(names = "--fan-in", defaultValue = "" + CountSettings.DEFAULT_FAN_IN, paramLabel = "K", description = "Most spill runs merged at once.")
    int fanIn;

    @Option(names = "--force", description = "Replace an existing count store that yuelao wrote.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Checks.outputDirectory(spec, this.out, yuelao.storage.counts.CountStore.DIRECTORY_KIND, force, stores);
        long t0 = System.nanoTime();
        MergeStage.Settings settings;
        try {
            settings = MergeStage.Settings.builder().minCount(minCount).maxVocab(maxVocab).memoryBytes(ByteSize.parse("--memory", memory)).fanIn(fanIn).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        MergeStage.Result r = MergeStage.merge(stores, this.out, force, settings);
        out.printf(Locale.ROOT, "merged %d stores (%s): %,d words, %,d stored CSR entries%n", stores.size(),
                r.sameVocabulary() ? "same vocabulary" : "vocabularies re-mapped by word", r.vocabulary().size(), r.nonZeros());
        out.println(r.exact() ? "exact: equals counting the concatenated corpus with the same settings"
                : "note: parts were counted with their own vocabularies (min-count > 1 or OOV deletion), so the merge is not exact; see README 'Exact merges'");
        out.printf(Locale.ROOT, "wrote %s in %s%n", this.out, ProgressLine.duration((System.nanoTime() - t0) / 1e9));
        return 0;
    }
}
