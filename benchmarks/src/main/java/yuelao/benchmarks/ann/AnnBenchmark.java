package yuelao.benchmarks.ann;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import yuelao.engine.query.HnswIndex;
import yuelao.engine.query.Mode;
import yuelao.engine.query.Nearest;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.WordVectors;

/**
 * Recall@k and latency of the HNSW index against exact search, on any VECTORS directory holding an index ({@code
 * yuelao index}). Query words: a seeded uniform sample of the vocabulary. For each query the exact top k (every row
 * scored, the reference) and the index's top k at each ef; recall@k = |index's k ∩ exact k| / k, averaged. Latency:
 * one query at a time on the calling thread for the index; exact search as the library runs it (all cores). Prints a
 * Markdown table.
 *
 * <p>usage: AnnBenchmark VECTORS [queries=1000] [k=10] [ef=40,80,160,320] [seed=7]
 */
public final class AnnBenchmark {
    private AnnBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int[] efs = Arrays.stream((args.length > 3 ? args[3] : "40,80,160,320").split(",")).mapToInt(Integer::parseInt).toArray();
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 7;
        long t0 = System.nanoTime();
        WordVectors wv = WordVectors.open(dir);
        double openS = (System.nanoTime() - t0) / 1e9;
        HnswIndex index = HnswIndex.open(dir, wv).orElseThrow(() -> new IllegalArgumentException(dir + " has no hnsw.bin: run yuelao index " + dir));
        Random rnd = new Random(seed);
        int[] ids = new int[queries];
        for (int i = 0; i < queries; i++) {
            ids[i] = rnd.nextInt(wv.size());
        }
        System.out.printf(Locale.ROOT, "# %s: %,d words x %d, %d queries, k = %d, index %s (opened in %.2f s)%n", dir, wv.size(), wv.dim(), queries, k,
                index.properties(), openS);
        for (int w = 0; w < Math.min(200, queries); w++) { // warm-up of both paths
            Nearest.of(wv, ids[w], k, Mode.COSINE, 1);
            index.nearest(wv, wv.unitVector(ids[w]), k, efs[0], new int[] {ids[w]});
        }
        List<Set<Integer>> exact = new ArrayList<>();
        long[] exactNs = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            List<Neighbor> hits = Nearest.of(wv, ids[i], k, Mode.COSINE, 1);
            exactNs[i] = System.nanoTime() - s;
            Set<Integer> set = new HashSet<>();
            hits.forEach(n -> set.add(n.id()));
            exact.add(set);
        }
        System.out.println("| search | ef | recall@" + k + " | p50 ms | p90 ms | p99 ms | max ms | queries/s (1 thread) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row("exact (all cores)", "-", 1.0, exactNs);
        for (int ef : efs) {
            long[] ns = new long[queries];
            double recall = 0;
            for (int i = 0; i < queries; i++) {
                float[] q = wv.unitVector(ids[i]);
                long s = System.nanoTime();
                List<Neighbor> hits = index.nearest(wv, q, k, ef, new int[] {ids[i]});
                ns[i] = System.nanoTime() - s;
                int found = 0;
                for (Neighbor n : hits) {
                    if (exact.get(i).contains(n.id())) {
                        found++;
                    }
                }
                recall += (double) found / Math.min(k, exact.get(i).size());
            }
            row("hnsw", Integer.toString(ef), recall / queries, ns);
        }
        // Exact search by the number of candidates (a restricted view of the same table): where the index starts to pay.
        System.out.println();
        System.out.println("| exact search over | p50 ms | p90 ms | p99 ms | queries/s (all cores) |");
        System.out.println("|---|---|---|---|---|");
        for (int n : new int[] {25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 1_600_000}) {
            if (n > wv.size()) {
                break;
            }
            WordVectors view = wv.restrict(n);
            long[] ns = new long[Math.min(300, queries)];
            for (int i = 0; i < ns.length; i++) {
                int id = ids[i] % n;
                long s = System.nanoTime();
                Nearest.of(view, id, k, Mode.COSINE, 1);
                ns[i] = System.nanoTime() - s;
            }
            long[] sorted = ns.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "| %,d | %.3f | %.3f | %.3f | %,.0f |%n", n, q(sorted, 0.5), q(sorted, 0.9), q(sorted, 0.99),
                    sorted.length / (Arrays.stream(sorted).sum() / 1e9));
        }
        index.close();
    }

    private static void row(String name, String ef, double recall, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        double total = Arrays.stream(s).sum() / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.3f | %.3f | %.3f | %.3f | %,.0f |%n", name, ef, recall, q(s, 0.5), q(s, 0.9), q(s, 0.99),
                s[s.length - 1] / 1e6, s.length / total);
    }

    private static double q(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
