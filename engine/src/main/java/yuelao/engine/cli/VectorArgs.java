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
            throw new UserException("'" + unknown.get(0) + "' is not in the vocabulary of " + dir
                    + (wv.isCaseInsensitive() ? "" : " (try --case-insensitive)"));
        }
        if (!unknown.isEmpty()) {
            throw new UserException("not in the vocabulary of " + dir + ": " + String.join(", ", unknown));
        }
    }

    static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new UserException(option + " must be at least 1, not " + value);
        }
    }
}
