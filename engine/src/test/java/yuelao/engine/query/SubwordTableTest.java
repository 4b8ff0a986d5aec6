package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.subword.SubwordFixtures.addBuckets;
import static yuelao.engine.subword.SubwordFixtures.eig;
import static yuelao.engine.subword.SubwordFixtures.pmiRefined;
import static yuelao.engine.subword.SubwordFixtures.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.CliRuns;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.subword.SubwordFeatures;
import yuelao.storage.vectors.SubwordFile;

/** Vectors of unseen words, composed from the stored n-gram table: by the library, the query verbs and export. */
class SubwordTableTest {
    @TempDir
    Path tmp;

    /** An unseen word is the sum of its stored bucket rows; a word with no known n-gram gets no vector; the CLI says it composed. */
    @Test
    void compositionOfAnUnseenWordIsTheSumOfItsStoredFeatures() throws IOException {
        Path store = TestCorpora.randomStore(tmp, 21, 400, 60, 3, WindowWeighting.UNIFORM, 2);
        Path out = tmp.resolve("sw");
        train(store, out, eig(6, 2), pmiRefined(0));
        SubwordFile.Table t = SubwordFile.read(out.resolve(SubwordFile.FILE_NAME));
        SubwordFeatures.Spec spec = SubwordFeatures.Spec.fromProperties(t.properties());
        WordVectors wv = WordVectors.open(out);
        int dim = wv.dim();
        String unseen = "w7777x";
        assertTrue(wv.id(unseen).isEmpty());
        WordVectors.Lookup l = wv.vectorOrComposed(unseen).orElseThrow();
        assertTrue(l.composed());
        float[] expect = new float[dim];
        int found = addBuckets(unseen, spec, t, expect);
        assertEquals(found, l.found());
        assertArrayEquals(expect, l.vector(), 1e-6f);
        assertTrue(l.note().contains("composed from " + found + " of its " + l.ngrams() + " character n-grams"), l.note());
        assertFalse(Nearest.ofVector(wv, l.vector(), 3, Mode.COSINE, 100, new int[0]).isEmpty());
        assertTrue(wv.vectorOrComposed("\u2603\u2603").isEmpty(), "no known n-gram: no composition");
        // the CLI says it composed
        CliRuns.Run nearest = CliRuns.run("nearest", out.toString(), unseen, "--top", "3");
        assertEquals(0, nearest.code(), nearest.err());
        assertTrue(nearest.out().contains("'" + unseen + "' is not in the vocabulary: composed from"), nearest.out());
        // export --oov-words appends the composition
        Path words = tmp.resolve("oov.txt");
        Files.writeString(words, unseen + "\nw1\n");
        Path txt = tmp.resolve("out.txt");
        CliRuns.Run export = CliRuns.run("export", out.toString(), "-o", txt.toString(), "--oov-words", words.toString());
        assertEquals(0, export.code(), export.err());
        List<String> lines = Files.readAllLines(txt);
        assertEquals(wv.size() + 2, lines.size(), "header, the vocabulary, then one composed word");
        assertTrue(lines.getLast().startsWith(unseen + " "));
    }

    /** A table built from a stored feature table holds its buckets. */
    @Test
    void aTableFromAStoredFileHoldsItsBuckets() throws IOException {
        Path file = tmp.resolve("subwords.bin");
        Map<String, String> props = new TreeMap<>();
        new SubwordFeatures.Spec(3, 6, 2_000_000, SubwordFeatures.Scheme.LATIN).toProperties(props);
        SubwordFile.write(file, 42L, 2, 2, new int[] {3, 17, 1_999_999}, new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8, 9, 10}, props);
        SubwordFile.Table t = SubwordFile.read(file);
        SubwordTable table = new SubwordTable(SubwordFeatures.Spec.fromProperties(t.properties()), t.bucketIds(), t.bucketVectors(), 2);
        assertEquals(3, table.buckets());
    }
}
