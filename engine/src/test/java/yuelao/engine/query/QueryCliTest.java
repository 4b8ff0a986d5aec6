package yuelao.engine.query;

import static org.junit.jupiter.api.Assertions.*;
import static yuelao.engine.cli.CliRuns.assertOneLineError;
import static yuelao.engine.cli.CliRuns.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.engine.cli.CliRuns.Run;

/** The vector query verbs on a small vectors directory trained in-test (count, then train --method eig --dim 8). */
class QueryCliTest {
    @TempDir
    static Path dir;
    static Path vectors;

    /** Two topics (animals, royalty) and function words, so neighbours have some structure. */
    @BeforeAll
    static void trainVectors() throws Exception {
        String[] animals = {"cat", "dog", "mouse", "horse", "cow", "pig"};
        String[] royals = {"king", "queen", "prince", "princess", "crown", "throne"};
        String[] fillers = {"the", "a", "of", "and", "with"};
        Random rnd = new Random(11);
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line < 1500; line++) {
            String[] topic = line % 2 == 0 ? animals : royals;
            for (int i = 0; i < 12; i++) {
                sb.append(rnd.nextInt(3) == 0 ? fillers[rnd.nextInt(fillers.length)] : topic[rnd.nextInt(topic.length)]).append(' ');
            }
            sb.append('\n');
        }
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, sb.toString());
        Path store = dir.resolve("store");
        Run c = run("count", "-i", corpus.toString(), "-o", store.toString(), "-q", "--min-count", "1", "--window", "4");
        assertEquals(0, c.code(), c.err());
        vectors = dir.resolve("vec");
        Run t = run("train", "--store", store.toString(), "--out", vectors.toString(), "--method", "eig", "--dim", "3"); // the two-topic corpus has 3 positive eigen-directions
        assertEquals(0, t.code(), t.err());
    }

    @Test
    void nearestInEveryModeFindsTheSameTopic() {
        for (String mode : new String[] {"cosine", "relatedness", "similarity"}) {
            Run r = run("nearest", vectors.toString(), "cat", "--top", "3", "--mode", mode, "--context-words", "10");
            assertEquals(0, r.code(), r.err());
            String[] lines = r.out().strip().split("\n");
            assertEquals(4, lines.length, r.out());
            assertTrue(lines[0].startsWith("nearest to 'cat' by " + mode), r.out());
            assertFalse(r.out().contains(" cat "), "query word excluded: " + r.out());
        }
        Run cos = run("nearest", vectors.toString(), "king", "--top", "2");
        assertTrue(List.of("queen", "prince", "princess", "crown", "throne").stream().anyMatch(w -> cos.out().contains(w)), cos.out());
        Run restricted = run("nearest", vectors.toString(), "king", "--top", "20", "--restrict-vocab", "5");
        assertEquals(0, restricted.code(), restricted.err());
        // The five most frequent words are the fillers, and king is not among them: five answers, all fillers.
        String[] lines = restricted.out().strip().split("\n");
        assertEquals(1 + 5, lines.length, restricted.out());
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].matches("\\s*\\d+\\s+(the|a|of|and|with)\\s+.*"), lines[i]);
        }
    }

    @Test
    void caseInsensitiveLookUps() {
        // the vocabulary's analyzer (english) lowercases: KING is king, and says so
        Run upper = run("nearest", vectors.toString(), "KING");
        assertEquals(0, upper.code(), upper.err());
        assertTrue(upper.out().startsWith("'KING' is read as 'king'"), upper.out());
        assertEquals(0, run("nearest", vectors.toString(), "KING", "--case-insensitive").code());
        assertOneLineError(run("nearest", vectors.toString(), "KINGDOMS"), "'kingdoms'", "not in the vocabulary");
    }

    @Test
    void analogySimilaritySentenceAndDoesntMatch() {
        for (String m : new String[] {"add", "add-raw", "mul"}) {
            Run a = run("analogy", vectors.toString(), "cat", "dog", "king", "--method", m, "--top", "3");
            assertEquals(0, a.code(), a.err());
            assertTrue(a.out().startsWith("cat : dog :: king : ?  (" + m), a.out());
            String answers = a.out().substring(a.out().indexOf('\n'));
            assertFalse(answers.contains(" cat ") || answers.contains(" dog ") || answers.contains(" king "), a.out());
        }
        Run s = run("similarity", vectors.toString(), "cat", "dog", "--context-words", "10");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("cosine(cat, dog) = ") && s.out().contains("inner product") && s.out().contains("profile correlation"), s.out());
        Run sen = run("sentence", vectors.toString(), "the cat and the dog", "a king with a crown zebra", "--keywords");
        assertEquals(0, sen.code(), sen.err());
        assertTrue(sen.out().contains("relatedness <s_1, s_2> = ") && sen.out().contains("cosine(s_1, s_2) = "), sen.out());
        assertTrue(sen.out().contains("out of vocabulary: [zebra]") && sen.out().contains("keywords of text 2"), sen.out());
        Run dm = run("doesnt-match", vectors.toString(), "cat", "dog", "horse", "king");
        assertEquals(0, dm.code(), dm.err());
        assertTrue(dm.out().startsWith("doesn't match: king"), dm.out());
    }

    @Test
    void unknownWordsAndBadVectorsAreOneLineErrors() throws Exception {
        String v = vectors.toString();
        assertOneLineError(run("nearest", v, "zebra"), "'zebra'");
        assertOneLineError(run("analogy", v, "cat", "zebra", "king"), "'zebra'");
        assertOneLineError(run("similarity", v, "yak", "zebra"), "yak", "zebra");
        assertOneLineError(run("doesnt-match", v, "cat", "dog", "zebra"), "'zebra'");
        assertOneLineError(run("sentence", v, "zebra yak"), "no in-vocabulary word", "zebra");
        assertOneLineError(run("nearest", v, "cat", "--mode", "fuzzy"), "fuzzy");
        assertOneLineError(run("nearest", dir.resolve("nothing").toString(), "cat"), "nothing", "no such file");
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        for (String f : new String[] {"vocab.bin", "vectors.bin"}) {
            Files.copy(vectors.resolve(f), broken.resolve(f));
        }
        byte[] b = Files.readAllBytes(broken.resolve("vectors.bin"));
        b[b.length / 2] ^= 0x5A;
        Files.write(broken.resolve("vectors.bin"), b);
        assertOneLineError(run("nearest", broken.toString(), "cat"), "vectors.bin");
    }

    @Test
    void evalReportsSpearmanAndAnalogyAccuracy() throws Exception {
        Path sim = dir.resolve("pairs.txt");
        Files.writeString(sim, "cat\tdog\t9\nCAT\tking\t1\nqueen\tprince\t8\nhorse\tthrone\t2\ncat\tzebra\t5\n");
        Path ana = dir.resolve("ana.txt");
        Files.writeString(ana, ": animals\ncat dog horse cow\nCat Dog zebra cow\n: gram-royal\nking queen prince princess\n");
        Run r = run("eval", vectors.toString(), "--similarity", sim.toString(), "--analogy", ana.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"pairs\": {\"rho\": ") && r.out().contains("\"n\": 4, \"total\": 5"), r.out());
        assertTrue(r.out().contains("\"answerable\": 2, \"total\": 3"), r.out());
        Run table = run("eval", vectors.toString(), "--similarity", sim.toString(), "--analogy", ana.toString(), "--method", "mul");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("pairs 4 of 5") && table.out().contains("ana over the") && table.out().contains(" mul "), table.out());
        assertTrue(table.out().contains("2 of 3 questions answerable (coverage 66.7%)"), table.out());
        assertOneLineError(run("eval", vectors.toString(), "--similarity", dir.resolve("none.txt").toString()), "none.txt");
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "cat\tdog\t9\ncat\tking\thigh\n");
        assertOneLineError(run("eval", vectors.toString(), "--similarity", bad.toString()), "bad.txt", "line 2", "high");
    }
}
