package yuelao.engine.count;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import yuelao.engine.store.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreMerger;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.vocab.Vocabulary;

/**
 * Merges count stores of corpus parts into the store of the whole corpus.
 *
 * <p><b>When the merge is exact.</b> Co-occurrence units are exact integers, so pair sums never lose
 * anything. What a part's store cannot know is what it did not count:
 *
 * <ul>
 *   <li><b>Same vocabulary</b> (every part counted with {@code count --vocab V}, e.g. V from {@code yuelao vocab}
 *       over all parts): the merge equals {@code count --vocab V} over the concatenated corpus, byte for byte.
 *       Unigram counts are V's own (not summed: they already describe V's corpus).
 *   <li><b>Different vocabularies</b>: they are re-mapped by word; unigram counts are summed and min-count is
 *       applied to the sums. This is exact when every part was counted with {@code --min-count 1
 *       --keep-oov-positions} and the whole with {@code --keep-oov-positions}: then no part dropped a word or
 *       shifted a window. Otherwise a word below min-count in one part but above it overall lacks that part's
 *       occurrences and pairs, and deleting OOV tokens before windowing made that part's distances depend on
 *       its own vocabulary. The merged store records {@code merge.exact=false} in that case.
 *   <li>With {@code --subsample}, parts draw from their own document numbering, so a merge is a valid count
 *       but not the same random draw as counting the whole.
 * </ul>
 */
public final class MergeStage {
    private MergeStage() {}

    /** Settings that must agree for units to mean the same thing. */
    static final List<String> MUST_AGREE = List.of("window", "weighting", "keepOovPositions", "selfPairs", "subsample",
            "analyzer", "analyzer.stem", "analyzer.stopwords", "analyzer.minTokenLength", "analyzer.maxTokenLength");

    public record Result(Vocabulary vocabulary, boolean sameVocabulary, boolean exact, long nonZeros) {}

    /**
     * @param minCount min-count for the merged vocabulary when vocabularies differ (0 = the largest of the
     *     parts' min-counts)
     */
    public static Result merge(List<Path> stores, Path out, boolean force, long minCount, int maxVocab, long memoryBytes,
            int fanIn) throws IOException {
        if (stores.size() < 2) {
            throw new IllegalArgumentException("merge needs at least two stores");
        }
        AtomicDirectory.removeStale(out);
        List<CountStoreDirectory> opened = new ArrayList<>();
        try {
            for (Path p : stores) {
                opened.add(CountStoreDirectory.open(p));
            }
            CountStoreDirectory first = opened.get(0);
            for (CountStoreDirectory s : opened.subList(1, opened.size())) {
                for (String k : MUST_AGREE) {
                    String a = first.property(k, null);
                    String b = s.property(k, null);
                    if (!Objects.equals(a, b)) {
                        throw new StoreFormatException(s.path(), "cannot be merged with " + first.path() + ": " + k + " is " + b
                                + " there but " + a + " in " + first.path());
                    }
                }
            }
            boolean same = opened.stream().allMatch(s -> s.vocabulary().fingerprint() == first.vocabulary().fingerprint());
            Vocabulary merged;
            boolean exact;
            long usedMinCount = minCount;
            if (same) {
                merged = first.vocabulary();
                exact = true;
            } else {
                Map<String, Long> sums = new TreeMap<>();
                long partsMin = 0;
                boolean allCompleteParts = Boolean.parseBoolean(first.property("keepOovPositions", "false"));
                for (CountStoreDirectory s : opened) {
                    Vocabulary v = s.vocabulary();
                    for (int i = 0; i < v.size(); i++) {
                        sums.merge(v.word(i), v.count(i), Long::sum);
                    }
                    long m = Long.parseLong(s.property("minCount", "1"));
                    partsMin = Math.max(partsMin, m);
                    allCompleteParts &= m <= 1 && Long.parseLong(s.property("maxVocab", "0")) == 0;
                }
                if (usedMinCount <= 0) {
                    usedMinCount = partsMin;
                }
                List<Vocabulary.Entry> entries = new ArrayList<>();
                sums.forEach((w, c) -> entries.add(new Vocabulary.Entry(w, c)));
                merged = Vocabulary.select(entries, usedMinCount, maxVocab);
                exact = allCompleteParts;
            }
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("merge.parts", Integer.toString(stores.size()));
            extra.put("merge.exact", Boolean.toString(exact));
            if (!same) {
                extra.put("minCount", Long.toString(usedMinCount));
                extra.put("maxVocab", Integer.toString(maxVocab));
            }
            long docs = 0;
            long tokens = 0;
            for (CountStoreDirectory s : opened) {
                docs += Long.parseLong(s.property("corpus.documents", "0"));
                tokens += Long.parseLong(s.property("corpus.tokens", "0"));
            }
            extra.put("corpus.documents", Long.toString(docs));
            extra.put("corpus.tokens", Long.toString(tokens));
            List<CountStoreMerger.Input> inputs = new ArrayList<>();
            for (CountStoreDirectory s : opened) {
                inputs.add(new CountStoreMerger.Input(s.counts(), s.vocabulary()));
            }
            try (AtomicDirectory dir = AtomicDirectory.begin(out, CountStore.DIRECTORY_KIND, force, stores)) {
                Map<String, String> vprops = new TreeMap<>(VocabularyFile.read(first.path()).properties());
                vprops.putAll(extra);
                VocabularyFile.write(dir.path(), merged, vprops);
                Path spill = dir.path().resolve("spill");
                CountStoreMerger.merge(inputs, merged, dir.path().resolve(CountStore.FILE_NAME), extra,
                        new CountStoreMerger.Options(spill, memoryBytes, fanIn));
                Files.deleteIfExists(spill);
                long nnz;
                try (CountStore c = CountStore.open(dir.path().resolve(CountStore.FILE_NAME), false)) {
                    nnz = c.nonZeros();
                }
                dir.commit();
                return new Result(merged, same, exact, nnz);
            }
        } finally {
            for (CountStoreDirectory s : opened) {
                s.close();
            }
        }
    }
}
