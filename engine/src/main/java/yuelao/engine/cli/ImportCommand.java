package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.engine.vectors.VectorImport;

/** {@code yuelao import FILE --out VECTORS}. */
@Command(name = "import", header = "Read vectors made by another tool into a VECTORS directory.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Read word vectors made by another tool into a VECTORS directory (vectors.bin,",
            "vectors.txt, vocab.bin, vocab.txt) for the vector queries. The format is detected:",
            "  word2vec or fastText .vec text  a \"count dim\" line, then \"word v1 ... vd\" lines",
            "  GloVe text                      the same lines without the header",
            "  word2vec binary                 the C tool's -binary 1 (as gensim writes it too)",
            "gzip-compressed files are read too (told by their magic bytes, not the name).",
            "The file's order becomes the rank order (synthetic counts V, V-1, ..., 1).",
            "The directory records the whitespace analyzer: query text is split at",
            "whitespace and each token looked up as written (no lowercasing, no stemming).",
            "A malformed file (a ragged or truncated row, a non-number, a duplicate word, a",
            "header that does not match) fails in one line naming the file and the line",
            "(binary: row and byte), and nothing is written."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Vector file: .txt, .vec, .bin, optionally gzip-compressed.")
    Path file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "VECTORS", description = "Output directory.")
    Path out;

    @Option(names = "--force", defaultValue = "false", description = "Replace an existing output.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        Checks.outputDirectory(spec, out, yuelao.storage.vectors.VectorsFile.DIRECTORY_KIND, force, java.util.List.of(file));
        VectorImport.Result r = VectorImport.run(file, out, force);
        pw.printf(Locale.ROOT, "imported %,d words x %d (%s) from %s in %s%n", r.words(), r.dim(), r.detected().describe(), file,
                ProgressLine.duration(r.seconds()));
        pw.printf(Locale.ROOT, "wrote %s (vectors.bin, vectors.txt, vocab.bin, vocab.txt)%n", out);
        return 0;
    }
}
