package yuelao.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import yuelao.core.Vocabulary;

/**
 * What a task needs from the executor it runs in: a private scratch directory on the executor's local disks, its share
 * of the heap for counting buffers, and the broadcast vocabulary (built once per executor).
 */
final class TaskEnvironment {
    private TaskEnvironment() {}

    private static RankedWords cachedWords; // by identity: broadcast ids restart with every SparkContext of a JVM
    private static Vocabulary cachedVocabulary;

    /**
     * A new scratch directory under the executor's local directories: those the cluster manager gives the executor
     * (standalone {@code SPARK_EXECUTOR_DIRS}, {@code SPARK_LOCAL_DIRS}, YARN {@code LOCAL_DIRS}), else java.io.tmpdir.
     */
    static Path scratch(String prefix) throws IOException {
        String dirs = firstNonEmpty(System.getenv("SPARK_EXECUTOR_DIRS"), System.getenv("SPARK_LOCAL_DIRS"), System.getenv("LOCAL_DIRS"),
                System.getProperty("java.io.tmpdir"));
        String first = dirs.split("[,:]")[0];
        Path root = Path.of(first);
        Files.createDirectories(root);
        return Files.createTempDirectory(root, prefix);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return ".";
    }

    /** Deletes a scratch directory and everything in it; quietly, as a task's last act. */
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: the executor's local directories are removed with the application
        }
    }

    /**
     * The counting buffers' budget of one task: {@code --memory}, but at most a third of the executor's heap per task
     * slot, so that tasks running side by side, the shuffle and the merged runs fit.
     */
    static long taskBudget(long requested) {
        int slots = 1;
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            slots = env.conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors());
        }
        long cap = Runtime.getRuntime().maxMemory() / (3L * Math.max(1, slots));
        return Math.max(1L << 20, Math.min(requested, cap));
    }

    /** The vocabulary of a broadcast, made once per executor JVM (ranking and hashing a large vocabulary takes a while). */
    static synchronized Vocabulary vocabulary(Broadcast<RankedWords> words) {
        RankedWords w = words.value(); // one instance per executor and broadcast
        if (cachedWords != w) {
            cachedVocabulary = Vocabulary.ofRanked(w.words(), w.counts());
            cachedWords = w;
        }
        return cachedVocabulary;
    }

    /** A vocabulary as it travels: words and counts in id order. */
    record RankedWords(String[] words, long[] counts) implements java.io.Serializable {
        static RankedWords of(Vocabulary v) {
            return new RankedWords(v.words(), v.counts());
        }
    }
}
