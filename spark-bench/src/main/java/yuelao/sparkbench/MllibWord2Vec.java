package yuelao.sparkbench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.feature.Word2Vec;
import org.apache.spark.mllib.feature.Word2VecModel;

/**
 * The anchor a Spark user would pick instead of yuelao: MLlib's {@link Word2Vec} (skip-gram, hierarchical softmax) on a
 * tokenized corpus (one sentence per line, tokens separated by spaces), written as word2vec text vectors in descending
 * frequency order, for the shared evaluator.
 *
 * <pre>MllibWord2Vec CORPUS OUT.txt [dim 100] [window 5] [minCount 5] [iterations 1] [partitions 2]</pre>
 */
public final class MllibWord2Vec {
    private MllibWord2Vec() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MllibWord2Vec CORPUS OUT.txt [dim] [window] [minCount] [iterations] [partitions]");
            System.exit(2);
        }
        int dim = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int minCount = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int iterations = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        int partitions = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        long t0 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("MLlib Word2Vec").setIfMissing("spark.master", "local[*]"))) {
            JavaRDD<List<String>> sentences = sc.textFile(args[0], partitions)
                    .map(line -> Arrays.asList(line.trim().split(" +"))).filter(s -> !s.isEmpty() && !s.get(0).isEmpty()).cache();
            Word2VecModel model = new Word2Vec().setVectorSize(dim).setWindowSize(window).setMinCount(minCount).setNumIterations(iterations)
                    .setNumPartitions(partitions).setSeed(1).fit(sentences);
            Map<String, Long> counts = sentences.flatMap(List::iterator).countByValue();
            Map<String, float[]> vectors = scala.jdk.javaapi.CollectionConverters.asJava(model.getVectors());
            List<String> words = new ArrayList<>(vectors.keySet());
            words.sort((a, b) -> {
                int c = Long.compare(counts.getOrDefault(b, 0L), counts.getOrDefault(a, 0L));
                return c != 0 ? c : a.compareTo(b);
            });
            try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
                w.write(words.size() + " " + dim + "\n");
                StringBuilder sb = new StringBuilder();
                for (String word : words) {
                    sb.setLength(0);
                    sb.append(word);
                    for (float f : vectors.get(word)) {
                        sb.append(' ').append(String.format(Locale.ROOT, "%.6f", f));
                    }
                    w.write(sb.append('\n').toString());
                }
            }
            sentences.unpersist(false);
            System.err.printf(Locale.ROOT, "mllib-word2vec: %d words x %d in %.1f s%n", words.size(), dim, (System.nanoTime() - t0) / 1e9);
        }
    }
}
