package yuelao.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import yuelao.engine.query.WordVectors;

/** {@code --case-insensitive}, shared by the vector queries (a picocli mixin), and the opening of their vectors. */
public final class CaseOption {
    @Option(names = "--case-insensitive", description = "Fold words to lower case (the most frequent casing wins).")
    boolean caseInsensitive;

    /** The vectors of a VECTORS (or run) directory, case-folded if asked, searched over the first {@code restrictVocab} words (0 = all). */
    WordVectors open(Path dir, int restrictVocab) throws IOException {
        return VectorArgs.open(dir, caseInsensitive, restrictVocab);
    }
}
