package yuelao.engine.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.analysis.AnalyzerSpec;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.scan.ScanProgress;
import yuelao.tokenizer.scan.ScanSummary;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/**
 * Stage 1 (GloVe's vocab_count): corpus to vocabulary. The output directory holds {@code vocab.bin} (the
 * versioned, checksummed binary) and {@code vocab.txt} (GloVe's "word count" lines).
 */
public final class VocabularyStage {
    private VocabularyStage() {}

    /** What to read and how to tokenize and cut it. */
    public record Request(List<String> inputs, AnalyzerSpec analyzer, long minCount, int maxVocab, int threads,
            int maxDocumentChars) {}

    public static VocabularyBuilder.Result build(Request r, Consumer<ScanProgress> progress) throws IOException {
        List<InputSource> sources = InputFiles.expand(r.inputs());
        CorpusScanner scanner = new CorpusScanner(r.analyzer(), r.threads(), r.maxDocumentChars()).onProgress(progress, 250);
        return new VocabularyBuilder(scanner).minCount(r.minCount()).maxSize(r.maxVocab()).build(sources);
    }

    /** The files among the sources (what an output may never replace). */
    public static List<Path> inputPaths(List<InputSource> sources) {
        List<Path> paths = new java.util.ArrayList<>();
        for (InputSource s : sources) {
            s.path().ifPresent(paths::add);
        }
        return paths;
    }

    /** The properties recorded with a vocabulary: how it was made and what the corpus held. */
    public static Map<String, String> properties(Request r, VocabularyBuilder.Result result) {
        Map<String, String> p = new LinkedHashMap<>(r.analyzer().toProperties());
        ScanSummary s = result.scan();
        p.put("minCount", Long.toString(r.minCount()));
        p.put("maxVocab", Integer.toString(r.maxVocab()));
        p.put("maxDocumentChars", Integer.toString(r.maxDocumentChars()));
        p.put("corpus.documents", Long.toString(s.documents()));
        p.put("corpus.tokens", Long.toString(s.tokens()));
        p.put("corpus.distinctTypes", Integer.toString(result.distinctTypes()));
        return p;
    }

    /** Writes the vocabulary directory atomically (a killed run leaves no complete-looking directory). */
    public static void write(Path out, boolean force, Request r, VocabularyBuilder.Result result) throws IOException {
        try (AtomicDirectory dir = AtomicDirectory.begin(out, VocabularyFile.DIRECTORY_KIND, force, inputPaths(InputFiles.expand(r.inputs())))) {
            VocabularyFile.write(dir.path(), result.vocabulary(), properties(r, result));
            dir.commit();
        }
    }
}
