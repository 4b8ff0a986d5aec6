package yuelao.storage.counts;

import yuelao.core.StoreKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import yuelao.storage.format.StoreFormatException;
import yuelao.core.Vocabulary;

/**
 * Merges count stores built over different vocabularies (e.g. two corpora) into one store over a merged
 * vocabulary, summing units exactly.
 *
 * <p>Each store's ids are mapped to the merged vocabulary by word (pairs with a word absent from it are
 * dropped), re-packed as unordered pairs (the order of two ids can flip) and fed through the same
 * {@link CooccurrenceAccumulator} path as counting, so the memory budget holds whatever the store sizes. The
 * unigram counts and N are the merged vocabulary's. Summing is only meaningful for stores counted the same
 * way, so the {@link #COMPATIBILITY_KEYS} properties must be equal in every input. The merged store keeps the
 * caller properties that all inputs share, plus {@code extraProperties}.
 */
public final class CountStoreMerger {
    /** Properties that must agree: the units must mean the same thing. */
    public static final List<String> COMPATIBILITY_KEYS = List.of(StoreKeys.SCALE, StoreKeys.WINDOW, StoreKeys.WEIGHTING);

    /** A store and the vocabulary its ids refer to (checked against the store's fingerprint). */
    public record Input(CountStore store, Vocabulary vocabulary) {}

    /**
     * Memory and temporary-file settings.
     *
     * @param tempDir spill and merge files
     * @param memoryBudgetBytes for the pair buffer
     * @param fanIn most runs merged at once
     */
    public record Options(Path tempDir, long memoryBudgetBytes, int fanIn) {}

    private CountStoreMerger() {}

    /** Writes the merged store to {@code outFile} (atomically). */
    public static void merge(List<Input> inputs, Vocabulary merged, Path outFile, Map<String, String> extraProperties,
            Options options) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        for (Input in : inputs) {
            if (in.vocabulary().fingerprint() != in.store().vocabularyFingerprint()
                    || in.vocabulary().size() != in.store().vocabSize()) {
                throw new StoreFormatException(in.store().file(), String.format(
                        "was counted against another vocabulary (store fingerprint %016x, given %016x)",
                        in.store().vocabularyFingerprint(), in.vocabulary().fingerprint()));
            }
        }
        CountStore first = inputs.get(0).store();
        for (Input in : inputs.subList(1, inputs.size())) {
            for (String k : COMPATIBILITY_KEYS) {
                String a = first.properties().get(k);
                String b = in.store().properties().get(k);
                if (!Objects.equals(a, b)) {
                    throw new StoreFormatException(in.store().file(), "cannot be merged with " + first.file() + ": " + k + "="
                            + b + " there vs " + k + "=" + a);
                }
            }
        }
        SortedMap<String, String> props = sharedProperties(inputs);
        props.putAll(extraProperties);

        try (CooccurrenceAccumulator acc = new CooccurrenceAccumulator(options.tempDir(), options.memoryBudgetBytes(), 1,
                options.fanIn())) {
            PairCountBuffer buffer = acc.newThreadBuffer();
            for (Input in : inputs) {
                int[] newId = remap(in.vocabulary(), merged);
                try (RunCursor c = in.store().upperPairs()) {
                    while (c.next()) {
                        int a = newId[PairKey.first(c.key())];
                        int b = newId[PairKey.second(c.key())];
                        if (a < 0 || b < 0) {
                            continue;
                        }
                        buffer.add(PairKey.unordered(a, b), c.units());
                        if (buffer.isFull()) {
                            acc.spill(buffer);
                        }
                    }
                }
            }
            try (CountStoreWriter w = CountStoreWriter.create(outFile, merged, first.scale(), props, options.tempDir())) {
                acc.finish(w);
                w.commit();
            }
        }
    }

    /** Old id to merged id, -1 for words the merged vocabulary dropped. */
    static int[] remap(Vocabulary from, Vocabulary to) {
        int[] map = new int[from.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = to.id(from.word(i));
        }
        return map;
    }

    /** Caller properties equal in every input (the writer's own are recomputed). */
    private static SortedMap<String, String> sharedProperties(List<Input> inputs) {
        SortedMap<String, String> shared = new TreeMap<>(inputs.get(0).store().properties());
        StoreKeys.WRITER_KEYS.forEach(shared::remove);
        for (Input in : inputs.subList(1, inputs.size())) {
            shared.entrySet().removeIf(e -> !e.getValue().equals(in.store().properties().get(e.getKey())));
        }
        return shared;
    }
}
