package yuelao.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import yuelao.engine.api.VectorQueries;
import yuelao.engine.query.IndexSettings;

/** {@code --case-insensitive}, shared by the vector queries (a picocli mixin), and the opening of their vectors. */
public final class CaseOption {
    @Option(names = "--case-insensitive", description = "Fold words to lower case (the most frequent casing wins).")
    boolean caseInsensitive;

    /** The queries over the vectors of a VECTORS (or run) directory, case-folded if asked, without their index. */
    VectorQueries open(Path dir) throws IOException {
        return open(dir, IndexSettings.builder().build(), VectorQueries.IndexUse.NONE);
    }

    VectorQueries open(Path dir, IndexSettings settings, VectorQueries.IndexUse use) throws IOException {
        return VectorQueries.open(dir, caseInsensitive, settings, use);
    }
}
