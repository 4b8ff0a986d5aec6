package yuelao.engine.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import yuelao.core.Vocabulary;
import yuelao.engine.count.AdjacentPairCounter;
import yuelao.engine.pmi.PhraseScoring;
import yuelao.storage.counts.CooccurrenceAccumulator;
import yuelao.storage.format.AtomicFiles;
import yuelao.storage.format.TempNames;
import yuelao.tokenizer.input.CorpusException;
import yuelao.tokenizer.input.InputFiles;
import yuelao.tokenizer.input.InputSource;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.phrase.PhraseTableFile;
import yuelao.tokenizer.scan.CorpusScanner;
import yuelao.tokenizer.vocab.VocabularyBuilder;

/**
 * {@code yuelao phrases}: multi-word expressions from adjacent bigrams (docs/measures.md, "Phrases"), in passes. Each
 * pass reads the corpus twice with the phrases found so far joined into one token: first the words (the vocabulary of
 * words seen at least min-count times, and N, every token of the pass), then the adjacent bigrams of those words
 * ({@link AdjacentPairCounter}, exact counts within the memory budget). A bigram (a, b) seen at least min-count times
 * whose score exceeds the pass's threshold becomes a phrase; since a and b may be phrases of earlier passes, passes
 * grow trigrams and longer phrases. The table is the union of every pass's phrases, deterministic for any thread count
 * or memory budget.
 */
public final class PhraseStage {
    private PhraseStage() {}

    /**
     * What one pass did.
     *
     * @param pass its number in the table (after the passes of a starting table)
     * @param tokens N: the tokens of the pass, phrases of earlier passes counted once
     * @param words the words seen at least min-count times
     * @param bigrams adjacent bigrams of such words counted
     * @param candidates distinct bigrams seen at least min-count times
     * @param found phrases the pass added
     */
    public record Pass(int pass, double threshold, long tokens, long phrasesJoined, int words, long bigrams, long candidates, int found,
            double seconds) {}

    /** The table (every pass's phrases, and those of a starting table) and what each pass did. */
    public record Result(PhraseTable table, List<Pass> passes, double seconds) {}

