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
import yuelao.engine.query.HnswBuild;
import yuelao.engine.query.IndexSettings;
import yuelao.engine.query.WordVectors;
import yuelao.engine.vectors.VectorsDirectory;

/** {@code yuelao index VECTORS}: builds the approximate nearest-neighbour index beside the vectors. */
@Command(name = "index", header = "Build the nearest-neighbour index (HNSW) of vectors.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Build the HNSW graph of the vectors (Lucene's own HNSW, cosine) and store it beside them as hnsw.bin.",
            "nearest, the server and the library then use it for cosine searches over large vocabularies (nearest --ann forces it).",
            "Scores stay exact; only which words are found may differ from an exact search (recall@10: benchmarks/RESULTS.md)."})
public final class IndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory (or a run directory: its vectors/).")
    Path vectors;

    @Option(names = "--m", defaultValue = "" + IndexSettings.DEFAULT_M, paramLabel = "M",
            description = "Neighbours per node (2 M on the bottom level): more raises recall, memory and build time.")
    int m;

    @Option(names = "--beam-width", defaultValue = "" + IndexSettings.DEFAULT_BEAM_WIDTH, paramLabel = "N",
            description = "Candidates considered while inserting a node (efConstruction).")
    int beamWidth;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the levels (with one thread the graph is the same on every run).")
    long seed;

    @Option(names = {"-t", "--threads"}, defaultValue = "1", paramLabel = "N",
            description = "Building threads; more than one is faster, and the graph then depends on their timing.")
    int threads;

    @Option(names = "--force", description = "Replace an existing hnsw.bin.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        IndexSettings s;
        try {
            s = IndexSettings.builder().maxConn(m).beamWidth(beamWidth).seed(seed).threads(threads).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Path dir = VectorsDirectory.resolve(vectors);
        if (!force && Files.exists(dir.resolve(yuelao.storage.vectors.GraphFile.FILE_NAME))) {
            throw new UserException(dir.resolve(yuelao.storage.vectors.GraphFile.FILE_NAME) + ": already exists (use --force to rebuild it)");
        }
        WordVectors wv = WordVectors.open(dir);
        ProgressLine progress = new ProgressLine(System.err, quiet);
        long t0 = System.nanoTime();
        HnswBuild.Built b = HnswBuild.build(wv, s, n -> {
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = n / Math.max(secs, 1e-9);
            String eta = n > 0 && n < wv.size() ? ", ETA " + ProgressLine.duration((wv.size() - n) / rate) : "";
            progress.update(String.format(Locale.ROOT, "index: %s of %s nodes (%s/s%s)", ProgressLine.si(n), ProgressLine.si(wv.size()),
                    ProgressLine.si(rate), eta));
        });
        progress.done();
        Path file = VectorsDirectory.writeGraph(dir, b.graph(), b.properties(), force);
        out.printf(Locale.ROOT, "indexed %,d words x %d in %s: %s (%s; M %d, beam width %d, %d levels, %s)%n", wv.size(), wv.dim(),
                ProgressLine.duration(b.seconds()), file, ProgressLine.bytes(Files.size(file)), s.maxConn(), s.beamWidth(), b.graph().levels(),
                s.threads() == 1 ? "seed " + s.seed() : s.threads() + " threads");
        return 0;
    }
}
