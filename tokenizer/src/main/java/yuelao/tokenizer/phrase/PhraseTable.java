package yuelao.tokenizer.phrase;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import yuelao.core.AnalyzerSpec;
import yuelao.core.CharSliceTable;

/**
 * A set of phrases (multi-word expressions), each a sequence of two or more tokens, with what is needed to join them
 * in a token stream: a trie over the tokens, looked up without making Strings. Immutable and safe to share between
 * threads once built.
 *
 * <p>A joined phrase is one token: its tokens with {@value #DELIMITER} between them ({@code new york} becomes {@code
 * new_york}). Which phrase wins where several could start is the joiner's rule ({@link PhraseJoiner}: the longest
 * phrase at the leftmost position, then on from its end).
 *
 * <p>The {@linkplain #fingerprint() fingerprint} identifies the set of phrases, whatever their order or statistics: a
 * store records it so that a table found later at the recorded path is checked to be the same one.
 */
public final class PhraseTable {
    /** Joins the tokens of a phrase. */
    public static final char DELIMITER = '_';

    /**
     * One phrase and how it was found.
     *
     * @param tokens its tokens, at least two, none empty and none holding white space
     * @param pass the detection pass that found it (1 = plain bigrams)
     * @param count how often its two parts stood side by side in that pass
     * @param score its score in that pass
     */
    public record Phrase(List<String> tokens, int pass, long count, double score) {
        public Phrase {
            tokens = List.copyOf(tokens);
            if (tokens.size() < 2) {
                throw new IllegalArgumentException("a phrase needs at least two tokens: " + tokens);
            }
            for (String t : tokens) {
                if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("a phrase token must be non-empty and hold no white space: '" + t + "'");
                }
            }
        }

        /** The joined token, e.g. {@code new_york}. */
        public String joined() {
            return String.join(String.valueOf(DELIMITER), tokens);
        }
    }

    private final List<Phrase> phrases;
    private final SortedMap<String, String> properties;
    private final Path source;
    private final long fingerprint;
    private final CharSliceTable words;
    private final boolean[] startsPhrase;
    private final Long2IntOpenHashMap next;
    private final int[] phraseAt;
    private final boolean[] hasChildren;
    private final int maxTokens;

    /**
     * @param phrases the phrases; a repeated token sequence is refused
     * @param properties how the table was made (the analyzer's keys among them, see {@link #analyzer()})
     * @param source the file it was read from, or null
     */
    public PhraseTable(List<Phrase> phrases, Map<String, String> properties, Path source) {
        this.phrases = List.copyOf(phrases);
        this.properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
        this.source = source;
        this.words = new CharSliceTable(Math.max(16, phrases.size() * 2));
        Long2IntOpenHashMap edges = new Long2IntOpenHashMap(Math.max(16, phrases.size() * 3));
        edges.defaultReturnValue(-1);
        int nodes = 1;
        int longest = 0;
        List<Integer> terminal = new ArrayList<>();
        terminal.add(-1);
        for (int p = 0; p < this.phrases.size(); p++) {
            List<String> tokens = this.phrases.get(p).tokens();
            longest = Math.max(longest, tokens.size());
            int node = 0;
            for (String t : tokens) {
                int slot = words.add(t);
                long key = ((long) node << 32) | slot;
                int child = edges.get(key);
                if (child < 0) {
                    child = nodes++;
                    edges.put(key, child);
                    terminal.add(-1);
                }
                node = child;
            }
            if (terminal.get(node) >= 0) {
                throw new IllegalArgumentException("phrase listed twice: " + String.join(" ", tokens));
            }
            terminal.set(node, p);
        }
        this.next = edges;
        this.phraseAt = terminal.stream().mapToInt(Integer::intValue).toArray();
        this.hasChildren = new boolean[nodes];
        this.startsPhrase = new boolean[words.size()];
        for (var e : edges.long2IntEntrySet()) {
            int from = (int) (e.getLongKey() >>> 32);
            hasChildren[from] = true;
            if (from == 0) {
                startsPhrase[(int) e.getLongKey()] = true;
            }
        }
        this.maxTokens = longest;
        this.fingerprint = computeFingerprint(this.phrases);
    }

    /** The phrases, in the order given (a file's order). */
    public List<Phrase> phrases() {
        return phrases;
    }

    public int size() {
        return phrases.size();
    }

    /** The most tokens in one phrase (0 for an empty table). */
    public int maxTokens() {
        return maxTokens;
    }

    /** How the table was made. */
    public SortedMap<String, String> properties() {
        return properties;
    }

    /** The file the table was read from, or null. */
    public Path source() {
        return source;
    }

    /** The analyzer whose tokens the phrases are made of (from the properties). */
    public AnalyzerSpec analyzer() {
        return AnalyzerSpec.fromProperties(properties);
    }

    /** A 64-bit FNV-1a hash of the phrases' token sequences in sorted order: the same set gives the same value. */
    public long fingerprint() {
        return fingerprint;
    }

    /** The fingerprint as 16 hex digits, as stores record it. */
    public String fingerprintHex() {
        return HexFormat.of().toHexDigits(fingerprint);
    }

    /** The same phrases with other metadata (a file's source path, for instance). */
    public PhraseTable withSource(Path source) {
        return new PhraseTable(phrases, properties, source);
    }

    // The trie, for the joiner: node 0 is the root; words are slots of the component-word table.

    /** Slot of a token among the phrases' words, or -1 when no phrase holds it. No allocation. */
    int wordSlot(char[] term, int off, int len) {
        return words.find(term, off, len);
    }

    /** True if some phrase starts with the word of this slot. */
    boolean startsPhrase(int slot) {
        return startsPhrase[slot];
    }

    /** The node after {@code node} on word {@code slot}, or -1. */
    int child(int node, int slot) {
        return next.get(((long) node << 32) | slot);
    }

    /** True if a phrase ends at this node. */
    boolean endsPhrase(int node) {
        return phraseAt[node] >= 0;
    }

    /** True if some longer phrase continues from this node. */
    boolean continues(int node) {
        return hasChildren[node];
    }

    private static long computeFingerprint(List<Phrase> phrases) {
        List<String> lines = new ArrayList<>(phrases.size());
        for (Phrase p : phrases) {
            lines.add(String.join(" ", p.tokens()));
        }
        lines.sort(Comparator.naturalOrder());
        long h = 0xCBF29CE484222325L;
        for (String line : lines) {
            for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xFF)) * 0x100000001B3L;
            }
            h = (h ^ 0xFF) * 0x100000001B3L; // separator: 0xFF never occurs in UTF-8
        }
        return h;
    }

    /**
     * Refuses to join this table's phrases into tokens of another analyzer: the phrases would silently never match,
     * or match differently.
     *
     * @throws PhraseTableException naming the table and both analyzers
     */
    public void requireAnalyzer(AnalyzerSpec corpus) throws PhraseTableException {
        AnalyzerSpec own = analyzer();
        if (!own.equals(corpus)) {
            throw new PhraseTableException(Objects.toString(source, "phrase table"), "was made from tokens of " + own.describe()
                    + ", but this corpus is read with " + corpus.describe() + "; detect phrases again with the same analyzer options");
        }
    }
}