    /**
     * Detects phrases. The vocabulary settings give the analyzer, the minimum count (of words and of bigrams) and a
     * starting table ({@link VocabularySettings#phrases()}, whose phrases are kept and joined from the first pass on).
     *
     * @param spillDir where spill runs may be written (created if needed, removed when done)
     */
    public static Result detect(List<String> inputs, VocabularySettings vocabulary, PhraseSettings settings, int threads, Path spillDir,
            CountingStage.Progress progress) throws IOException {
        long t0 = System.nanoTime();
        List<InputSource> sources = InputFiles.expand(inputs);
        if (sources.stream().anyMatch(InputSource::isStdin)) {
            throw new CorpusException("-", "standard input can be read only once, but phrase detection reads the corpus twice per pass");
        }
        long minCount = vocabulary.minCount();
        Map<String, String> props = new LinkedHashMap<>(vocabulary.analyzer().toProperties());
        props.putAll(settings.toProperties(minCount));
        PhraseTable current = vocabulary.phrases();
        List<PhraseTable.Phrase> all = new ArrayList<>(current == null ? List.of() : current.phrases());
        Map<String, List<String>> tokensOfJoined = new HashMap<>();
        Set<List<String>> known = new HashSet<>();
        for (PhraseTable.Phrase p : all) {
            tokensOfJoined.put(p.joined(), p.tokens());
            known.add(p.tokens());
        }
        int firstPass = all.stream().mapToInt(PhraseTable.Phrase::pass).max().orElse(0) + 1;
        List<Pass> passes = new ArrayList<>();
        for (int p = 1; p <= settings.passes(); p++) {
            long tp = System.nanoTime();
            int passNo = firstPass + p - 1;
            String name = "phrases " + p + "/" + settings.passes();
            VocabularySettings vs = vocabulary.toBuilder().phrases(current).build();
            VocabularyBuilder.Result words = VocabularyStage.build(inputs, vs, threads, progress.stage(name + " words"));
            Vocabulary v = words.vocabulary();
            long tokens = words.scan().tokens();
            double threshold = settings.threshold(p);
            double delta = settings.delta(minCount);
            List<PhraseTable.Phrase> found = new ArrayList<>();
            long[] candidates = {0};
            long bigrams = 0;
            int dense = denseSize(v.size(), settings.memoryBytes() / 4 / threads);
            long denseBytes = 8L * dense * dense * threads;
            CorpusScanner scanner = new CorpusScanner(vocabulary.analyzer(), threads, vocabulary.maxDocumentChars()).phrases(current)
                    .onProgress(progress.stage(name + " bigrams"), 250);
            try (CooccurrenceAccumulator acc = new CooccurrenceAccumulator(spillDir, Math.max(threads, settings.memoryBytes() - denseBytes),
                    threads, settings.fanIn())) {
                CorpusScanner.Result<AdjacentPairCounter> scan = scanner.scan(sources, t -> new AdjacentPairCounter(v, acc, dense));
                for (AdjacentPairCounter c : scan.handlers()) {
                    c.flushDense();
                    bigrams += c.bigrams();
                }
                PhraseScoring scoring = settings.scoring();
                int maxTokens = settings.maxTokens();
                acc.finish((key, count) -> {
                    if (count < minCount) {
                        return;
                    }
                    candidates[0]++;
                    int a = (int) (key >>> 32);
                    int b = (int) key;
                    double score = scoring.score(count, v.count(a), v.count(b), tokens, delta);
                    if (!(score > threshold)) {
                        return;
                    }
                    List<String> joined = new ArrayList<>(tokensOf(v.word(a), tokensOfJoined));
                    joined.addAll(tokensOf(v.word(b), tokensOfJoined));
                    if ((maxTokens == 0 || joined.size() <= maxTokens) && !known.contains(joined)) {
                        found.add(new PhraseTable.Phrase(joined, passNo, count, score));
                    }
                });
            } finally {
                deleteIfEmpty(spillDir);
            }
            found.sort(Comparator.comparingDouble(PhraseTable.Phrase::score).reversed()
                    .thenComparing(ph -> String.join(" ", ph.tokens())));
            // two bigrams of one pass could spell the same tokens (only through corpus tokens that hold the delimiter): the best stays
            found.removeIf(ph -> !known.add(ph.tokens()));
            for (PhraseTable.Phrase ph : found) {
                tokensOfJoined.put(ph.joined(), ph.tokens());
            }
            passes.add(new Pass(passNo, threshold, tokens, words.scan().phrasesJoined(), v.size(), bigrams, candidates[0], found.size(),
                    (System.nanoTime() - tp) / 1e9));
            props.put("phrases.pass." + passNo + ".tokens", Long.toString(tokens));
            props.put("phrases.pass." + passNo + ".found", Integer.toString(found.size()));
            all.addAll(found);
            current = new PhraseTable(all, props, null);
            if (found.isEmpty()) {
                break; // nothing new is joined, so another pass would find the same nothing
            }
        }
        return new Result(current, passes, (System.nanoTime() - t0) / 1e9);
    }

    /** Writes the table atomically (a killed run leaves the old file or none) and returns it with its file as source. */
    public static PhraseTable write(Path out, PhraseTable table) throws IOException {
        byte[] text = PhraseTableFile.format(table);
        AtomicFiles.write(out, os -> os.write(text));
        return table.withSource(out.toAbsolutePath().normalize());
    }

    /** A fresh spill directory for phrase detection next to its output (a temporary sibling name). */
    public static Path spillDirectory(Path out) {
        return TempNames.sibling(out, TempNames.TMP);
    }

    private static List<String> tokensOf(String unit, Map<String, List<String>> tokensOfJoined) {
        List<String> t = tokensOfJoined.get(unit);
        return t != null ? t : List.of(unit);
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    /** Largest k <= min(V, 1024) whose dense k x k square of longs fits in {@code bytes}. */
    static int denseSize(int vocabSize, long bytes) {
        int k = Math.min(vocabSize, 1024);
        while (k > 0 && 8L * k * k > bytes) {
            k = k * 7 / 8;
        }
        return k;
    }
}
