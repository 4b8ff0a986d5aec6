package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.nio.charset.StandardCharsets;
import yuelao.engine.query.ComposedExport;
import yuelao.engine.query.WordVectors;
import yuelao.engine.vectors.VectorFormat;
import yuelao.engine.vectors.VectorFormats;
import yuelao.engine.vectors.VectorsDirectory;

/** {@code yuelao export VECTORS --format F --out FILE}. */
@Command(name = "export", header = "Write vectors in word2vec, GloVe or fastText format.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Write a VECTORS directory's vectors in a format other tools read; words in",
            "rank order, UTF-8 (gensim: KeyedVectors.load_word2vec_format(FILE, ...)):",
            "  word2vec         text: a \"count dim\" line, then \"word v1 ... vd\" per line",
            "  word2vec-binary  the C tool's -binary 1: the same header, then per word: the",
            "                   word, a space, dim float32 little-endian, a newline",
            "                   (gensim: binary=True)",
            "  glove            word2vec text without the header (gensim: no_header=True)",
            "  fasttext-vec     fastText's .vec, which is word2vec text",
            "Text floats are the shortest decimal that reads back to the same float32.",
            "A word holding whitespace fits none of the formats: export then refuses it",
            "and writes nothing. The file is written under a temporary name and renamed,",
            "so it is either complete or absent (an existing file is kept on failure)."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory (written by train or import).")
    Path vectors;

    @Option(names = {"-f", "--format"}, defaultValue = "word2vec", paramLabel = "word2vec|word2vec-binary|glove|fasttext-vec",
            description = "Output format.")
    String format;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "File to write.")
    Path out;

    @Option(names = "--force", defaultValue = "false", description = "Replace an existing file.")
    boolean force;

    @Option(names = "--oov-words", paramLabel = "FILE",
            description = "Subword models: also write vectors composed from character n-grams for the words of FILE (one per line) that are not in the vocabulary, after the vocabulary's rows.")
    Path oovWords;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        VectorFormat f;
        try {
            f = VectorFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage()); // a usage error: exit 2
        }
        if (Files.isDirectory(out)) {
            throw new UserException(out + ": is a directory; --out names the file to write");
        }
        java.util.List<Path> inputs = oovWords != null ? java.util.List.of(vectors, oovWords) : java.util.List.of(vectors);
        Checks.outputFile(spec, out, "a word-vector file", VectorFormats::looksLikeVectors, force, inputs);
        long t0 = System.nanoTime();
        int rows;
        int dim;
        if (oovWords != null) {
            if (!Files.isRegularFile(oovWords)) {
                throw new UserException(oovWords + ": no such file (--oov-words)");
            }
            WordVectors wv = WordVectors.open(vectors);
            ComposedExport.Result r;
            try {
                r = ComposedExport.write(wv, Files.readAllLines(oovWords, StandardCharsets.UTF_8), out, f);
            } catch (IllegalArgumentException e) {
                throw new UserException(vectors + ": " + e.getMessage());
            }
            pw.printf(Locale.ROOT, "composed %,d words of %s from character n-grams%s%n", r.composed(), oovWords,
                    r.unknown() > 0 ? String.format(Locale.ROOT, " (%,d with no known n-gram left out)", r.unknown()) : "");
            rows = wv.size() + r.composed();
            dim = wv.dim();
        } else {
            VectorsDirectory.Loaded v = VectorsDirectory.load(vectors);
            VectorFormats.write(out, f, v.vocabulary(), v.data(), v.dim());
            rows = v.vocabulary().size();
            dim = v.dim();
        }
        pw.printf(Locale.ROOT, "wrote %s (%s, %,d words x %d, %s) in %s%n", out, f.id(), rows, dim,
                sizeOf(out), ProgressLine.duration((System.nanoTime() - t0) / 1e9));
        return 0;
    }

    static String sizeOf(Path file) throws java.io.IOException {
        long b = Files.size(file);
        return b < 10_000 ? b + " bytes" : b < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", b / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }
}
