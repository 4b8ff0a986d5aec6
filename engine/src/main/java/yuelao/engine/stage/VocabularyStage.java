package yuelao.engine.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import yuelao.core.StoreKeys;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.ScanProgress;
import yuelao.tokenizer.scan.ScanSummary;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/**
 * Stage 1 ({@code yuelao vocab}, GloVe's vocab_count): corpus to vocabulary. The output directory holds {@code
 * vocab.bin} (the versioned, checksummed binary) and {@code vocab.txt} (GloVe's "word count" lines).
 */
public final class VocabularyStage {
    private VocabularyStage() {}

    /** Reads the corpus {@code inputs} (files, directories, globs, "-") and builds the vocabulary. */
    public static VocabularyBuilder.Result build(List<String> inputs, VocabularySettings s, int threads, Consumer<ScanProgress> progress)
            throws IOException {
        List<InputSource> sources = InputFiles.expand(inputs);
        CorpusScanner scanner = new CorpusScanner(s.analyzer(), threads, s.maxDocumentChars()).phrases(s.phrases()).onProgress(progress, 250);
        return new VocabularyBuilder(scanner).minCount(s.minCount()).maxSize(s.maxVocab()).build(sources);
    }

    /** The files among the sources (what an output may never replace). */
    public static List<Path> inputPaths(List<InputSource> sources) {
        List<Path> paths = new ArrayList<>();
        for (InputSource s : sources) {
            s.path().ifPresent(paths::add);
        }
        return paths;
    }

    /** The properties recorded with a vocabulary: how it was made and what the corpus held. */
    public static Map<String, String> properties(VocabularySettings s, VocabularyBuilder.Result result) {
        Map<String, String> p = s.toProperties();
        ScanSummary scan = result.scan();
        p.put(StoreKeys.CORPUS_DOCUMENTS, Long.toString(scan.documents()));
        p.put(StoreKeys.CORPUS_TOKENS, Long.toString(scan.tokens()));
        if (s.phrases() != null) {
            p.put(StoreKeys.CORPUS_PHRASES_JOINED, Long.toString(scan.phrasesJoined()));
        }
        p.put(StoreKeys.CORPUS_DISTINCT_TYPES, Integer.toString(result.distinctTypes()));
        return p;
    }

    /**
     * Writes the vocabulary directory atomically (a killed run leaves no complete-looking directory); with {@code force}
     * a vocabulary yuelao wrote is replaced, never a directory holding one of {@code inputs}.
     */
    public static void write(Path out, boolean force, List<String> inputs, VocabularySettings s, VocabularyBuilder.Result result)
            throws IOException {
        AtomicDirectory.removeStale(out);
        try (AtomicDirectory dir = AtomicDirectory.begin(out, VocabularyFile.DIRECTORY_KIND, force, inputPaths(InputFiles.expand(inputs)))) {
            VocabularyFile.write(dir.path(), result.vocabulary(), properties(s, result));
            dir.commit();
        }
    }
}
