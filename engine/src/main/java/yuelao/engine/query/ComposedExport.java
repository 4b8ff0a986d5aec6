package yuelao.engine.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import yuelao.engine.vectors.VectorFormat;
import yuelao.engine.vectors.VectorFormats;

/**
 * An export of a subword model's vectors with extra rows for words the corpus never showed, composed from their
 * character n-grams (docs/method.md section 4): the vocabulary's rows in id order, then the composed ones in the order
 * given. Words already in the vocabulary, repeats and empty lines are skipped; a word none of whose n-grams the model
 * knows is left out and counted.
 */
public final class ComposedExport {
    private ComposedExport() {}

    /** What was written: rows composed, and words left out for want of any known n-gram. */
    public record Result(int composed, int unknown) {}

    /**
     * Writes {@code wv}'s rows and the compositions of {@code extraWords} to {@code out} in {@code format}, atomically.
     *
     * @throws IllegalArgumentException if {@code wv} is not a subword model
     */
    public static Result write(WordVectors wv, List<String> extraWords, Path out, VectorFormat format) throws IOException {
        if (wv.subwords().isEmpty()) {
            throw new IllegalArgumentException("not a subword model (train --subwords writes one); composed rows need its n-gram table");
        }
        int dim = wv.dim();
        List<String> words = new ArrayList<>(wv.words());
        Set<String> added = new HashSet<>();
        List<float[]> rows = new ArrayList<>();
        int unknown = 0;
        for (String line : extraWords) {
            String w = line.strip();
            if (w.isEmpty() || wv.contains(w) || !added.add(w)) {
                continue;
            }
            Optional<WordVectors.Lookup> l = wv.vectorOrComposed(w);
            if (l.isEmpty()) {
                unknown++;
                continue;
            }
            words.add(w);
            rows.add(l.get().vector());
        }
        int vocab = wv.size();
        float[] data = new float[words.size() * dim];
        for (int i = 0; i < vocab; i++) {
            System.arraycopy(wv.vector(i), 0, data, i * dim, dim);
        }
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, (vocab + i) * dim, dim);
        }
        VectorFormats.write(out, format, words, data, dim);
        return new Result(rows.size(), unknown);
    }
}
