package yuelao.engine.cli;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.cli.CliRuns.Run;
import yuelao.engine.stage.Recipes;
import yuelao.storage.vectors.SubwordFile;
import yuelao.storage.vectors.VectorsFile;

/**
 * {@code run}'s presets as the user meets them: {@code --help} shows each preset's epochs (from the recipe book), the
 * default runs the subword epochs, and {@code --preset fast} keeps what its help promises: the same bytes for any
 * thread count.
 */
class RunPresetsTest {
    @TempDir
    Path dir;

    private static String helpDefault(String help, String option) {
        String after = help.substring(help.indexOf(option));
        int d = after.indexOf("Default: ");
        return after.substring(d + "Default: ".length()).lines().findFirst().orElseThrow().strip();
    }

    @Test
    void helpShowsEachPresetsEpochs() {
        for (String preset : Recipes.PRESETS) {
            Run help = run("run", "--preset", preset, "--help");
            assertEquals(0, help.code(), help.err());
            assertTrue(help.out().contains("--preset=default|fast|refined|words"), help.out());
            Recipes.Recipe recipe = Recipes.preset(preset);
            if (recipe.subwords() != null) {
                assertEquals(String.valueOf(recipe.subwords().refinementEpochs()), helpDefault(help.out(), "--subword-epochs"), preset);
            }
        }
        assertTrue(Recipes.run().subwords().refinementEpochs() > 0, "the default runs the subword epochs");
        assertEquals(0, Recipes.preset(Recipes.FAST).subwords().refinementEpochs(), "fast is the fit alone");
        assertOneLineError(run("run", "-i", "x.txt", "-o", dir.resolve("o").toString(), "--preset", "quick"), "quick", "fast");
    }

    @Test
    void fastPresetWritesTheSameBytesForAnyThreadCountAndTheDefaultRunsEpochs() throws Exception {
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, yuelao.engine.TestCorpora.randomCorpus(new Random(8), 400, 60));
        byte[][] first = null;
        for (int threads : new int[] {1, 3}) {
            Path out = dir.resolve("fast" + threads);
            Run r = run("run", "-i", corpus.toString(), "-o", out.toString(), "--preset", "fast", "--dim", "6", "--min-count", "2", "-q",
                    "--analyzer", "whitespace", "--threads", String.valueOf(threads));
            assertEquals(0, r.code(), r.err());
            Path v = out.resolve("vectors");
            byte[][] bytes = {Files.readAllBytes(v.resolve(VectorsFile.FILE_NAME)), Files.readAllBytes(v.resolve(SubwordFile.FILE_NAME))};
            if (first == null) {
                first = bytes;
            } else {
                assertArrayEquals(first[0], bytes[0], "vectors.bin, threads " + threads);
                assertArrayEquals(first[1], bytes[1], "subwords.bin, threads " + threads);
            }
        }
        Path out = dir.resolve("default");
        Run r = run("run", "-i", corpus.toString(), "-o", out.toString(), "--dim", "6", "--min-count", "2", "--analyzer", "whitespace",
                "--threads", "2", "-q");
        assertEquals(0, r.code(), r.err());
        String recorded = Files.readString(out.resolve("run.properties"));
        assertTrue(recorded.contains("subwords.refineEpochs=" + Recipes.run().subwords().refinementEpochs() + "\n"), recorded);
        Path v = out.resolve("vectors");
        assertTrue(Files.size(v.resolve(SubwordFile.FILE_NAME)) > 0);
        assertFalse(java.util.Arrays.equals(first[0], Files.readAllBytes(v.resolve(VectorsFile.FILE_NAME))), "the epochs move the vectors");
    }
}
