package yuelao.tokenizer.analysis;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps tokens whose length in code points lies in [min, max]. A token over the maximum is dropped whole
 * (never cut, so never split inside a character) and counted in {@code overLong}.
 */
public final class TokenLengthFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final int min;
    private final int max;
    private final LongAdder overLong;

    public TokenLengthFilter(TokenStream in, int min, int max, LongAdder overLong) {
        super(in);
        this.min = min;
        this.max = max;
        this.overLong = overLong;
    }

    @Override
    protected boolean accept() throws IOException {
        int len = term.length();
        if (len >= min && len <= max) {
            // UTF-16 length bounds the code point count from above and equals it without surrogates.
            if (len < min * 2) {
                int cps = Character.codePointCount(term.buffer(), 0, len);
                return cps >= min;
            }
            return true;
        }
        int cps = Character.codePointCount(term.buffer(), 0, len);
        if (cps > max) {
            overLong.increment();
            return false;
        }
        return cps >= min;
    }
}
