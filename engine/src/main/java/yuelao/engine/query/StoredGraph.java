package yuelao.engine.query;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;
import yuelao.storage.vectors.GraphFile;

/**
 * Lucene's view of a memory-mapped {@code hnsw.bin} ({@link GraphFile.Stored}), so that Lucene's own searcher walks
 * the stored graph. It holds the cursor of {@link #seek}/{@link #nextNeighbor}, so it is cheap to create and used by
 * one search at a time; the mapped graph underneath is shared.
 */
final class StoredGraph extends HnswGraph {
    private final GraphFile.Stored graph;
    private int level;
    private long next;
    private long end;
    private int count;

    StoredGraph(GraphFile.Stored graph) {
        this.graph = graph;
    }

    @Override
    public void seek(int level, int target) {
        int i = graph.indexOf(level, target);
        if (i < 0) {
            throw new IllegalStateException("node " + target + " is not on level " + level + " of " + graph.file());
        }
        this.level = level;
        this.next = graph.start(level, i);
        this.end = graph.end(level, i);
        this.count = (int) (end - next);
    }

    @Override
    public int size() {
        return graph.nodes();
    }

    @Override
    public int nextNeighbor() {
        return next < end ? graph.neighbour(level, next++) : DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public int neighborCount() {
        return count;
    }

    @Override
    public int numLevels() {
        return graph.levels();
    }

    @Override
    public int maxConn() {
        return graph.maxConn();
    }

    @Override
    public int entryNode() {
        return graph.entryNode();
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) {
        int[] nodes = new int[graph.levelSize(level)];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = graph.levelNode(level, i);
        }
        return new ArrayNodesIterator(nodes, nodes.length);
    }
}
