package yuelao.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import yuelao.engine.query.WordVectors;

/** Shared by the vector query verbs: opens VECTORS and turns unknown words into one-line user errors. */
final class VectorArgs {
    private VectorArgs() {}

    static WordVectors open(Path dir, boolean caseInsensitive, int restrictVocab) throws IOException {
        WordVectors wv = WordVectors.open(dir);
        if (caseInsensitive) {
            wv = wv.caseInsensitive();
        }
        if (restrictVocab < 0) {
            throw new UserException("--restrict-vocab must be >= 0 (0 = all words), not " + restrictVocab);
        }
        return wv.restrict(restrictVocab);
    }

    /** Throws a one-line error naming every unknown word. */
    static void requireKnown(WordVectors wv, Path dir, List<String> words) {
        List<String> unknown = wv.unknown(words);
        if (unknown.size() == 1) {
            String w = unknown.get(0);
            String form = wv.normalize(w);
            String hint = !form.equals(w) ? " (nor is '" + form + "', as the vocabulary's analyzer reads it)"
                    : !wv.isCaseInsensitive() && wv.caseInsensitive().contains(w) ? " (try --case-insensitive)" : "";
            throw new UserException("'" + w + "' is not in the vocabulary of " + dir + hint);
        }
        if (!unknown.isEmpty()) {
            throw new UserException("not in the vocabulary of " + dir + ": " + String.join(", ", unknown));
        }
    }

    /**
     * The vectors of {@code words}: vocabulary rows, or compositions from n-grams when the vectors come from a
     * subword model (each composition announced on {@code out}); a one-line error for words that have neither.
     */
    static List<WordVectors.Lookup> lookup(WordVectors wv, Path dir, List<String> words, java.io.PrintWriter out) {
        List<WordVectors.Lookup> found = new java.util.ArrayList<>();
        List<String> missing = new java.util.ArrayList<>();
        for (String w : words) {
            java.util.Optional<WordVectors.Lookup> l = wv.vectorOrComposed(w);
            if (l.isPresent()) {
                found.add(l.get());
            } else {
                missing.add(w);
            }
        }
        if (!missing.isEmpty()) {
            if (wv.subwords().isEmpty()) {
                requireKnown(wv, dir, words);
            }
            throw new UserException((missing.size() == 1 ? "'" + missing.get(0) + "' is" : String.join(", ", missing) + " are")
                    + " not in the vocabulary of " + dir + ", and no character n-gram of it is known to the subword model");
        }
        for (WordVectors.Lookup l : found) {
            if (!l.note().isEmpty()) {
                out.println(l.note());
            }
        }
        return found;
    }

    /** The ids of the lookups, -1 for composed words (exclusion lists of the searches). */
    static int[] ids(WordVectors wv, List<WordVectors.Lookup> ls) {
        int[] ids = new int[ls.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ls.get(i).composed() ? -1 : wv.id(ls.get(i).word()).getAsInt();
        }
        return ids;
    }

    static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new UserException(option + " must be at least 1, not " + value);
        }
    }
}
