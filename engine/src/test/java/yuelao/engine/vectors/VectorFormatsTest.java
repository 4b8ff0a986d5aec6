package yuelao.engine.vectors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips and format detection of {@link VectorFormats}. */
class VectorFormatsTest {
    @TempDir
    Path dir;

    static void assertSameTable(TestVectors.Table t, ImportedVectors iv) {
        assertEquals(t.words(), iv.words());
        assertEquals(t.dim(), iv.dim());
        assertEquals(t.data().length, iv.data().length);
        for (int i = 0; i < t.data().length; i++) {
            if (Float.floatToRawIntBits(t.data()[i]) != Float.floatToRawIntBits(iv.data()[i])) {
                fail("float " + i + " (word " + t.words().get(i / t.dim()) + "): wrote " + t.data()[i] + " ("
                        + Integer.toHexString(Float.floatToRawIntBits(t.data()[i])) + "), read " + iv.data()[i] + " ("
                        + Integer.toHexString(Float.floatToRawIntBits(iv.data()[i])) + ")");
            }
        }
    }

    static Path gzip(Path file) throws IOException {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        return gz;
    }

    static String detectedId(VectorFormat f) {
        return f == VectorFormat.FASTTEXT_VEC ? "word2vec" : f.id(); // .vec is word2vec text
    }

    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void everyFormatRoundTripsWordsAndFloatsBitForBit(VectorFormat format) throws Exception {
        for (int dim : new int[] {1, 2, 7, 50}) {
            TestVectors.Table t = TestVectors.random(format.ordinal() * 100L + dim, 300, dim, false);
            Path f = dir.resolve(format.id() + "-" + dim);
            VectorFormats.write(f, format, t.words(), t.data(), dim);
            VectorFormats.Detected d = VectorFormats.detect(f);
            assertEquals(detectedId(format), d.format().id(), "detected, dim " + dim);
            assertFalse(d.gzip());
            ImportedVectors iv = VectorFormats.read(f);
            assertEquals(detectedId(format), iv.format());
            assertSameTable(t, iv);

            Path gz = gzip(f);
            VectorFormats.Detected dz = VectorFormats.detect(gz);
            assertEquals(d.format(), dz.format(), "gzip, dim " + dim);
            assertTrue(dz.gzip());
            assertSameTable(t, VectorFormats.read(gz));
        }
    }

    @Test
    void textLayoutIsTheToolsOwn() throws Exception {
        List<String> words = List.of("the", "猫");
        float[] data = {0.1f, -2.5e-7f, 1e10f, -0.0f};
        Path w2v = dir.resolve("v.txt");
        VectorFormats.write(w2v, VectorFormat.WORD2VEC, words, data, 2);
        assertEquals("2 2\nthe 0.1 -2.5E-7\n猫 1.0E10 -0.0\n", Files.readString(w2v, StandardCharsets.UTF_8));
        Path glove = dir.resolve("g.txt");
        VectorFormats.write(glove, VectorFormat.GLOVE, words, data, 2);
        assertEquals("the 0.1 -2.5E-7\n猫 1.0E10 -0.0\n", Files.readString(glove, StandardCharsets.UTF_8));
        Path vec = dir.resolve("f.vec");
        VectorFormats.write(vec, VectorFormat.FASTTEXT_VEC, words, data, 2);
        assertEquals(Files.readString(w2v), Files.readString(vec));
    }

    @Test
    void binaryLayoutIsTheCToolsOwn() throws Exception {
        Path bin = dir.resolve("v.bin");
        VectorFormats.write(bin, VectorFormat.WORD2VEC_BINARY, List.of("ab", "é"), new float[] {1f, -0.5f, 2f, 3f}, 2);
        ByteBuffer want = ByteBuffer.allocate(4 + 3 + 8 + 1 + 3 + 8 + 1).order(ByteOrder.LITTLE_ENDIAN);
        want.put("2 2\n".getBytes(StandardCharsets.US_ASCII)).put("ab ".getBytes(StandardCharsets.UTF_8)).putFloat(1f).putFloat(-0.5f)
                .put((byte) '\n').put("é ".getBytes(StandardCharsets.UTF_8)).putFloat(2f).putFloat(3f).put((byte) '\n');
        assertArrayEquals(want.array(), Files.readAllBytes(bin));
    }

