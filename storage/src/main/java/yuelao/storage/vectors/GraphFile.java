package yuelao.storage.vectors;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import yuelao.storage.format.BinaryFileReader;
import yuelao.storage.format.BinaryFileWriter;
import yuelao.storage.format.Layouts;
import yuelao.storage.format.StoreFormatException;

/**
 * The approximate nearest-neighbour index of a VECTORS directory, {@code hnsw.bin} (format {@value #FORMAT} v{@value
 * #VERSION}): a layered proximity graph (HNSW) over the rows of {@code vectors.bin}, tied to {@code vocab.bin} by the
 * vocabulary fingerprint. The common frame (magic, format, version, fingerprint, record counts {nodes, levels,
 * maxConn, entryNode}, properties such as the build settings; CRC32C footer), then the body, little-endian:
 *
 * <pre>
 * for each level l:  long n_l, long e_l              (nodes on the level, neighbour entries on the level)
 * for each level l:  int[n_l]    nodes, increasing   (level 0 omits them: it holds every node 0..nodes-1)
 *                    long[n_l+1] offsets into the level's neighbour list (offsets[0] = 0, offsets[n_l] = e_l)
 *                    int[e_l]    neighbours
 *                    (each array starts on an 8-byte boundary)
 * </pre>
 *
 * The graph is read by memory mapping (long offsets, no 2 GB ceiling) and checked before use: counts, ordering,
 * every offset and every neighbour id in range, the entry node on the top level. Which similarity the graph was built
 * for is a property ({@code hnsw.similarity}); this class does not interpret it.
 */
public final class GraphFile {
    public static final String FORMAT = "yuelao.hnsw";
    public static final int VERSION = 1;
    public static final String FILE_NAME = "hnsw.bin";

    private GraphFile() {}

    /** What a writer needs of a graph: its levels as sorted node lists and neighbour lists. */
    public interface Source {
        int nodes();

        int levels();

        int maxConn();

        int entryNode();

        /** The nodes of level {@code l} in increasing order (level 0: every node). */
        int[] nodesOnLevel(int l);

        /** The neighbours of {@code node} on level {@code l}. */
        int[] neighbours(int l, int node);
    }

    /** Writes {@code graph} atomically (temporary name, then rename). */
    public static void write(Path file, long vocabularyFingerprint, Source graph, Map<String, String> properties) throws IOException {
        int levels = graph.levels();
        int[][] nodes = new int[levels][];
        long[] edges = new long[levels];
        for (int l = 0; l < levels; l++) {
            nodes[l] = graph.nodesOnLevel(l);
            for (int node : nodes[l]) {
                edges[l] += graph.neighbours(l, node).length;
            }
        }
        try (BinaryFileWriter w = BinaryFileWriter.create(file, FORMAT, VERSION, vocabularyFingerprint,
                new long[] {graph.nodes(), levels, graph.maxConn(), graph.entryNode()}, properties)) {
            for (int l = 0; l < levels; l++) {
                w.putLong(nodes[l].length);
                w.putLong(edges[l]);
            }
            for (int l = 0; l < levels; l++) {
                if (l > 0) {
                    for (int node : nodes[l]) {
                        w.putInt(node);
                    }
                    w.alignTo(8);
                }
                long off = 0;
                w.putLong(0);
                for (int node : nodes[l]) {
                    off += graph.neighbours(l, node).length;
                    w.putLong(off);
                }
                for (int node : nodes[l]) {
                    for (int nb : graph.neighbours(l, node)) {
                        w.putInt(nb);
                    }
                }
                w.alignTo(8);
            }
            w.commit();
        }
    }

