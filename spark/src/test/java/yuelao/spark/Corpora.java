package yuelao.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Random corpora for the tests: Zipf-distributed words over a few hundred types, lines of very different lengths
 * (some longer than a small --max-document-length), empty lines, CRLF endings, malformed UTF-8, non-ASCII words, and
 * a file without a final line feed.
 */
final class Corpora {
    private Corpora() {}

    static byte[] text(long seed, int lines) {
        Random r = new Random(seed);
        String[] words = new String[400];
        for (int i = 0; i < words.length; i++) {
            words[i] = (i % 37 == 0 ? "é" : "") + Integer.toString(i * 7919 + 13, 36) + (i % 53 == 0 ? "ß" : "");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int l = 0; l < lines; l++) {
            int kind = r.nextInt(20);
            int n = kind == 0 ? 0 : kind == 1 ? 200 + r.nextInt(300) : 1 + r.nextInt(30);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(r.nextInt(15) == 0 ? ", " : " ");
                }
                // Zipf-like: the index of a word falls off as 1/rank
                int w = (int) Math.min(words.length - 1, Math.floor(Math.exp(r.nextDouble() * Math.log(words.length + 1)) - 1));
                sb.append(words[w]);
            }
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            if (r.nextInt(40) == 0) {
                out.writeBytes(new byte[] {' ', (byte) 0xC3, ' ', (byte) 0xE2, (byte) 0x82, ' ', 'x', 'y'}); // malformed UTF-8
            }
            out.writeBytes(r.nextInt(10) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        return out.toByteArray();
    }

    /**
     * A corpus directory: two plain files (one without a final line feed), a gzip file in a subdirectory, a hidden
     * file (skipped) and an empty file (skipped). Returns the directory.
     */
    static Path directory(Path root, long seed) throws IOException {
        Path dir = Files.createDirectories(root.resolve("corpus-" + HexFormat.of().toHexDigits(seed).substring(8)));
        Files.write(dir.resolve("a.txt"), text(seed, 900));
        byte[] b = text(seed + 1, 700);
        Files.write(dir.resolve("b.txt"), java.util.Arrays.copyOf(b, b.length - 1));
        Files.createDirectories(dir.resolve("sub"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("sub").resolve("c.txt.gz")))) {
            gz.write(text(seed + 2, 600));
        }
        Files.write(dir.resolve(".hidden.txt"), text(seed + 3, 50));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        return dir;
    }

    /** Every regular file under {@code dir}, relative, sorted. */
    static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).map(dir::relativize).sorted().forEach(out::add);
        }
        return out;
    }
}
