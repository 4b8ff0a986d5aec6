package yuelao.engine.cli;

import java.util.List;
import picocli.CommandLine.Option;
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.scan.DocumentReader;

/** Options shared by every verb that reads a corpus. */
public final class CorpusOptions {
    @Option(names = {"-i", "--input"}, arity = "1..*", required = true, paramLabel = "PATH",
            description = "Input files, directories (recursive), globs, or - for stdin. gzip is detected by content. One line = one document.")
    List<String> inputs;

    @Option(names = "--analyzer", defaultValue = "english", paramLabel = "NAME",
            description = "Tokenizer: english, standard, whitespace, smartcn (Chinese words), cjk (Chinese bigrams).")
    String analyzer;

    @Option(names = "--stem", defaultValue = "false", description = "Porter stemming (english analyzer only).")
    boolean stem;

    @Option(names = "--stopwords", defaultValue = "none", paramLabel = "none|english|FILE",
            description = "Stop words to remove.")
    String stopwords;

    @Option(names = "--min-token-length", defaultValue = "1", paramLabel = "N",
            description = "Drop tokens shorter than N code points.")
    int minTokenLength;

    @Option(names = "--max-token-length", defaultValue = "" + AnalyzerSpec.DEFAULT_MAX_TOKEN_LENGTH, paramLabel = "N",
            description = "Drop (and count) tokens longer than N code points; never cut.")
    int maxTokenLength;

    @Option(names = "--max-document-length", defaultValue = "" + DocumentReader.DEFAULT_MAX_DOCUMENT_CHARS, paramLabel = "CHARS",
            description = "Lines longer than this are split into documents (at whitespace when possible); no window spans two.")
    int maxDocumentChars;

    public AnalyzerSpec analyzerSpec() {
        return new AnalyzerSpec(analyzer, stem, stopwords, minTokenLength, maxTokenLength);
    }
}