    /** The vocabulary fingerprint recorded in the header (without checking the body). */
    public static long fingerprint(Path file) throws IOException {
        try (BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION, false)) {
            return r.vocabularyFingerprint();
        }
    }

    /**
     * An opened, verified graph. Its arrays stay memory-mapped until {@link #close()}; the accessors are thread-safe
     * (they only read).
     */
    public static final class Stored implements AutoCloseable {
        private final BinaryFileReader reader;
        private final int nodes;
        private final int maxConn;
        private final int entryNode;
        private final long[] levelSize;
        private final MemorySegment[] levelNodes;
        private final MemorySegment[] offsets;
        private final MemorySegment[] neighbours;

        private Stored(BinaryFileReader reader, int nodes, int maxConn, int entryNode, long[] levelSize, MemorySegment[] levelNodes,
                MemorySegment[] offsets, MemorySegment[] neighbours) {
            this.reader = reader;
            this.nodes = nodes;
            this.maxConn = maxConn;
            this.entryNode = entryNode;
            this.levelSize = levelSize;
            this.levelNodes = levelNodes;
            this.offsets = offsets;
            this.neighbours = neighbours;
        }

        public Path file() {
            return reader.file();
        }

        public long vocabularyFingerprint() {
            return reader.vocabularyFingerprint();
        }

        public SortedMap<String, String> properties() {
            return reader.properties();
        }

        public int nodes() {
            return nodes;
        }

        public int levels() {
            return levelSize.length;
        }

        public int maxConn() {
            return maxConn;
        }

        public int entryNode() {
            return entryNode;
        }

        /** How many nodes level {@code l} holds. */
        public int levelSize(int l) {
            return (int) levelSize[l];
        }

        /** The i-th node of level {@code l} (increasing in i). */
        public int levelNode(int l, int i) {
            return l == 0 ? i : levelNodes[l].getAtIndex(Layouts.INT_UNALIGNED, i);
        }

        /** The position of {@code node} on level {@code l}, or -1 if the level does not hold it. */
        public int indexOf(int l, int node) {
            if (l == 0) {
                return node >= 0 && node < nodes ? node : -1;
            }
            int lo = 0;
            int hi = (int) levelSize[l] - 1;
            MemorySegment s = levelNodes[l];
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = s.getAtIndex(Layouts.INT_UNALIGNED, mid);
                if (v < node) {
                    lo = mid + 1;
                } else if (v > node) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        /** Where the neighbours of the i-th node of level {@code l} start in {@link #neighbour}. */
        public long start(int l, int i) {
            return offsets[l].getAtIndex(Layouts.LONG_UNALIGNED, i);
        }

        /** Where they end (exclusive). */
        public long end(int l, int i) {
            return offsets[l].getAtIndex(Layouts.LONG_UNALIGNED, i + 1L);
        }

        /** Neighbour entry k of level {@code l}. */
        public int neighbour(int l, long k) {
            return neighbours[l].getAtIndex(Layouts.INT_UNALIGNED, k);
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** Opens and verifies {@code file} (checksum, structure, every id in range). */
    public static Stored read(Path file) throws IOException {
        BinaryFileReader r = BinaryFileReader.open(file, FORMAT, VERSION);
        try {
            if (r.recordCountLength() != 4) {
                throw new StoreFormatException(file, "corrupt header (record counts)");
            }
            long nodes = r.recordCount(0);
            long levels = r.recordCount(1);
            long maxConn = r.recordCount(2);
            long entry = r.recordCount(3);
            if (nodes < 0 || nodes > Integer.MAX_VALUE || levels < 0 || levels > 64 || (nodes > 0) != (levels > 0) || maxConn < 1
                    || maxConn > 1 << 16 || entry < (nodes > 0 ? 0 : -1) || entry >= Math.max(1, nodes)) {
                throw new StoreFormatException(file, "corrupt header (" + nodes + " nodes, " + levels + " levels, maxConn " + maxConn
                        + ", entry " + entry + ")");
            }
            MemorySegment body = r.body();
            long pos = 0;
            long[] size = new long[(int) levels];
            long[] edges = new long[(int) levels];
            for (int l = 0; l < levels; l++) {
                size[l] = longAt(file, body, pos);
                edges[l] = longAt(file, body, pos + 8);
                pos += 16;
                long cap = (long) capacity(l, (int) maxConn) * Math.max(0, size[l]);
                if (size[l] < 0 || size[l] > nodes || (l == 0 && size[l] != nodes) || (l > 0 && size[l] > size[l - 1]) || edges[l] < 0
                        || edges[l] > cap) {
                    throw new StoreFormatException(file, "corrupt body (level " + l + ": " + size[l] + " nodes, " + edges[l] + " neighbours)");
                }
            }
            MemorySegment[] levelNodes = new MemorySegment[(int) levels];
            MemorySegment[] offsets = new MemorySegment[(int) levels];
            MemorySegment[] neighbours = new MemorySegment[(int) levels];
            for (int l = 0; l < levels; l++) {
                if (l > 0) {
                    levelNodes[l] = slice(file, body, pos, 4 * size[l]);
                    pos = Layouts.align8(pos + 4 * size[l]);
                }
                offsets[l] = slice(file, body, pos, 8 * (size[l] + 1));
                pos += 8 * (size[l] + 1);
                neighbours[l] = slice(file, body, pos, 4 * edges[l]);
                pos = Layouts.align8(pos + 4 * edges[l]);
            }
            Stored s = new Stored(r, (int) nodes, (int) maxConn, (int) entry, size, levelNodes, offsets, neighbours);
            verify(file, s);
            return s;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** The structural checks: a reader never follows an id or offset out of range, whatever the file holds. */
    private static void verify(Path file, Stored s) throws StoreFormatException {
        for (int l = 0; l < s.levels(); l++) {
            int n = s.levelSize(l);
            int prev = -1;
            for (int i = 0; i < n; i++) {
                int node = s.levelNode(l, i);
                if (node <= prev || node >= s.nodes || (l > 0 && s.indexOf(l - 1, node) < 0)) {
                    throw new StoreFormatException(file, "corrupt body (level " + l + " lists node " + node + " out of order or range)");
                }
                prev = node;
            }
            long e = s.neighbours[l].byteSize() / 4;
            long last = 0;
            int cap = capacity(l, s.maxConn);
            for (int i = 0; i <= n; i++) {
                long o = s.offsets[l].getAtIndex(Layouts.LONG_UNALIGNED, i);
                if ((i == 0 && o != 0) || o < last || o - last > cap || o > e || (i == n && o != e)) {
                    throw new StoreFormatException(file, "corrupt body (level " + l + ": bad neighbour offset at " + i + ")");
                }
                last = o;
            }
            for (long k = 0; k < e; k++) {
                int nb = s.neighbour(l, k);
                if (nb < 0 || nb >= s.nodes || (l > 0 && s.indexOf(l, nb) < 0)) {
                    throw new StoreFormatException(file, "corrupt body (level " + l + ": neighbour " + nb + " is not a node of the level)");
                }
            }
        }
        if (s.levels() > 0 && s.indexOf(s.levels() - 1, s.entryNode) < 0) {
            throw new StoreFormatException(file, "corrupt header (entry node " + s.entryNode + " is not on the top level)");
        }
    }

    /** The most neighbours a node may have on level l: 2 M on level 0, M above, as HNSW builds them (one spare). */
    private static int capacity(int l, int maxConn) {
        return (l == 0 ? 2 * maxConn : maxConn) + 1;
    }

    private static long longAt(Path file, MemorySegment body, long pos) throws StoreFormatException {
        if (pos < 0 || pos + 8 > body.byteSize()) {
            throw new StoreFormatException(file, "truncated body");
        }
        return body.get(Layouts.LONG_UNALIGNED, pos);
    }

    private static MemorySegment slice(Path file, MemorySegment body, long pos, long bytes) throws StoreFormatException {
        if (bytes < 0 || pos < 0 || pos + bytes > body.byteSize()) {
            throw new StoreFormatException(file, "corrupt body (arrays run past its end)");
        }
        return body.asSlice(pos, bytes);
    }
}
