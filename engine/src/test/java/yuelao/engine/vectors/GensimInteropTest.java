package yuelao.engine.vectors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.PythonPeers;

/**
 * The real readers and writers: gensim's {@code KeyedVectors.load_word2vec_format} reads what yuelao writes,
 * and yuelao reads what gensim's {@code save_word2vec_format} writes, bit for bit. Skipped, with the reason
 * printed, when no python3 with gensim is found ({@code apt-get install python3-gensim} provides it for
 * {@code /usr/bin/python3}).
 */
class GensimInteropTest {
    @TempDir
    Path dir;

    static String python;

    @BeforeAll
    static void findPython() {
        python = PythonPeers.find("gensim", "gensim interoperability");
    }

    static List<String> python(String script, String... args) throws Exception {
        Assumptions.assumeTrue(python != null, "no python3 with gensim");
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python finished");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> !l.isBlank() && "NKBS".indexOf(l.charAt(0)) >= 0 && l.charAt(1) == '\t').toList();
    }

    /** Prints what gensim loaded: N count dim, K i word, B i bits..., S word neighbour cosine (top 5 of 3 words). */
    static final String LOAD = """
            import sys
            from gensim.models import KeyedVectors
            for fmt, f in zip(sys.argv[1::2], sys.argv[2::2]):
                kv = KeyedVectors.load_word2vec_format(f, binary=(fmt == 'word2vec-binary'), no_header=(fmt == 'glove'))
                print('N', len(kv.index_to_key), kv.vector_size, sep='\\t')
                for i, w in enumerate(kv.index_to_key):
                    print('K', i, w, sep='\\t')
                    print('B', i, ' '.join('%08x' % b for b in kv.vectors[i].view('uint32')), sep='\\t')
                for w in kv.index_to_key[:3]:
                    for n, s in kv.most_similar(w, topn=5):
                        print('S', w, n, repr(float(s)), sep='\\t')
            """;

    @Test
    void gensimReadsEveryFormatYuelaoWrites() throws Exception {
        TestVectors.Table t = TestVectors.gaussian(21, 300, 25);
        // Edge values too (gensim reads text through Python floats, then float32: must still be exact).
        TestVectors.Table edges = TestVectors.random(22, 300, 25, false);
        List<TestVectors.Table> tables = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (VectorFormat f : VectorFormat.values()) {
            for (TestVectors.Table table : List.of(t, edges)) {
                Path file = dir.resolve("v-" + f.id() + "-" + tables.size());
                VectorFormats.write(file, f, table.words(), table.data(), table.dim());
                tables.add(table);
                formats.add(f.id());
                args.add(f == VectorFormat.FASTTEXT_VEC ? "word2vec" : f.id());
                args.add(file.toString());
            }
        }
        List<String> all = python(LOAD, args.toArray(new String[0])); // one interpreter: importing gensim takes seconds
        int at = 0;
        for (int c = 0; c < tables.size(); c++) {
            TestVectors.Table table = tables.get(c);
            String f = formats.get(c);
            int n = table.words().size();
            int end = at + 1 + 2 * n;
            while (end < all.size() && all.get(end).startsWith("S\t")) {
                end++; // most_similar lines (checked for the Gaussian table only: edge values overflow float32 norms)
            }
            List<String> out = all.subList(at, end);
            at += out.size();
            assertEquals("N\t" + n + "\t" + table.dim(), out.get(0), f);
            for (int i = 0; i < n; i++) {
                assertEquals("K\t" + i + "\t" + table.words().get(i), out.get(1 + 2 * i), f);
                String[] bits = out.get(2 + 2 * i).split("\t")[2].split(" ");
                for (int k = 0; k < table.dim(); k++) {
                    int want = Float.floatToRawIntBits(table.data()[i * table.dim() + k]);
                    assertEquals(Integer.toHexString(want), Integer.toHexString(Integer.parseUnsignedInt(bits[k], 16)),
                            f + ": " + table.words().get(i) + "[" + k + "] = " + table.data()[i * table.dim() + k]);
                }
            }
            if (table == t) {
                checkMostSimilar(table, out.subList(1 + 2 * n, out.size()), f);
            }
        }
        assertEquals(all.size(), at, "nothing else printed");
    }

