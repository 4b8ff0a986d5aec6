package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.lookup.ChroniclePairMap;
import yuelao.storage.lookup.ChronicleVocabularyMap;

/** {@code yuelao lookup-maps STORE}: persisted Chronicle Map look-ups for other processes. */
@Command(name = "lookup-maps", header = "Chronicle Map look-ups of a store, for other JVM processes.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Write Chronicle Map look-ups next to a count store, for other JVM processes that need random access " +
            "without loading the store: STORE/lookup/vocab.cmap (word -> id, count) and STORE/lookup/pairs.cmap (pair -> count).",
            "yuelao itself reads the CSR and vocab.bin, which are faster in-process (see benchmarks/RESULTS.md)."})
public final class LookupMapsCommand implements Callable<Integer> {
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
            Files.createDirectories(lookup);
            Path v = lookup.resolve("vocab.cmap"); // built beside and renamed over the old map: never deleted first
            ChronicleVocabularyMap.build(v, dir.vocabulary()).close();
            out.printf(Locale.ROOT, "wrote %s (%,d words)%n", v, dir.vocabulary().size());
            if (!noPairs) {
                Path p = lookup.resolve("pairs.cmap");
                ChroniclePairMap.build(p, dir.counts()).close();
                out.printf(Locale.ROOT, "wrote %s (%,d stored pairs)%n", p, dir.counts().nonZeros());
            }
        }
        out.printf(Locale.ROOT, "in %s%n", ProgressLine.duration((System.nanoTime() - t0) / 1e9));
        return 0;
    }
}
