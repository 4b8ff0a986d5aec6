package yuelao.tokenizer.vocab;

import yuelao.core.CharSliceTable;
import yuelao.core.Vocabulary;
import java.util.Arrays;
import java.util.List;
import yuelao.tokenizer.scan.TokenHandler;

/**
 * Counts token types for one tokenizer thread: a {@link CharSliceTable} gives each distinct term a slot, a
 * {@code long[]} holds the counts. Counting a token allocates nothing.
 */
public final class TermCounter implements TokenHandler {
    private final CharSliceTable table = new CharSliceTable(1 << 16);
    private long[] counts = new long[1 << 16];

    @Override
    public void startDocument(long index) {}

    @Override
    public void token(char[] term, int length) {
        int slot = table.add(term, 0, length);
        if (slot == counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        counts[slot]++;
    }

    @Override
    public void endDocument() {}

    @Override
    public boolean needsDocuments() {
        return false;
    }

    public int distinct() {
        return table.size();
    }

    /** Adds this counter's counts into {@code into} (merging the threads' counts, by term; no String is made). */
    public void addTo(TermCounter into) {
        for (int s = 0, n = table.size(); s < n; s++) {
            int slot = into.table.addFrom(table, s);
            if (slot == into.counts.length) {
                into.counts = Arrays.copyOf(into.counts, into.counts.length * 2);
            }
            into.counts[slot] += counts[s];
        }
    }

    /** Merges the counters of all threads into the first one, which is returned. */
    public static TermCounter merge(List<TermCounter> parts) {
        TermCounter total = parts.get(0);
        for (TermCounter p : parts.subList(1, parts.size())) {
            p.addTo(total);
        }
        return total;
    }

    /** The (term, count) entries with count >= minCount: Strings are made for those only. */
    public List<Vocabulary.Entry> entries(long minCount) {
        List<Vocabulary.Entry> out = new java.util.ArrayList<>();
        for (int s = 0, n = table.size(); s < n; s++) {
            if (counts[s] >= minCount) {
                out.add(new Vocabulary.Entry(table.key(s), counts[s]));
            }
        }
        return out;
    }

    /** Every (term, count) entry, in slot order. */
    public List<Vocabulary.Entry> entries() {
        Vocabulary.Entry[] out = new Vocabulary.Entry[table.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = new Vocabulary.Entry(table.key(s), counts[s]);
        }
        return Arrays.asList(out);
    }

    public long count(String term) {
        int s = table.find(term);
        return s < 0 ? 0 : counts[s];
    }
}
