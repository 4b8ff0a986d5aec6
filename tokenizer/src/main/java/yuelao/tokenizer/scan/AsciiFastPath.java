package yuelao.tokenizer.scan;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.analysis.Analyzers;

/**
 * The {@code english} and {@code standard} chains (StandardTokenizer, lowercase, [possessive removal], [stop words],
 * length filter; no stemming) computed directly, for text whose characters are all ASCII. On such text the
 * StandardTokenizer's Unicode word-break rules (UAX #29) reduce to a few character classes, and one pass can break,
 * lowercase and filter without Lucene's attribute machinery: about twice the speed of the chain, which is what the
 * vocabulary pass's speed target needs. Text with any other character goes through Lucene.
 *
 * <p>The rules, on classes L = [A-Za-z], D = [0-9], U = '_' (ExtendNumLet), ':' (MidLetter), ',' ';' (MidNum),
 * '.' '\'' (MidNumLet, Single_Quote: both), everything else a break: a token is a maximal run where L and D join
 * each other (WB5, WB8, WB9, WB10), U joins anything in a token (WB13a, WB13b), ':' '.' '\'' join two L (WB6, WB7),
 * ',' ';' '.' '\'' join two D (WB11, WB12); a run without L or D is not a token. {@code AsciiFastPathTest} checks
 * the output against the Lucene chain on random text over these characters, for every option this path accepts.
 *
 * <p>Not thread-safe (one term buffer); one instance per tokenizer thread.
 */
public final class AsciiFastPath {
    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte UNDERSCORE = 3;
    private static final byte MID_LETTER = 4;
    private static final byte MID_NUM = 5;
    private static final byte MID_BOTH = 6;
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = LETTER;
            CLASS[c - 'a' + 'A'] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        CLASS['_'] = UNDERSCORE;
        CLASS[':'] = MID_LETTER;
        CLASS[','] = MID_NUM;
        CLASS[';'] = MID_NUM;
        CLASS['.'] = MID_BOTH;
        CLASS['\''] = MID_BOTH;
    }

    /** Longest document this path takes: no token can reach the StandardTokenizer's limit, so none is split. */
    public static final int MAX_TEXT_CHARS = StandardTokenizer.MAX_TOKEN_LENGTH_LIMIT;

    private final boolean possessive;
    private final CharArraySet stop;
    private final int minLength;
    private final int maxLength;
    private final LongAdder overLong;
    private char[] term = new char[64];

    private AsciiFastPath(boolean possessive, CharArraySet stop, int minLength, int maxLength, LongAdder overLong) {
        this.possessive = possessive;
        this.stop = stop;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.overLong = overLong;
    }

    /**
     * The fast path for a spec, or null when it has none (analyzers other than english and standard, or stemming).
     *
     * @param overLong counts tokens dropped for exceeding the maximum length, as the Lucene chain's filter does
     */
    public static AsciiFastPath forSpec(AnalyzerSpec spec, LongAdder overLong) throws IOException {
        boolean english = spec.name().equals("english");
        if (!(english || spec.name().equals("standard")) || spec.stem()) {
            return null;
        }
        return new AsciiFastPath(english, Analyzers.stopSet(spec.stopwords()), spec.minTokenLength(), spec.maxTokenLength(), overLong);
    }

    /** True if every char of text[from, to) is ASCII. */
    public static boolean isAscii(char[] text, int from, int to) {
        int or = 0;
        for (int i = from; i < to; i++) {
            or |= text[i];
        }
        return or < 128;
    }

    /**
     * Tokenizes text[from, to), which must be ASCII only and at most {@link #MAX_TEXT_CHARS} long between line ends,
     * into {@code handler}; returns the number of tokens passed on.
     */
    public long tokenize(char[] text, int from, int to, TokenHandler handler) {
        long tokens = 0;
        int i = from;
        while (i < to) {
            byte c = CLASS[text[i]];
            if (c != LETTER && c != DIGIT && c != UNDERSCORE) {
                i++;
                continue;
            }
            int start = i;
            boolean word = c != UNDERSCORE;
            byte prev = c;
            i++;
            while (i < to) {
                byte x = CLASS[text[i]];
                if (x == LETTER || x == DIGIT) { // prev is always L, D or U here: WB5, WB8-10, WB13b
                    word = true;
                    prev = x;
                    i++;
                } else if (x == UNDERSCORE) { // WB13a
                    prev = x;
                    i++;
                } else if (x >= MID_LETTER && i + 1 < to) {
                    byte y = CLASS[text[i + 1]];
                    boolean letters = prev == LETTER && y == LETTER && x != MID_NUM; // WB6, WB7
                    boolean digits = prev == DIGIT && y == DIGIT && x != MID_LETTER; // WB11, WB12
                    if (!(letters || digits)) {
                        break;
                    }
                    prev = y;
                    i += 2;
                } else {
                    break;
                }
            }
            if (word && emit(text, start, i, handler)) {
                tokens++;
            }
        }
        return tokens;
    }

    /** Lowercase, [possessive], [stop], length: the Lucene chain's filters in its order. */
    private boolean emit(char[] text, int start, int end, TokenHandler handler) {
        int len = end - start;
        if (len > term.length) {
            term = new char[Math.max(len, term.length * 2)];
        }
        char[] t = term;
        for (int k = 0; k < len; k++) {
            char ch = text[start + k];
            t[k] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
        }
        if (possessive && len >= 2 && t[len - 1] == 's' && t[len - 2] == '\'') {
            len -= 2;
        }
        if (stop != null && stop.contains(t, 0, len)) {
            return false;
        }
        if (len > maxLength) {
            overLong.increment();
            return false;
        }
        if (len < minLength) {
            return false;
        }
        handler.token(t, len);
        return true;
    }
}
