package yuelao.engine.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import yuelao.core.StoreKeys;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.storage.counts.CountStore;
import yuelao.storage.counts.CountStoreMerger;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.core.Vocabulary;

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

    /**
     * How a merge re-maps differing vocabularies and how much memory it may take. Immutable; {@link #builder()} holds
     * the {@code merge} verb's defaults.
     */
    public static final class Settings {
        private final long minCount;
        private final int maxVocab;
        private final long memoryBytes;
        private final int fanIn;

        private Settings(Builder b) {
            this.minCount = b.minCount;
            this.maxVocab = b.maxVocab;
            this.memoryBytes = b.memoryBytes;
            this.fanIn = b.fanIn;
            if (minCount < 0 || maxVocab < 0) {
                throw new IllegalArgumentException("--min-count and --max-vocab must be >= 0, got " + minCount + " and " + maxVocab);
            }
            if (memoryBytes < (1 << 20)) {
                throw new IllegalArgumentException("--memory must be at least 1m, got " + memoryBytes + " bytes");
            }
            if (fanIn < 2) {
                throw new IllegalArgumentException("--fan-in must be at least 2, got " + fanIn);
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Min-count of the merged vocabulary when vocabularies differ (0 = the largest of the parts'). */
        public long minCount() {
            return minCount;
        }

        /** At most this many words when vocabularies differ (0 = no limit). */
        public int maxVocab() {
            return maxVocab;
        }

        /** Budget of the merge buffer. */
        public long memoryBytes() {
            return memoryBytes;
        }

        /** Most spill runs merged at once. */
        public int fanIn() {
            return fanIn;
        }

        public static final class Builder {
            private long minCount = 0;
            private int maxVocab = 0;
            private long memoryBytes = 1L << 30;
            private int fanIn = CountSettings.DEFAULT_FAN_IN;

            private Builder() {}

            public Builder minCount(long c) {
                this.minCount = c;
                return this;
            }

            public Builder maxVocab(int n) {
                this.maxVocab = n;
                return this;
            }

            public Builder memoryBytes(long bytes) {
                this.memoryBytes = bytes;
                return this;
            }

            public Builder fanIn(int k) {
                this.fanIn = k;
                return this;
            }

            public Settings build() {
                return new Settings(this);
            }
        }
    }

    public record Result(Vocabulary vocabulary, boolean sameVocabulary, boolean exact, long nonZeros) {}

    /** Merges {@code stores} into {@code out}; with {@code force} a store yuelao wrote is replaced, never an input. */
    public static Result merge(List<Path> stores, Path out, boolean force, Settings settings) throws IOException {
        long minCount = settings.minCount();
        int maxVocab = settings.maxVocab();
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
                for (String k : StoreKeys.MUST_AGREE_FOR_MERGE) {
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
                boolean allCompleteParts = Boolean.parseBoolean(first.property(StoreKeys.KEEP_OOV_POSITIONS, "false"));
                for (CountStoreDirectory s : opened) {
                    Vocabulary v = s.vocabulary();
                    for (int i = 0; i < v.size(); i++) {
                        sums.merge(v.word(i), v.count(i), Long::sum);
                    }
                    long m = Long.parseLong(s.property(StoreKeys.MIN_COUNT, "1"));
                    partsMin = Math.max(partsMin, m);
                    allCompleteParts &= m <= 1 && Long.parseLong(s.property(StoreKeys.MAX_VOCAB, "0")) == 0;
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
            extra.put(StoreKeys.MERGE_PARTS, Integer.toString(stores.size()));
            extra.put(StoreKeys.MERGE_EXACT, Boolean.toString(exact));
            if (!same) {
                extra.put(StoreKeys.MIN_COUNT, Long.toString(usedMinCount));
                extra.put(StoreKeys.MAX_VOCAB, Integer.toString(maxVocab));
            }
            long docs = 0;
            long tokens = 0;
            for (CountStoreDirectory s : opened) {
                docs += Long.parseLong(s.property(StoreKeys.CORPUS_DOCUMENTS, "0"));
                tokens += Long.parseLong(s.property(StoreKeys.CORPUS_TOKENS, "0"));
            }
            extra.put(StoreKeys.CORPUS_DOCUMENTS, Long.toString(docs));
            extra.put(StoreKeys.CORPUS_TOKENS, Long.toString(tokens));
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
                        new CountStoreMerger.Options(spill, settings.memoryBytes(), settings.fanIn()));
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
