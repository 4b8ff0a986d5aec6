package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import yuelao.core.AnalyzerSpec;
import yuelao.engine.FrameEdits;
import yuelao.engine.TestCorpora;
import yuelao.engine.cli.CliRuns;
import yuelao.engine.cli.Main;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.RunCursor;
import yuelao.storage.counts.SpillRunReader;
import yuelao.storage.counts.SpillRunWriter;
import yuelao.storage.vectors.CheckpointFile;
import yuelao.storage.vectors.GraphFile;
import yuelao.storage.vectors.SubwordFile;
import yuelao.storage.vectors.VectorsFile;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.phrase.PhraseTableFile;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.TokenHandler;

/**
 * Seeded mutation fuzzing of every reader of what yuelao writes or reads: the corpus reader (plain and gzip: UTF-8
 * decoding, line splitting, gzip detection) and each binary or checksummed file (vocab.bin, counts.bin, spill runs,
 * vectors.bin, subwords.bin, checkpoints, the phrase table, hnsw.bin, the run manifest). Each target starts from a
 * valid file made by the code itself and reads mutants of it: bit flips, truncations, extensions, byte runs, cut and
 * inserted ranges, and header fields (length, name length, version, fingerprint, record counts) set to 0, -1, huge or
 * near values; about half of the mutants are re-sealed (the checksum made to match again), so that the reader's checks
 * behind the checksum are reached too.
 *
 * <p>The property: a mutant either reads completely (and then, unless it was re-sealed, it must be the valid file
 * itself: a checksum lets nothing else through), or it fails with an {@link IOException} whose one-line description
 * ({@link Main#describe}, what the CLI prints) names the file. Never an unchecked exception or error (index out of
 * bounds, negative array size, out of memory, buffer underflow, ...), never a hang (each target runs under a
 * preemptive timeout). Mutant {@code i} of a target is made from a {@link Random} seeded with the target's seed and
 * {@code i}, so a failure names what reproduces it. The time is bounded: {@code YUELAO_FUZZ_SECONDS} (default 24)
 * shared by the targets; set it higher for a longer local run.
 */
class ReaderFuzzTest {
    private static final double SECONDS = Double.parseDouble(System.getenv().getOrDefault("YUELAO_FUZZ_SECONDS", "24"));

    @TempDir
    static Path dir;

    static Path scratch;

    /** How a target reads a file completely, touching every record, as its verbs would. */
    interface Read {
        void read(Path file) throws Exception;
    }

    /** Makes a mutant's checksum (or length fields) match its bytes again. */
    interface Reseal {
        byte[] apply(byte[] file);
    }

    /** A file and its reader; {@code frame}: the file has the common binary frame (header fields can be edited). */
    record Target(String name, long seed, Path valid, boolean frame, boolean checksummed, Reseal reseal, Read read) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Target> targets;

    @BeforeAll
    static void validFiles() throws Exception {
        scratch = Files.createDirectory(dir.resolve("mutants"));
        Path corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, TestCorpora.randomCorpus(new Random(11), 300, 80) + "new york new york caf\u00e9 \u4e2d\u6587 na\u00efve\n".repeat(15));
        Path gz = dir.resolve("corpus.txt.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(corpus));
        }
        Path run = dir.resolve("run");
        ok("run", "-i", corpus.toString(), "-o", run.toString(), "--analyzer", "whitespace", "--min-count", "2", "--dim", "6", "-q");
        Path words = dir.resolve("words");
        ok("train", "--store", run.resolve("store").toString(), "-o", words.toString(), "--dim", "6", "--subwords", "2-4", "-q");
        ok("index", run.resolve("vectors").toString(), "-q");
        Path phrases = dir.resolve("phrases.txt");
        ok("phrases", "-i", corpus.toString(), "-o", phrases.toString(), "--analyzer", "whitespace", "--min-count", "3", "-q");
        Path spill = dir.resolve("run-0001.spill");
        try (SpillRunWriter w = SpillRunWriter.create(spill)) {
            Random r = new Random(2);
            long key = 0;
            for (int i = 0; i < 400; i++) {
                key += 1 + r.nextInt(1 << (1 + r.nextInt(20)));
                w.append(key, 1 + r.nextInt(1 << r.nextInt(16)));
            }
            w.finish();
        }
        Path checkpoint = dir.resolve("epoch-0003.ckpt");
        Random r = new Random(3);
        float[] v = new float[40 * 6];
        float[] g = new float[40 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
            g[i] = r.nextFloat();
        }
        CheckpointFile.write(checkpoint, 0x1234_5678_9abcL, 40, 6, 3, Map.of("train.method", "pmi", "train.dim", "6"), v, g);

