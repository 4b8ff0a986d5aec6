package yuelao.engine.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.Version;
import org.apache.lucene.util.hnsw.HnswBuilder;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import yuelao.storage.vectors.GraphFile;

/**
 * Builds the HNSW graph of a table's unit vectors with Lucene's own builder ({@link HnswGraphBuilder}, or its
 * concurrent form with more than one thread), for cosine search (docs/method.md section 4: cosine is the inner product
 * of unit vectors). The result is a {@link GraphFile.Source} ready to be written as {@code hnsw.bin}, with the build
 * settings as properties. Memory: Lucene's graph on the heap, about (2 M + 1) x 8 bytes per node on level 0.
 */
public final class HnswBuild {
    /** The property keys of {@code hnsw.bin} (what a reader and {@code info} show). */
    public static final String SIMILARITY = "hnsw.similarity";
    public static final String M = "hnsw.m";
    public static final String BEAM_WIDTH = "hnsw.beam_width";
    public static final String SEED = "hnsw.seed";
    public static final String THREADS = "hnsw.threads";
    public static final String LIBRARY = "hnsw.library";
    /** The only similarity built so far: cosine over the unit rows. */
    public static final String COSINE = "cosine";

    private HnswBuild() {}

    /** A built graph with the properties to store beside it. */
    public record Built(GraphFile.Source graph, Map<String, String> properties, double seconds) {}

    /**
     * Builds the graph of every row of {@code wv} (its full vocabulary; a restricted view's limit is ignored).
     *
     * @param progress called now and then with the number of nodes inserted so far (from the building threads)
     */
    public static Built build(WordVectors wv, IndexSettings s, LongConsumer progress) throws IOException {
        long t0 = System.nanoTime();
        int rows = wv.size();
        RandomVectorScorerSupplier supplier = UnitRowScorer.supplier(wv.unit(), rows);
        OnHeapHnswGraph g;
        if (rows == 0) {
            g = null;
        } else if (s.threads() == 1) {
            HnswGraphBuilder b = HnswGraphBuilder.create(supplier, s.maxConn(), s.beamWidth(), s.seed(), rows);
            for (int node = 0; node < rows; node++) {
                b.addGraphNode(node);
                if ((node & 0x3FFF) == 0) {
                    progress.accept(node);
                }
            }
            g = b.getCompletedGraph();
        } else {
            g = concurrent(supplier, s, rows, progress);
        }
        progress.accept(rows);
        Map<String, String> props = new TreeMap<>();
        props.put(SIMILARITY, COSINE);
        props.put(M, Integer.toString(s.maxConn()));
        props.put(BEAM_WIDTH, Integer.toString(s.beamWidth()));
        props.put(SEED, Long.toString(s.seed()));
        props.put(THREADS, Integer.toString(s.threads()));
        props.put(LIBRARY, "lucene-core " + Version.LATEST);
        return new Built(new Source(g, rows, s.maxConn()), props, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Lucene's concurrent builder over a graph created by the single-threaded builder's factory (the only public way to
     * size an empty {@link OnHeapHnswGraph}). Its workers draw levels from Lucene's global seed, not {@code seed}, and
     * the graph depends on the threads' timing.
     */
    private static OnHeapHnswGraph concurrent(RandomVectorScorerSupplier supplier, IndexSettings s, int rows, LongConsumer progress)
            throws IOException {
        OnHeapHnswGraph empty = HnswGraphBuilder.create(supplier, s.maxConn(), s.beamWidth(), s.seed(), rows).getGraph();
        ExecutorService pool = Executors.newFixedThreadPool(s.threads(), r -> {
            Thread t = new Thread(r, "yuelao-index");
            t.setDaemon(true);
            return t;
        });
        try {
            HnswBuilder b = new HnswConcurrentMergeBuilder(new TaskExecutor(pool), s.threads(), supplier, s.maxConn(), s.beamWidth(), empty,
                    null);
            return b.build(rows);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The writer's view of Lucene's graph: sorted node lists per level, neighbour ids per node. */
    private record Source(OnHeapHnswGraph g, int nodes, int maxConn) implements GraphFile.Source {
        @Override
        public int levels() {
            return g == null ? 0 : g.numLevels();
        }

        @Override
        public int entryNode() {
            return g == null ? -1 : g.entryNode();
        }

        @Override
        public int[] nodesOnLevel(int l) {
            if (l == 0) {
                int[] all = new int[nodes];
                Arrays.setAll(all, i -> i);
                return all;
            }
            var it = g.getNodesOnLevel(l);
            int[] out = new int[it.size()];
            int n = 0;
            while (it.hasNext()) {
                out[n++] = it.nextInt();
            }
            Arrays.sort(out, 0, n);
            return Arrays.copyOf(out, n);
        }

        @Override
        public int[] neighbours(int l, int node) {
            NeighborArray a = g.getNeighbors(l, node);
            return Arrays.copyOf(a.nodes(), a.size());
        }
    }
}