    /** gensim's most_similar (cosine, top 5) against the same computed here in double precision. */
    static void checkMostSimilar(TestVectors.Table t, List<String> lines, String format) {
        assertEquals(15, lines.size(), format);
        int d = t.dim();
        for (int q = 0; q < 3; q++) {
            final int query = q;
            List<double[]> sims = new ArrayList<>();
            for (int j = 0; j < t.words().size(); j++) {
                if (j != q) {
                    sims.add(new double[] {j, cosine(t.data(), q * d, j * d, d)});
                }
            }
            sims.sort(Comparator.comparingDouble((double[] s) -> -s[1]));
            for (int r = 0; r < 5; r++) {
                String[] got = lines.get(q * 5 + r).split("\t");
                assertEquals(t.words().get(query), got[1]);
                assertEquals(t.words().get((int) sims.get(r)[0]), got[2], format + ": neighbour " + r + " of " + got[1]);
                assertEquals(sims.get(r)[1], Double.parseDouble(got[3]), 1e-6, format + ": cosine");
            }
        }
    }

    static double cosine(float[] a, int i, int j, int d) {
        double dot = 0;
        double ni = 0;
        double nj = 0;
        for (int k = 0; k < d; k++) {
            dot += (double) a[i + k] * a[j + k];
            ni += (double) a[i + k] * a[i + k];
            nj += (double) a[j + k] * a[j + k];
        }
        return dot / Math.sqrt(ni * nj);
    }

    /** gensim writes text and binary (no header-less mode for binary); prints the words and bits it wrote. */
    static final String SAVE = """
            import sys
            import numpy as np
            from gensim.models import KeyedVectors
            text, binary = sys.argv[1], sys.argv[2]
            rng = np.random.default_rng(7)
            n, d = 400, 30
            words = ['w%d' % i if i % 3 else '詞%dé' % i for i in range(n)]
            vecs = rng.standard_normal((n, d)).astype(np.float32)
            bits = rng.integers(0, 2**32, size=(n, d), dtype=np.uint64).astype(np.uint32).view(np.float32)
            mask = rng.random((n, d)) < 0.1
            vecs[mask] = bits[mask]
            vecs[~np.isfinite(vecs)] = 1.5
            vecs[0, :4] = [-0.0, 1e-45, 3.4028235e38, -1.17549435e-38]
            kv = KeyedVectors(d)
            kv.add_vectors(words, vecs)
            kv.save_word2vec_format(text, binary=False)
            kv.save_word2vec_format(binary, binary=True)
            print('N', n, d, sep='\\t')
            for i, w in enumerate(kv.index_to_key):
                print('K', i, w, sep='\\t')
                print('B', i, ' '.join('%08x' % b for b in kv.vectors[i].view('uint32')), sep='\\t')
            """;

    @Test
    void yuelaoReadsWhatGensimWrites() throws Exception {
        Path text = dir.resolve("gensim.txt");
        Path binary = dir.resolve("gensim.bin");
        List<String> out = python(SAVE, text.toString(), binary.toString());
        String[] head = out.get(0).split("\t");
        int n = Integer.parseInt(head[1]);
        int d = Integer.parseInt(head[2]);
        List<String> words = new ArrayList<>();
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            words.add(out.get(1 + 2 * i).split("\t")[2]);
            String[] bits = out.get(2 + 2 * i).split("\t")[2].split(" ");
            for (int k = 0; k < d; k++) {
                data[i * d + k] = Float.intBitsToFloat(Integer.parseUnsignedInt(bits[k], 16));
            }
        }
        TestVectors.Table want = new TestVectors.Table(words, data, d);
        assertEquals(VectorFormat.WORD2VEC, VectorFormats.detect(text).format());
        assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFormats.detect(binary).format());
        VectorFormatsTest.assertSameTable(want, VectorFormats.read(text));
        VectorFormatsTest.assertSameTable(want, VectorFormats.read(binary));
        // Through the import verb as well.
        Path vec = dir.resolve("vec");
        VectorImport.run(binary, vec, false);
        VectorsDirectory.Loaded l = VectorsDirectory.load(vec);
        assertEquals(words, Arrays.asList(l.vocabulary().words()));
        assertArrayEquals(data, l.data());
    }
}
