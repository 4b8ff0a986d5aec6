package yuelao.engine.cli;

import java.util.List;
import yuelao.engine.pmi.PmiView;
import yuelao.tokenizer.analysis.TextAnalyzer;

/** Shared helpers of the query verbs: word normalisation with the store's analyzer, unknown-word errors. */
final class StoreQueries {
    private StoreQueries() {}

    /**
     * The id of a query word: the word as the store's analyzer would write it (e.g. lowercased) when that
     * gives exactly one token, else the word as given. An unknown word is a one-line user error.
     */
    static int wordId(PmiView view, TextAnalyzer analyzer, String word) {
        List<String> toks = analyzer.tokens(word);
        String w = toks.size() == 1 ? toks.get(0) : word;
        int id = view.vocabulary().id(w);
        if (id < 0) {
            throw new UserException("'" + word + "' is not in the vocabulary of " + view.store().path()
                    + String.format(java.util.Locale.ROOT, " (%,d words)", view.vocabulary().size()));
        }
        return id;
    }
}
