package yuelao.engine.pmi;

import java.util.Locale;

/**
 * How {@code yuelao phrases} scores an adjacent bigram (a, b) from f_ab (how often b directly follows a), the unigram
 * counts f_a and f_b and N, the tokens of the pass (docs/measures.md, "Phrases"). A bigram becomes a phrase when its
 * score is above the pass's threshold and f_ab reaches the minimum count.
 */
public enum PhraseScoring {
    /**
     * word2phrase's score (Mikolov et al. 2013, the word2vec toolkit): (f_ab - delta) / (f_a f_b) x N, delta a discount
     * (word2phrase uses the minimum count) that keeps rare pairs out.
     */
    WORD2PHRASE,
    /**
     * NPMI, as gensim's {@code Phrases(scoring='npmi')} offers it (Bouma 2009): ln(p_ab / (p_a p_b)) / -ln(p_ab) with
     * p = f / N, in [-1, 1]; a bigram that is every token of the corpus scores 1.
     */
    NPMI;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PhraseScoring parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "word2phrase", "default", "original" -> WORD2PHRASE;
            case "npmi" -> NPMI;
            default -> throw new IllegalArgumentException("unknown --scoring '" + s + "' (expected word2phrase or npmi)");
        };
    }

    /**
     * The score of a bigram.
     *
     * @param fab the bigram's count (> 0)
     * @param fa the first word's count (> 0)
     * @param fb the second word's count (> 0)
     * @param tokens N, the tokens of the pass
     * @param delta word2phrase's discount (ignored by NPMI)
     */
    public double score(double fab, double fa, double fb, double tokens, double delta) {
        return switch (this) {
            case WORD2PHRASE -> (fab - delta) / (fa * fb) * tokens;
            case NPMI -> {
                double lnPab = Math.log(fab / tokens);
                if (lnPab >= 0) {
                    yield 1;
                }
                yield Math.max(-1, Math.min(1, (Math.log(fab) + Math.log(tokens) - Math.log(fa) - Math.log(fb)) / -lnPab));
            }
        };
    }
}
