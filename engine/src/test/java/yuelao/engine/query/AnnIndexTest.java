package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.core.Vocabulary;
import yuelao.engine.api.Json;
import yuelao.engine.cli.CliRuns.Run;
import yuelao.engine.vectors.VectorsDirectory;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.GraphFile;

/**
 * The HNSW index ({@code yuelao index}, {@code hnsw.bin}) against a full scan, its file's checks, and the query helpers
 * the server uses (the neighbourhood map against an SVD, the prefix look-up against a linear scan).
 */
class AnnIndexTest {
    @TempDir
    static Path dir;
    static Path vectors;
    static final int V = 3000;
    static final int DIM = 16;

    /** Clustered Gaussian vectors (40 centres), so that neighbourhoods exist, written as a VECTORS directory. */
    static Path write(Path out, long seed, String prefix) throws Exception {
        Random rnd = new Random(seed);
        float[][] centres = new float[40][DIM];
        for (float[] c : centres) {
            for (int k = 0; k < DIM; k++) {
                c[k] = (float) rnd.nextGaussian();
            }
        }
        String[] words = new String[V];
        long[] counts = new long[V];
        float[] data = new float[V * DIM];
        for (int i = 0; i < V; i++) {
            words[i] = prefix + i;
            counts[i] = V - i;
            float[] c = centres[rnd.nextInt(centres.length)];
            for (int k = 0; k < DIM; k++) {
                data[i * DIM + k] = c[k] + (float) (0.6 * rnd.nextGaussian());
            }
        }
        VectorsDirectory.write(out, false, List.of(), new VectorsDirectory.Contents(Vocabulary.ofRanked(words, counts), data, DIM, Map.of(), null));
        return out;
    }

    @BeforeAll
    static void build() throws Exception {
        vectors = write(dir.resolve("vec"), 3, "w");
        Run r = run("index", vectors.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("indexed 3,000 words x 16"), r.out());
    }

