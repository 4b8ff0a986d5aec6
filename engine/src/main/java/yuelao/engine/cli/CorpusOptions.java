package yuelao.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import yuelao.core.AnalyzerSpec;
import yuelao.engine.stage.VocabularySettings;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;

/** The corpus and how it becomes a vocabulary: shared by every verb that reads a corpus. Defaults: {@link RecipeDefaults}. */
public final class CorpusOptions {
    @Option(names = {"-i", "--input"}, arity = "1..*", required = true, paramLabel = "PATH",
            description = "Input files, directories (recursive), globs, or - for stdin. gzip is detected by content. One line = one document.")
    List<String> inputs;

    @ArgGroup(validate = false, heading = "%nTokens and vocabulary:%n", order = 10)
    Analysis analysis = new Analysis();

    /** The analyzer and the vocabulary's cut-offs. */
    static final class Analysis {
        @Option(names = "--analyzer", paramLabel = "NAME",
                description = "Tokenizer: english, standard, whitespace, smartcn (Chinese words), cjk (Chinese bigrams).")
        String analyzer;

        @Option(names = "--stem", description = "Porter stemming (english analyzer only).")
        boolean stem;

        @Option(names = "--stopwords", paramLabel = "none|english|FILE", description = "Stop words to remove.")
        String stopwords;

        @Option(names = "--phrases", paramLabel = "PHRASES",
                description = "Join the phrases of this table (from 'yuelao phrases') into one token each (new york -> new_york), longest "
                        + "first, left to right, never across a line. The output records the table, so queries join them too.")
        Path phrases;

        @Option(names = "--min-token-length", paramLabel = "N", description = "Drop tokens shorter than N code points.")
        int minTokenLength;

        @Option(names = "--max-token-length", paramLabel = "N", description = "Drop (and count) tokens longer than N code points; never cut.")
        int maxTokenLength;

        @Option(names = "--max-document-length", paramLabel = "CHARS",
                description = "Lines longer than this are split into documents (at whitespace when possible); no window spans two.")
        int maxDocumentChars;

        @Option(names = "--min-count", paramLabel = "N", description = "Keep words seen at least N times.")
        long minCount;

        @Option(names = "--max-vocab", paramLabel = "N", description = "Keep at most the N most frequent words (0 = no limit).")
        int maxVocab;
    }

    /** The corpus inputs as given. */
    public List<String> inputs() {
        return inputs;
    }

    /** The paths among the inputs (what no output may replace). */
    List<Path> inputPaths() {
        List<Path> paths = Checks.paths(inputs);
        if (analysis.phrases != null) {
            paths.add(analysis.phrases);
        }
        return paths;
    }

    /** The vocabulary settings these options describe, with the phrase table read and checked; a bad value is a
     * {@link UserException} naming its option. */
    public VocabularySettings settings() throws IOException {
        Analysis a = analysis;
        PhraseTable phrases = a.phrases == null ? null : PhraseTableFile.read(a.phrases);
        try {
            return VocabularySettings.builder()
                    .analyzer(new AnalyzerSpec(a.analyzer, a.stem, a.stopwords, a.minTokenLength, a.maxTokenLength)).phrases(phrases)
                    .minCount(a.minCount).maxVocab(a.maxVocab).maxDocumentChars(a.maxDocumentChars).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
