package yuelao.storage.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

class ChronicleVocabularyMapTest {
    @TempDir
    Path dir;

    /** Run in a child JVM: opens the map and prints "id count" for each word argument. */
    public static void main(String[] args) throws IOException {
        try (ChronicleVocabularyMap m = ChronicleVocabularyMap.open(Path.of(args[0]))) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(m.id(args[i]) + " " + m.count(args[i]));
            }
        }
    }

    @Test
    void roundTripsAndReopensFromAnotherProcess() throws Exception {
        Random rnd = new Random(51);
        List<Vocabulary.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String w = i % 7 == 0 ? "词" + i : i % 11 == 0 ? "ü" + "x".repeat(rnd.nextInt(40)) + i : "w" + i;
            entries.add(new Vocabulary.Entry(w, 1 + rnd.nextInt(100_000) + (i == 5 ? 10_000_000_000L : 0)));
        }
        Vocabulary v = Vocabulary.select(entries, 1, 0);
        Path file = dir.resolve("vocab.cmap");
        try (ChronicleVocabularyMap m = ChronicleVocabularyMap.build(file, v)) {
            assertEquals(v.size(), m.size());
        }
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary files left");
        }
        try (ChronicleVocabularyMap m = ChronicleVocabularyMap.open(file)) {
            assertEquals(v.fingerprint(), m.vocabularyFingerprint());
            for (int i = 0; i < v.size(); i++) {
                assertEquals(i, m.id(v.word(i)));
                assertEquals(v.count(i), m.count(v.word(i)));
            }
            assertEquals(-1, m.id("absent"));
            assertEquals(0, m.count("absent"));
            assertEquals(10_000_000_000L + v.count(0) - 10_000_000_000L, m.count(v.word(0)), "counts beyond 2^32 survive");
        }

        // Another process opens the same file.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-D") || a.startsWith("--"))
                .toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChronicleVocabularyMapTest.class.getName(), file.toString(),
                v.word(0), v.word(v.size() - 1), "absent"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertEquals(List.of("0 " + v.count(0), (v.size() - 1) + " " + v.count(v.size() - 1), "-1 0"),
                new String(out, StandardCharsets.UTF_8).lines().toList());

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a map\n".repeat(100));
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> ChronicleVocabularyMap.open(text));
        assertTrue(!e.getMessage().contains("\n") && e.getMessage().startsWith(text.toString()), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ChronicleVocabularyMap.open(dir.resolve("missing")));
    }
}
