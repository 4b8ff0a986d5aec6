package yuelao.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.cli.CorpusOptions;
import yuelao.engine.cli.CountingOptions;
import yuelao.engine.cli.Summaries;
import yuelao.engine.cli.UserException;

/**
 * {@code yuelao-spark count}: {@code ./yuelao count} as a Spark job, with the same options (the engine's own option
 * groups and defaults) plus how the work is cut. Runs in the Spark context of {@code spark-submit} (or one already
 * active in the JVM, which it leaves running).
 */
@Command(name = "count", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        customSynopsis = "spark-submit --class yuelao.spark.SparkMain yuelao-spark.jar count -i URI... -o STORE [OPTIONS]",
        description = {"Stage 2 on a Spark cluster: the same count store as './yuelao count' (byte for byte) for the same corpus and options.",
            "Paths are Hadoop file system URIs (local, hdfs://, s3a:// where the cluster has the connector). A line belongs to the split " +
            "where it starts; a gzip file is read whole by one task, so give many files or plain text for parallel reading.",
            "--memory is the counting buffers' budget of one task (at most a third of the executor heap per core). See docs/spark.md."})
public final class SparkCountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final JavaSparkContext given;

    /** @param context a running context to use (left running), or null to make one from spark-submit's settings */
    SparkCountCommand(JavaSparkContext context) {
        this.given = context;
    }

    @Mixin
    CorpusOptions corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "STORE",
            description = "Output store directory (written by the driver: a local path, or a Hadoop URI it uploads to).")
    String out;

    @Mixin
    CountingOptions counting;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the subsampling draws.")
    long seed;

    @Option(names = "--force", description = "Replace an existing count store that yuelao wrote.")
    boolean force;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Input splits wanted (0: twice the default parallelism); each gzip file is one split.")
    int partitions;

    @Option(names = "--row-blocks", paramLabel = "N", defaultValue = "0",
            description = "Reducers, each merging a range of rows of the matrix (0: as many as input splits, at least the default parallelism).")
    int rowBlocks;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkCountJob job;
        if (corpus.settings().phrases() != null) {
            // the executors read with the analyzer alone; joining would need the table shipped to every task
            throw new UserException("--phrases is not supported by yuelao-spark count yet: join the phrases with ./yuelao count --phrases, "
                    + "or count the corpus without them");
        }
        try {
            job = SparkCountJob.builder().inputs(corpus.inputs()).vocabulary(corpus.settings())
                    .reuseVocabulary(counting.vocab() == null ? null : counting.vocab().toString()).counting(counting.settings(seed))
                    .partitions(partitions).rowBlocks(rowBlocks).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        JavaSparkContext sc = given != null ? given
                : new JavaSparkContext(new SparkConf().setAppName("yuelao count").setIfMissing("spark.master", "local[*]"));
        try {
            SparkCounting.Result r = SparkCounting.run(sc, job, this.out, force, line -> {
                if (!quiet) {
                    System.err.println("yuelao-spark: " + line);
                }
            });
            Summaries.printCount(out, r.counting(), java.nio.file.Path.of(this.out));
            out.printf(Locale.ROOT, "spark: %d splits, %d row blocks; %,d shuffle records, %,d bytes of runs before Spark's compression; "
                    + "splits spilled %d runs, reducers spilled %d runs%n", r.splits(), r.rowBlocks(), r.shuffleRecords(), r.shuffleEncodedBytes(),
                    r.splitRunsSpilled(), r.reducerRunsSpilled());
            out.println("spark metrics: " + r.sparkMetrics());
            return 0;
        } finally {
            if (given == null) {
                sc.stop();
            }
        }
    }
}