    @Test
    void readsForeignVariantsOfTheTextFormats() throws Exception {
        // The C tool's text: trailing space; Windows line ends; tabs; a BOM; numpy's nan/inf; a header with extra spaces.
        Path c = dir.resolve("c.txt");
        Files.writeString(c, "\uFEFF 2  3 \r\nthe 0.5 -1 2e-3 \r\nof\t1\t+2.\t.5\r\n", StandardCharsets.UTF_8);
        ImportedVectors iv = VectorFormats.read(c);
        assertEquals("word2vec", iv.format());
        assertEquals(List.of("the", "of"), iv.words());
        assertArrayEquals(new float[] {0.5f, -1f, 2e-3f, 1f, 2f, .5f}, iv.data());
        Path g = dir.resolve("g.txt");
        Files.writeString(g, "a 1 2 3\nb 4 5 6", StandardCharsets.UTF_8); // no final newline
        ImportedVectors gv = VectorFormats.read(g);
        assertEquals("glove", gv.format());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, gv.data());
    }

    /** numpy prints nan and inf, and the parser reads them; but a vector holding one ranks words by nonsense: refused. */
    @Test
    void nanAndInfinityAreRefusedInEveryFormat() throws Exception {
        for (String bad : new String[] {"nan", "-inf", "Infinity", "NaN"}) {
            Path g = dir.resolve("bad-" + bad + ".txt");
            Files.writeString(g, "a 1 2 3\nb 1 " + bad + " 3\n", StandardCharsets.UTF_8);
            yuelao.storage.format.StoreFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                    yuelao.storage.format.StoreFormatException.class, () -> VectorFormats.read(g));
            assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("value 2 of 'b'") && e.getMessage().contains("finite"),
                    e.getMessage());
        }
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("1 2\n".getBytes(StandardCharsets.US_ASCII));
        b.put("x ".getBytes(StandardCharsets.US_ASCII)).putFloat(0.5f).putFloat(Float.NaN).put((byte) '\n');
        Path f = dir.resolve("nan.bin");
        Files.write(f, java.util.Arrays.copyOf(b.array(), b.position()));
        yuelao.storage.format.StoreFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                yuelao.storage.format.StoreFormatException.class, () -> VectorFormats.read(f));
        assertTrue(e.getMessage().contains("value 2 of 'x'") && e.getMessage().contains("finite"), e.getMessage());
    }

    @Test
    void binaryWithoutRowNewlinesAsGensimWritesIt() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("2 3\n".getBytes(StandardCharsets.US_ASCII));
        b.put("x ".getBytes(StandardCharsets.US_ASCII)).putFloat(0.25f).putFloat(-1f).putFloat(7f);
        b.put("yy ".getBytes(StandardCharsets.US_ASCII)).putFloat(1e-3f).putFloat(0f).putFloat(Float.intBitsToFloat(0x0A0A0A0A));
        Path f = dir.resolve("g.bin");
        Files.write(f, java.util.Arrays.copyOf(b.array(), b.position()));
        ImportedVectors iv = VectorFormats.read(f);
        assertEquals("word2vec-binary", iv.format());
        assertEquals(List.of("x", "yy"), iv.words());
        assertArrayEquals(new float[] {0.25f, -1f, 7f, 1e-3f, 0f, Float.intBitsToFloat(0x0A0A0A0A)}, iv.data());
    }

    @Test
    void headerOrNotIsDecidedByTheRestOfTheFile() throws Exception {
        // "3 5" then 6-field lines: a header. "3 5" then 2-field lines: GloVe of dimension 1 whose first word is "3".
        Path h = dir.resolve("h.txt");
        Files.writeString(h, "2 5\na 1 2 3 4 5\nb 1 2 3 4 5\n");
        assertEquals(VectorFormat.WORD2VEC, VectorFormats.detect(h).format());
        assertEquals(List.of("a", "b"), VectorFormats.read(h).words());
        Path g = dir.resolve("g.txt");
        Files.writeString(g, "3 5\na 1\nb 2\n");
        assertEquals(VectorFormat.GLOVE, VectorFormats.detect(g).format());
        ImportedVectors gv = VectorFormats.read(g);
        assertEquals(List.of("3", "a", "b"), gv.words());
        assertArrayEquals(new float[] {5, 1, 2}, gv.data());
        // A GloVe file whose first word is not a number, dimension 1.
        Path g1 = dir.resolve("g1.txt");
        Files.writeString(g1, "x 5\n");
        assertEquals(VectorFormat.GLOVE, VectorFormats.detect(g1).format());
    }

    @Test
    void importedVocabularyKeepsTheFileOrderAsRankOrder() {
        // "b" < "a" would be reordered by a tie; strictly descending synthetic counts keep the file order.
        var v = VectorImport.vocabulary(List.of("zebra", "apple", "mango"));
        assertEquals(List.of("zebra", "apple", "mango"), List.of(v.words()));
        assertArrayEquals(new long[] {3, 2, 1}, v.counts());
    }
}
