package yuelao.engine.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --phrases} of the verbs that tokenize query text against a store or vectors made with a phrase table. */
public final class QueryPhrasesOption {
    @Option(names = "--phrases", paramLabel = "FILE",
            description = "The phrase table the corpus was read with, when it has moved (default: the path the store or vectors record; "
                    + "its fingerprint must match).")
    Path phrases;
}
