package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yuelao.core.AnalyzerSpec;
import yuelao.core.Vocabulary;

/**
 * Turns a foreign vector file into a VECTORS directory.
 *
 * <p>Foreign files carry no counts, only an order (word2vec, GloVe and fastText all write the most frequent
 * word first). The vocabulary keeps that order as its rank order by giving row i the synthetic count
 * {@code V - i}: strictly descending, so the rank order's tie-break never reorders anything (gensim makes up
 * the same counts). The properties record {@code imported.from}, {@code imported.format},
 * {@code imported.gzip} and {@code imported.counts=synthetic}.
 *
 * <p>Analyzer: the words were made by an unknown tokenizer, so the directory records the {@code whitespace}
 * analyzer (explicitly: an absent analyzer would mean {@code english}). Text given to the query verbs is
 * then split at whitespace only and each token is looked up exactly as written: no lowercasing, no
 * stemming, punctuation stays attached ({@code "cat."} is not {@code "cat"}), so callers should tokenize
 * the way the vectors' authors did. The maximum token length is raised to the longest word.
 */
public final class VectorImport {
    private VectorImport() {}

    /** What was imported. */
    public record Result(VectorFormats.Detected detected, int words, int dim, double seconds) {}

    /** Reads {@code file} (any format, detected) and writes {@code out} atomically. */
    public static Result run(Path file, Path out, boolean force) throws IOException {
        long t0 = System.nanoTime();
        VectorFormats.Detected d = VectorFormats.detect(file);
        ImportedVectors iv = VectorFormats.read(file, d);
        Vocabulary v = vocabulary(iv.words());
        VectorsDirectory.write(out, force, List.of(file), new VectorsDirectory.Contents(v, iv.data(), iv.dim(), properties(file, d, v), null));
        return new Result(d, iv.size(), iv.dim(), (System.nanoTime() - t0) / 1e9);
    }

    /** The words in file order, as a vocabulary whose rank order is that order (counts V, V-1, ..., 1). */
    public static Vocabulary vocabulary(List<String> words) {
        int n = words.size();
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = n - i;
        }
        return Vocabulary.ofRanked(words.toArray(new String[0]), counts);
    }

    static Map<String, String> properties(Path file, VectorFormats.Detected d, Vocabulary v) {
        int longest = AnalyzerSpec.DEFAULT_MAX_TOKEN_LENGTH;
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            longest = Math.max(longest, w.codePointCount(0, w.length()));
        }
        Map<String, String> p = new LinkedHashMap<>(new AnalyzerSpec("whitespace", false, "none", 1, longest).toProperties());
        p.put("imported.from", file.toAbsolutePath().normalize().toString());
        p.put("imported.format", d.format().id());
        p.put("imported.gzip", Boolean.toString(d.gzip()));
        p.put("imported.counts", "synthetic");
        return p;
    }
}
