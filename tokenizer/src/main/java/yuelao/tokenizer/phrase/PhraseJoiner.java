package yuelao.tokenizer.phrase;

import java.util.Arrays;
import yuelao.tokenizer.scan.TokenHandler;

/**
 * Joins the phrases of a {@link PhraseTable} in a token stream and passes the result on: a token handler in front of
 * another. The rule is greedy, left to right: at each position the longest phrase of the table that starts there
 * becomes one token (its tokens joined by {@link PhraseTable#DELIMITER}), and the search goes on after it; a position
 * where no phrase starts passes its token on unchanged. Nothing is joined across documents: the pending tokens are
 * settled when a document ends.
 *
 * <p>Per token nothing is allocated: one hash look-up decides whether a token can start a phrase (most cannot, and
 * they pass straight through); the few tokens held back while a phrase may still be growing are copied into reused
 * arrays. One instance per tokenizer thread.
 */
public final class PhraseJoiner implements TokenHandler {
    private final PhraseTable table;
    private final TokenHandler downstream;
    private final int maxTokens;

    // Pending tokens (at most maxTokens): their characters back to back, offsets, lengths and word slots.
    private char[] chars = new char[256];
    private final int[] starts;
    private final int[] lengths;
    private final int[] slots;
    private int count;
    private int used;
    // The trie walk from the first pending token: its node, the tokens it covers, the longest phrase on it, and
    // whether it can go no further.
    private int walkNode;
    private int walked;
    private int best;
    private boolean deadEnd;
    private char[] joined = new char[256];

    private long tokensOut;
    private long phrasesJoined;

    public PhraseJoiner(PhraseTable table, TokenHandler downstream) {
        this.table = table;
        this.downstream = downstream;
        this.maxTokens = Math.max(1, table.maxTokens());
        this.starts = new int[maxTokens];
        this.lengths = new int[maxTokens];
        this.slots = new int[maxTokens];
    }

    /** The handler the joined tokens go to. */
    public TokenHandler downstream() {
        return downstream;
    }

    /** Tokens passed on (a joined phrase counts once). */
    public long tokensOut() {
        return tokensOut;
    }

    /** Phrases joined. */
    public long phrasesJoined() {
        return phrasesJoined;
    }

    @Override
    public void startDocument(long index) {
        count = 0;
        used = 0;
        walkNode = 0;
        walked = 0;
        best = 0;
        deadEnd = false;
        downstream.startDocument(index);
    }

    @Override
    public void token(char[] term, int length) {
        int slot = table.wordSlot(term, 0, length);
        if (count == 0 && (slot < 0 || !table.startsPhrase(slot))) {
            pass(term, 0, length); // the common case: nothing pending and no phrase starts here
            return;
        }
        hold(term, length, slot);
        settle(false);
    }

    @Override
    public void endDocument() {
        settle(true);
        downstream.endDocument();
    }

    /** Joining needs document boundaries, whatever the downstream handler needs. */
    @Override
    public boolean needsDocuments() {
        return true;
    }

    private void hold(char[] term, int length, int slot) {
        if (used + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
        }
        System.arraycopy(term, 0, chars, used, length);
        starts[count] = used;
        lengths[count] = length;
        slots[count] = slot;
        used += length;
        count++;
    }

    /**
     * Passes on what is decided: the longest phrase starting at the first pending token, or that token alone. A
     * decision waits (unless {@code end}) while every pending token still lies on a path of the trie that goes on. The
     * walk from the first pending token is kept between calls, so a held token costs one trie step.
     */
    private void settle(boolean end) {
        while (count > 0) {
            while (walked < count && !deadEnd) {
                int s = slots[walked];
                int child = s < 0 ? -1 : table.child(walkNode, s);
                if (child < 0) {
                    deadEnd = true;
                    break;
                }
                walkNode = child;
                walked++;
                if (table.endsPhrase(child)) {
                    best = walked;
                }
            }
            if (!end && !deadEnd && table.continues(walkNode)) {
                return; // a longer phrase may still complete with the next token
            }
            int take = best >= 2 ? best : 1;
            if (take == 1) {
                pass(chars, starts[0], lengths[0]);
            } else {
                passJoined(take);
            }
            drop(take);
            walkNode = 0;
            walked = 0;
            best = 0;
            deadEnd = false;
        }
    }

    private void passJoined(int n) {
        int len = n - 1;
        for (int k = 0; k < n; k++) {
            len += lengths[k];
        }
        if (len > joined.length) {
            joined = new char[Math.max(len, joined.length * 2)];
        }
        int p = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                joined[p++] = PhraseTable.DELIMITER;
            }
            System.arraycopy(chars, starts[k], joined, p, lengths[k]);
            p += lengths[k];
        }
        phrasesJoined++;
        pass(joined, 0, len);
    }

    private void pass(char[] buf, int off, int len) {
        tokensOut++;
        if (off == 0) {
            downstream.token(buf, len);
        } else {
            if (len > joined.length) {
                joined = new char[Math.max(len, joined.length * 2)];
            }
            System.arraycopy(buf, off, joined, 0, len);
            downstream.token(joined, len);
        }
    }

    /** Removes the first n pending tokens, moving the rest (fewer than maxTokens) to the front. */
    private void drop(int n) {
        int rest = count - n;
        if (rest == 0) {
            count = 0;
            used = 0;
            return;
        }
        int from = starts[n];
        int moved = used - from;
        System.arraycopy(chars, from, chars, 0, moved);
        for (int k = 0; k < rest; k++) {
            starts[k] = starts[k + n] - from;
            lengths[k] = lengths[k + n];
            slots[k] = slots[k + n];
        }
        count = rest;
        used = moved;
    }
}