    static Set<Integer> exactIds(WordVectors wv, int q, int k, int limit) {
        List<double[]> s = new ArrayList<>();
        float[] a = wv.vector(q);
        for (int i = 0; i < limit; i++) {
            if (i != q) {
                s.add(new double[] {cos(a, wv.vector(i)), i});
            }
        }
        s.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < k; i++) {
            out.add((int) s.get(i)[1]);
        }
        return out;
    }

    static double cos(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += (double) a[k] * b[k];
            aa += (double) a[k] * a[k];
            bb += (double) b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void recallAgainstAFullScanAndExactScores() throws Exception {
        WordVectors wv = WordVectors.open(vectors);
        try (HnswIndex index = HnswIndex.open(vectors, wv).orElseThrow()) {
            assertEquals(V, index.nodes());
            double recall = 0;
            for (int q = 0; q < 200; q++) {
                List<Neighbor> hits = index.nearest(wv, wv.unitVector(q), 10, 64, new int[] {q});
                Set<Integer> exact = exactIds(wv, q, 10, V);
                assertEquals(10, hits.size());
                for (Neighbor n : hits) {
                    assertTrue(n.id() != q, "the query is excluded");
                    assertEquals(cos(wv.vector(q), wv.vector(n.id())), n.score(), 1e-5, "scores are exact cosines");
                    recall += exact.contains(n.id()) ? 0.1 : 0;
                }
                for (int i = 1; i < hits.size(); i++) {
                    assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "ordered by score");
                }
            }
            assertTrue(recall / 200 >= 0.95, "recall@10 " + recall / 200);
            // A restricted view: only the 300 most frequent words are candidates.
            WordVectors top = wv.restrict(300);
            double r300 = 0;
            for (int q = 0; q < 50; q++) {
                List<Neighbor> hits = index.nearest(top, wv.unitVector(q), 5, 64, new int[] {q});
                Set<Integer> exact = exactIds(wv, q, 5, 300);
                for (Neighbor n : hits) {
                    assertTrue(n.id() < 300, "restricted: " + n);
                    r300 += exact.contains(n.id()) ? 0.2 : 0;
                }
            }
            assertTrue(r300 / 50 >= 0.9, "restricted recall " + r300 / 50);
            assertFalse(index.covers(WordVectors.open(vectors)), "another opening is another table");
        }
    }

    @Test
    void theCliUsesTheIndexWhenAskedAndAgreesWithExactSearch() throws Exception {
        Run ann = run("nearest", vectors.toString(), "w7", "--ann", "--json", "--top", "5");
        assertEquals(0, ann.code(), ann.err());
        var a = Json.mapper().readTree(ann.out());
        assertEquals("hnsw", a.get("search").asText());
        Run exact = run("nearest", vectors.toString(), "w7", "--exact", "--json", "--top", "5");
        var e = Json.mapper().readTree(exact.out());
        assertEquals("exact", e.get("search").asText());
        assertEquals(e.get("results").get(0).get("word"), a.get("results").get(0).get("word"), "the nearest word is found by both");
        assertEquals(e.get("results").get(0).get("score").asDouble(), a.get("results").get(0).get("score").asDouble(), 1e-6,
                "the same cosine, to float rounding");
        Run auto = run("nearest", vectors.toString(), "w7", "--json", "--top", "5");
        assertEquals("exact", Json.mapper().readTree(auto.out()).get("search").asText(), "3,000 words are below the exact-search threshold");
        Run low = run("nearest", vectors.toString(), "w7", "--json", "--top", "5", "--exact-below", "1000");
        assertEquals("hnsw", Json.mapper().readTree(low.out()).get("search").asText());
        assertOneLineError(run("nearest", vectors.toString(), "w7", "--ann", "--mode", "relatedness"), "cosine");
        Run both = run("nearest", vectors.toString(), "w7", "--ann", "--exact");
        assertEquals(2, both.code(), "a usage error");
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        // An unknown word with --json: the server's 404 body on stdout, the one-line error on stderr.
        Run unknown = run("nearest", vectors.toString(), "zzq", "--json");
        assertOneLineError(unknown, "'zzq'", "not in the vocabulary");
        var body = Json.mapper().readTree(unknown.out());
        assertEquals("unknown_word", body.get("error").asText());
        assertEquals("zzq", body.get("words").get(0).asText());
        Run text = run("nearest", vectors.toString(), "w7", "--ann", "--top", "3");
        assertTrue(text.out().startsWith("nearest to 'w7' by cosine (of 3,000 words; hnsw index):"), text.out());
    }

    @Test
    void oneThreadBuildsTheSameFileTwiceAndForceIsNeededToRebuild() throws Exception {
        Path copy = write(dir.resolve("vec-copy"), 3, "w");
        assertEquals(0, run("index", copy.toString(), "-q").code());
        assertArrayEquals(Files.readAllBytes(vectors.resolve(GraphFile.FILE_NAME)), Files.readAllBytes(copy.resolve(GraphFile.FILE_NAME)));
        assertOneLineError(run("index", copy.toString(), "-q"), "hnsw.bin", "already exists", "--force");
        assertEquals(0, run("index", copy.toString(), "-q", "--force", "--m", "8").code());
        assertOneLineError(run("index", copy.toString(), "-q", "--force", "--m", "1"), "--m");
        // A VECTORS directory holding an index is still one yuelao wrote: --force replaces it (and the old index goes).
        Path txt = dir.resolve("small.txt");
        Files.writeString(txt, "2 2\na 1 0\nb 0 1\n");
        Run imp = run("import", txt.toString(), "-o", copy.toString(), "--force");
        assertEquals(0, imp.code(), imp.err());
        assertFalse(Files.exists(copy.resolve(GraphFile.FILE_NAME)));
        assertOneLineError(run("nearest", copy.toString(), "a", "--ann"), "no approximate index", "yuelao index");
    }

    @Test
    void aDamagedOrForeignIndexIsRefusedInOneLine() throws Exception {
        Path broken = write(dir.resolve("vec-broken"), 3, "w");
        Files.copy(vectors.resolve(GraphFile.FILE_NAME), broken.resolve(GraphFile.FILE_NAME));
        byte[] b = Files.readAllBytes(broken.resolve(GraphFile.FILE_NAME));
        b[b.length / 2] ^= 0x40;
        Files.write(broken.resolve(GraphFile.FILE_NAME), b);
        assertOneLineError(run("nearest", broken.toString(), "w1", "--ann"), "hnsw.bin", "checksum");
        assertEquals(0, run("nearest", broken.toString(), "w1").code(), "below --exact-below the index is not even opened");
        Files.write(broken.resolve(GraphFile.FILE_NAME), java.util.Arrays.copyOf(b, b.length - 100));
        assertOneLineError(run("nearest", broken.toString(), "w1", "--exact-below", "0"), "hnsw.bin", "truncated");
        // Another vocabulary of the same size: the fingerprint tells them apart.
        Path other = write(dir.resolve("vec-other"), 3, "x");
        Files.copy(vectors.resolve(GraphFile.FILE_NAME), other.resolve(GraphFile.FILE_NAME));
        assertOneLineError(run("nearest", other.toString(), "x1", "--ann"), "hnsw.bin", "does not belong");
        assertThrows(StoreFormatException.class, () -> VectorsDirectory.openGraph(other, V));
    }

    @Test
    void theNeighbourhoodMapIsThePrincipalComponents() throws Exception {
        WordVectors wv = WordVectors.open(vectors);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(wv.vector(i * 7));
        }
        NeighbourhoodMap.Projection p = NeighbourhoodMap.project(rows);
        // Reference: SVD of the centred unit vectors; the coordinates are U_a s_a, up to each axis's sign.
        int n = rows.size();
        DMatrixRMaj x = new DMatrixRMaj(n, DIM);
        double[] mean = new double[DIM];
        double[][] u = new double[n][DIM];
        for (int i = 0; i < n; i++) {
            double norm = Math.sqrt(dot(rows.get(i), rows.get(i)));
            for (int k = 0; k < DIM; k++) {
                u[i][k] = rows.get(i)[k] / norm;
                mean[k] += u[i][k] / n;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < DIM; k++) {
                x.set(i, k, u[i][k] - mean[k]);
                total += x.get(i, k) * x.get(i, k);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, DIM, true, false, false);
        assertTrue(svd.decompose(x));
        double[] s = svd.getSingularValues();
        DMatrixRMaj uu = svd.getU(null, false);
        Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        double[][] axes = {p.x(), p.y()};
        for (int a = 0; a < 2; a++) {
            int c = order[a];
            double sign = Math.signum(uu.get(0, c) * axes[a][0]);
            for (int i = 0; i < n; i++) {
                assertEquals(uu.get(i, c) * s[c] * sign, axes[a][i], 1e-6, "axis " + a + ", point " + i);
            }
            assertEquals(s[c] * s[c] / total, p.explained()[a], 1e-9);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (double) a[k] * b[k];
        }
        return s;
    }

    @Test
    void prefixLookUpMatchesALinearScan() {
        Random rnd = new Random(9);
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (words.size() < 5000) {
            StringBuilder w = new StringBuilder();
            for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
                w.append((char) ('a' + rnd.nextInt(4)));
            }
            if (seen.add(w.toString())) {
                words.add(w.toString());
            }
        }
        VocabularyIndex index = new VocabularyIndex(words);
        for (String prefix : new String[] {"", "a", "ab", "abc", "dd", "abcdab", "zz"}) {
            for (int limit : new int[] {1, 7, 100000}) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < words.size() && expected.size() < limit; i++) {
                    if (words.get(i).startsWith(prefix)) {
                        expected.add(i);
                    }
                }
                int[] got = index.startingWith(prefix, limit);
                assertEquals(expected, java.util.Arrays.stream(got).boxed().toList(), prefix + " " + limit);
            }
        }
    }
}
