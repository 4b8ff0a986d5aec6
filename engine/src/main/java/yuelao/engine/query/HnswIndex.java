package yuelao.engine.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import yuelao.engine.vectors.VectorsDirectory;
import yuelao.storage.vectors.GraphFile;

/**
 * Approximate cosine search over a table through its stored HNSW graph ({@code hnsw.bin}, built by {@link
 * HnswBuild}), walked by Lucene's own searcher. Thread-safe: the graph is memory-mapped and read only, and each search
 * has its own cursor and scorer.
 *
 * <p>Contract of {@link #nearest}: the candidates are the view's top {@link WordVectors#searchLimit()} words minus the
 * excluded ids; the search keeps {@code ef} candidates (at least k plus the exclusions), and the answers are then scored
 * exactly (the cosine of the unit rows in float, equal to the exact search's to the last bit or two: the kernels sum in
 * different orders), ordered by score, ties to the lower id. Only which words are found may differ from an exact
 * search (recall: benchmarks/RESULTS.md).
 */
public final class HnswIndex implements AutoCloseable {
    private final GraphFile.Stored graph;
    private final WordVectors table;

    private HnswIndex(GraphFile.Stored graph, WordVectors table) {
        this.graph = graph;
        this.table = table;
    }

    /**
     * The index beside the vectors of {@code dir}, over the table {@code wv} opened from the same directory, or empty
     * when the directory has none. A graph that does not belong to the vectors is a {@link
     * yuelao.storage.format.StoreFormatException}.
     */
    public static Optional<HnswIndex> open(Path dir, WordVectors wv) throws IOException {
        return VectorsDirectory.openGraph(dir, wv.size()).map(g -> new HnswIndex(g, wv));
    }

    /** Whether {@code view} searches the rows this index was built over (a restricted view does; a case-folded copy does not). */
    public boolean covers(WordVectors view) {
        return view.sharesRows(table);
    }

    public int nodes() {
        return graph.nodes();
    }

    public int levels() {
        return graph.levels();
    }

    /** The build settings recorded in {@code hnsw.bin}. */
    public SortedMap<String, String> properties() {
        return graph.properties();
    }

    public Path file() {
        return graph.file();
    }

    /**
     * The k nearest words by cosine to {@code unitQuery} (dim floats, unit length) among the view's candidates, minus
     * {@code exclude}; see the class comment.
     *
     * @throws IllegalArgumentException if the view does not search this index's rows
     */
    public List<Neighbor> nearest(WordVectors view, float[] unitQuery, int k, int ef, int[] exclude) {
        if (!covers(view)) {
            throw new IllegalArgumentException("the index of " + graph.file() + " does not cover this table");
        }
        RowTable unit = view.unit();
        int rows = view.size();
        int limit = view.searchLimit();
        Bits accept = limit >= rows ? null : new Bits() {
            @Override
            public boolean get(int i) {
                return i < limit;
            }

            @Override
            public int length() {
                return rows;
            }
        };
        TopKnnCollector c = new TopKnnCollector(Math.max(ef, k + exclude.length), Integer.MAX_VALUE);
        try {
            HnswGraphSearcher.search(UnitRowScorer.forQuery(unit, rows, unitQuery), c, new StoredGraph(graph), accept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] q = unit.newQuery();
        System.arraycopy(unitQuery, 0, q, 0, unit.dim());
        TopK top = new TopK(k);
        for (ScoreDoc d : c.topDocs().scoreDocs) {
            int id = d.doc;
            if (id < limit && !contains(exclude, id)) {
                top.offer(id, unit.dot(id, q));
            }
        }
        return Nearest.toNeighbors(view, top, 1);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        graph.close();
    }
}