        targets = List.of(
                new Target("corpus (plain text)", 101, corpus, false, false, null, ReaderFuzzTest::scan),
                new Target("corpus (gzip)", 102, gz, false, false, null, ReaderFuzzTest::scan),
                new Target("vocab.bin", 103, run.resolve("store/vocab.bin"), true, true, FrameEdits::reseal, f -> VocabularyFile.read(f.getParent())),
                new Target("counts.bin", 104, run.resolve("store/counts.bin"), true, true, FrameEdits::reseal, ReaderFuzzTest::readStore),
                new Target("spill run", 105, spill, false, true, ReaderFuzzTest::resealSpill, ReaderFuzzTest::readSpill),
                new Target("vectors.bin", 106, run.resolve("vectors/vectors.bin"), true, true, FrameEdits::reseal, f -> {
                    try (VectorsFile.Stored s = VectorsFile.read(f)) {
                        s.toArray();
                    }
                }),
                new Target("subwords.bin", 107, words.resolve("subwords.bin"), true, true, FrameEdits::reseal, SubwordFile::read),
                new Target("checkpoint", 108, checkpoint, true, true, FrameEdits::reseal, CheckpointFile::read),
                new Target("hnsw.bin", 109, run.resolve("vectors/hnsw.bin"), true, true, FrameEdits::reseal, ReaderFuzzTest::readGraph),
                new Target("phrase table", 110, phrases, false, true, ReaderFuzzTest::resealPhrases, PhraseTableFile::read),
                new Target("run manifest", 111, run.resolve(RunManifest.FILE_NAME), false, true, ReaderFuzzTest::resealManifest,
                        f -> RunManifest.read(f).stages()));
        for (Target t : targets) {
            assertTrue(Files.isRegularFile(t.valid()), t.valid() + " was made");
            readValid(t);
        }
    }

    static Stream<Target> targets() {
        return targets.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aMutantReadsWhollyOrFailsWithOneTypedLine(Target t) throws Exception {
        byte[] valid = Files.readAllBytes(t.valid());
        Path file = scratch.resolve(t.name().replaceAll("[^a-z0-9]+", "-")).resolve(t.valid().getFileName().toString());
        Files.createDirectories(file.getParent());
        long budgetNanos = (long) (SECONDS / targets.size() * 1e9);
        int[] current = {-1};
        int[] stats = new int[2]; // read, refused with a typed one-line error
        assertTimeoutPreemptively(Duration.ofNanos(budgetNanos).plusSeconds(30), () -> {
            long t0 = System.nanoTime();
            for (int i = 0; i == 0 || System.nanoTime() - t0 < budgetNanos; i++) {
                current[0] = i;
                Random r = new Random(t.seed() * 1_000_003L + i);
                boolean[] resealed = {false};
                byte[] mutant = mutate(t, valid, r, resealed);
                Files.write(file, mutant);
                String where = t.name() + " mutant " + i + " (seed " + t.seed() + ", " + mutant.length + " bytes"
                        + (resealed[0] ? ", re-sealed" : "") + ")";
                Throwable thrown = null;
                try {
                    t.read().read(file);
                } catch (Throwable e) {
                    thrown = e;
                }
                if (thrown == null) {
                    stats[0]++;
                    if (t.checksummed() && !resealed[0] && !Arrays.equals(mutant, valid)) {
                        fail(where + ": a changed file read as valid; its checksum should have refused it");
                    }
                    continue;
                }
                Throwable cause = thrown instanceof UncheckedIOException u ? u.getCause() : thrown;
                if (!(cause instanceof IOException)) {
                    throw new AssertionError(where + ": an untyped failure " + thrown, thrown);
                }
                String line = Main.describe(thrown);
                assertFalse(line.contains("\n") || line.startsWith("internal error"), where + ": not one line: " + line);
                assertTrue(line.contains(file.getFileName().toString()), where + ": the message names the file: " + line);
                stats[1]++;
            }
        }, () -> t.name() + ": hung at mutant " + current[0] + " (seed " + t.seed() + ")");
        System.out.printf(Locale.ROOT, "fuzz %s: %d mutants, %d read, %d refused with one line%n", t.name(), stats[0] + stats[1], stats[0],
                stats[1]);
        assertTrue(stats[0] + stats[1] > 0, "read at least one mutant");
        if (t.checksummed()) {
            assertTrue(stats[1] > 0, "some mutant of " + t.name() + " was refused");
        }
    }

    // --- mutations ---

    static byte[] mutate(Target t, byte[] valid, Random r, boolean[] resealed) {
        byte[] b = valid.clone();
        int ops = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        boolean headerEdit = false;
        for (int k = 0; k < ops; k++) {
            int op = r.nextInt(t.frame() ? 8 : 7);
            b = switch (op) {
                case 0 -> flipBits(b, r);
                case 1 -> Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
                case 2 -> extend(b, r);
                case 3 -> overwriteRun(b, r);
                case 4 -> cut(b, r);
                case 5 -> insert(b, r);
                case 6 -> flipBits(b, r); // in the head, where the fields and the first records are
                default -> {
                    headerEdit = true;
                    yield editHeaderField(b, r);
                }
            };
        }
        if (t.reseal() != null && b.length >= 64 && r.nextInt(headerEdit ? 4 : 2) != 0) {
            b = t.reseal().apply(b);
            resealed[0] = true;
        }
        return b;
    }

    private static byte[] flipBits(byte[] b, Random r) {
        if (b.length == 0) {
            return b;
        }
        int n = 1 + r.nextInt(8);
        int span = r.nextBoolean() ? b.length : Math.min(b.length, 96);
        for (int i = 0; i < n; i++) {
            b[r.nextInt(span)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    private static byte[] extend(byte[] b, Random r) {
        byte[] e = Arrays.copyOf(b, b.length + 1 + r.nextInt(256));
        for (int i = b.length; i < e.length; i++) {
            e[i] = (byte) (r.nextBoolean() ? r.nextInt(256) : '\n');
        }
        return e;
    }

    private static byte[] overwriteRun(byte[] b, Random r) {
        if (b.length == 0) {
            return b;
        }
        int at = r.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + r.nextInt(32));
        int kind = r.nextInt(4);
        for (int i = at; i < at + len; i++) {
            b[i] = switch (kind) {
                case 0 -> 0;
                case 1 -> (byte) 0xFF;
                case 2 -> (byte) 0x80; // a run of UTF-8 continuation bytes
                default -> (byte) r.nextInt(256);
            };
        }
        return b;
    }

    private static byte[] cut(byte[] b, Random r) {
        if (b.length < 2) {
            return b;
        }
        int at = r.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + r.nextInt(64));
        byte[] c = new byte[b.length - len];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(b, at + len, c, at, b.length - at - len);
        return c;
    }

    private static byte[] insert(byte[] b, Random r) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length);
        int len = 1 + r.nextInt(64);
        byte[] c = new byte[b.length + len];
        System.arraycopy(b, 0, c, 0, at);
        for (int i = at; i < at + len; i++) {
            c[i] = (byte) r.nextInt(256);
        }
        System.arraycopy(b, at, c, at + len, b.length - at);
        return c;
    }

    /** One header field of the common frame set to an edge value (the file must still hold the field). */
    private static byte[] editHeaderField(byte[] b, Random r) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int nameLength = b.length >= FrameEdits.NAME_OFFSET + 4 ? le.getInt(FrameEdits.NAME_OFFSET) : -1;
        if (nameLength < 0 || nameLength > 64) {
            return overwriteRun(b, r);
        }
        int version = FrameEdits.versionOffset(b);
        int counts = FrameEdits.recordCountsOffset(b);
        int nCounts = b.length >= counts + 4 ? le.getInt(counts) : 0;
        int field = r.nextInt(5 + Math.max(0, Math.min(nCounts, 8)));
        int at;
        boolean isLong;
        switch (field) {
            case 0 -> { at = FrameEdits.LENGTH_OFFSET; isLong = true; }
            case 1 -> { at = FrameEdits.NAME_OFFSET; isLong = false; }
            case 2 -> { at = version; isLong = false; }
            case 3 -> { at = version + 4; isLong = true; } // the vocabulary fingerprint
            case 4 -> { at = counts; isLong = false; }
            default -> { at = counts + 4 + 8 * (field - 5); isLong = true; }
        }
        if (at + (isLong ? 8 : 4) > b.length) {
            return overwriteRun(b, r);
        }
        long old = isLong ? le.getLong(at) : le.getInt(at);
        long[] edges = {0, -1, 1, old + 1, old - 1, old * 2, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            1L << 31, 1L << 40, r.nextInt(1000)};
        long value = edges[r.nextInt(edges.length)];
        if (isLong) {
            le.putLong(at, value);
        } else {
            le.putInt(at, (int) value);
        }
        return b;
    }

    // --- re-sealing, per format ---

    /** A spill run ends with the record count (8 bytes) and the CRC32C of everything before the CRC (4 bytes). */
    private static byte[] resealSpill(byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    /** The phrase table's end line holds the entry count and the CRC32C of everything before it. */
    private static byte[] resealPhrases(byte[] b) {
        int end = b.length - 1;
        while (end > 0 && b[end - 1] != '\n') {
            end--;
        }
        String last = new String(b, end, b.length - end, StandardCharsets.ISO_8859_1);
        int at = last.indexOf("crc32c=");
        if (!last.startsWith("#end ") || at < 0) {
            return b;
        }
        CRC32C crc = new CRC32C();
        crc.update(b, 0, end);
        String line = last.substring(0, at) + String.format(Locale.ROOT, "crc32c=%08x\n", crc.getValue());
        byte[] tail = line.getBytes(StandardCharsets.ISO_8859_1);
        byte[] c = Arrays.copyOf(b, end + tail.length);
        System.arraycopy(tail, 0, c, end, tail.length);
        return c;
    }

    /** The manifest's last line is the CRC32C (hex) of the lines before it. */
    private static byte[] resealManifest(byte[] b) {
        String text = new String(b, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("# crc32c ");
        if (last < 0) {
            return b;
        }
        String body = text.substring(0, last);
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return (body + "# crc32c " + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    // --- full reads ---

    private static void scan(Path file) throws IOException {
        new CorpusScanner(AnalyzerSpec.defaults("english"), 1, 4096).scan(InputFiles.expand(List.of(file.toString())), t -> new TokenHandler() {
            long tokens;

            @Override
            public void startDocument(long index) {}

            @Override
            public void token(char[] term, int length) {
                tokens += length;
            }

            @Override
            public void endDocument() {}
        });
    }

    private static void readStore(Path file) throws IOException {
        try (CountStore s = CountStore.open(file)) {
            long sum = 0;
            for (int i = 0; i < s.vocabSize(); i++) {
                for (long k = s.rowStart(i); k < s.rowEnd(i); k++) {
                    sum += s.units(k) + s.column(k);
                    s.find(i, s.column(k));
                }
                s.topByCount(i, 3);
                sum += s.unigramCount(i);
            }
            try (RunCursor c = s.upperPairs()) {
                while (c.next()) {
                    sum += c.units();
                }
            }
        }
    }

    private static void readSpill(Path file) throws IOException {
        try (SpillRunReader r = SpillRunReader.open(file)) {
            while (r.next()) {
                r.key();
            }
        }
    }

    private static void readGraph(Path file) throws IOException {
        try (GraphFile.Stored g = GraphFile.read(file)) {
            for (int l = 0; l < g.levels(); l++) {
                for (int i = 0; i < g.levelSize(l); i++) {
                    for (long k = g.start(l, i); k < g.end(l, i); k++) {
                        g.neighbour(l, k);
                    }
                }
            }
        }
    }

    private static void readValid(Target t) throws Exception {
        try {
            t.read().read(t.valid());
        } catch (Exception e) {
            throw new AssertionError("the valid " + t.name() + " must read: " + e, e);
        }
    }

    private static void ok(String... args) {
        CliRuns.Run r = CliRuns.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
    }
}
