package yuelao.engine.pmi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.stage.CountingStage;
import yuelao.engine.TestCorpora;
import yuelao.engine.count.WindowWeighting;
import yuelao.storage.counts.CountStoreDirectory;

class MatrixMarketExportTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsThroughOurParserAndScipy() throws Exception {
        Path f = dir.resolve("c.txt");
        Files.writeString(f, TestCorpora.randomCorpus(new Random(2), 400, 100));
        CountingStage.run(TestCorpora.job(f, TestCorpora.counting(3, WindowWeighting.UNIFORM, 16 << 20, 8).build(), 2, 2), dir.resolve("s"), true,
                n -> p -> {});
        Path mtx = dir.resolve("ppmi.mtx");
        try (CountStoreDirectory store = CountStoreDirectory.open(dir.resolve("s"))) {
            PmiView view = PmiView.of(store, PmiOptions.of(PmiMeasure.PPMI));
            MatrixMarketExport.Result r = MatrixMarketExport.write(view, mtx, 0);
            List<String> lines = Files.readAllLines(mtx, StandardCharsets.US_ASCII);
            assertEquals("%%MatrixMarket matrix coordinate real symmetric", lines.get(0));
            int v = view.vocabulary().size();
            int first = 1;
            while (lines.get(first).startsWith("%")) {
                first++;
            }
            String[] size = lines.get(first).split(" ");
            assertEquals(List.of(Integer.toString(v), Integer.toString(v), Long.toString(r.entries())), List.of(size));
            double[][] dense = new double[v][v];
            for (String line : lines.subList(first + 1, lines.size())) {
                String[] t = line.split(" ");
                int i = Integer.parseInt(t[0]) - 1;
                int j = Integer.parseInt(t[1]) - 1;
                assertTrue(i >= j, "lower triangle");
                dense[i][j] = dense[j][i] = Double.parseDouble(t[2]);
            }
            assertEquals(r.entries(), lines.size() - first - 1);
            for (int i = 0; i < v; i++) {
                for (int j = 0; j < v; j++) {
                    if (i != j) {
                        assertEquals(view.pair(i, j).value(), dense[i][j], 0.0, i + "," + j);
                    }
                }
            }
            List<String> words = Files.readAllLines(r.vocabulary(), StandardCharsets.UTF_8);
            assertEquals(List.of(view.vocabulary().words()), words);

            // The real reader, when python3 with scipy is there.
            String script = "import scipy.io,sys\nm=scipy.io.mmread(sys.argv[1]).tocsr()\n"
                    + "print(m.shape[0], m.nnz, repr(float(m.sum())))\n";
            Process p;
            try {
                p = new ProcessBuilder("python3", "-c", script, mtx.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.println("SKIPPED scipy check: python3 not found (" + e.getMessage() + ")");
                return;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            if (p.exitValue() != 0 && out.contains("No module named")) {
                System.out.println("SKIPPED scipy check: " + out.lines().reduce((a, b) -> b).orElse(out));
                return;
            }
            assertEquals(0, p.exitValue(), out);
            String[] got = out.split(" ");
            double sum = 0;
            long nnz = 0;
            for (double[] row : dense) {
                for (double x : row) {
                    sum += x;
                    nnz += x != 0 ? 1 : 0;
                }
            }
            assertEquals(v, Integer.parseInt(got[0]));
            assertEquals(nnz, Long.parseLong(got[1]), "scipy expands the symmetric matrix to both triangles");
            assertEquals(sum, Double.parseDouble(got[2]), 1e-9 * Math.abs(sum));
        }
    }
}
