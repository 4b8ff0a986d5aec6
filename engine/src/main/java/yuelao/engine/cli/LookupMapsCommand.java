package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.format.TempNames;
import yuelao.storage.lookup.ChroniclePairMap;
import yuelao.storage.lookup.ChronicleVocabularyMap;

/** {@code yuelao lookup-maps STORE}: persisted Chronicle Map look-ups for other processes. */
@Command(name = "lookup-maps", header = "Chronicle Map look-ups of a store, for other JVM processes.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Write Chronicle Map look-ups next to a count store, for other JVM processes that need random access " +
            "without loading the store: STORE/lookup/vocab.cmap (word -> id, count) and STORE/lookup/pairs.cmap (pair -> count).",
            "yuelao itself reads the CSR and vocab.bin, which are faster in-process (see benchmarks/RESULTS.md)."})
public final class LookupMapsCommand implements Callable<Integer> {
    private static final String VOCAB_MAP = "vocab.cmap";
    private static final String PAIR_MAP = "pairs.cmap";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Count store directory.")
    Path store;

    @Option(names = "--no-pairs", defaultValue = "false", description = "Write only the vocabulary map.")
    boolean noPairs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        try (CountStoreDirectory dir = CountStoreDirectory.open(store)) {
            Path lookup = store.resolve("lookup");
            TempNames.removeStale(lookup);
            // Both maps are built in a hidden staging folder and moved in only when both are complete: a failure or a
            // kill leaves the previous maps (or none), never one new map beside an old or missing other.
            Path staging = TempNames.sibling(lookup, TempNames.TMP);
            try {
                Files.createDirectories(staging);
                List<String> names = new ArrayList<>();
                ChronicleVocabularyMap.build(staging.resolve(VOCAB_MAP), dir.vocabulary()).close();
                names.add(VOCAB_MAP);
                if (!noPairs) {
                    ChroniclePairMap.build(staging.resolve(PAIR_MAP), dir.counts()).close();
                    names.add(PAIR_MAP);
                }
                Files.createDirectories(lookup);
                for (String n : names) { // each map renamed over the old one: never deleted first
                    Files.move(staging.resolve(n), lookup.resolve(n), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                TempNames.deleteRecursively(staging);
            }
            out.printf(Locale.ROOT, "wrote %s (%,d words)%n", lookup.resolve(VOCAB_MAP), dir.vocabulary().size());
            if (!noPairs) {
                out.printf(Locale.ROOT, "wrote %s (%,d stored pairs)%n", lookup.resolve(PAIR_MAP), dir.counts().nonZeros());
            }
        }
        out.printf(Locale.ROOT, "in %s%n", ProgressLine.duration((System.nanoTime() - t0) / 1e9));
        return 0;
    }
}
