package yuelao.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import yuelao.engine.pmi.PairScorer;
import yuelao.storage.counts.CountStoreDirectory;
import yuelao.tokenizer.analysis.TextAnalyzer;
import yuelao.tokenizer.phrase.PhraseTableFile;

/** Shared helpers of the query verbs: the store's analyzer and phrases, word normalisation, unknown-word errors. */
final class StoreQueries {
    private StoreQueries() {}

    /**
     * The analyzer the store's corpus was read with, joining the same phrases when it was read with a phrase table
     * (found at the recorded path, or at {@code phrases} when given; its fingerprint must match).
     */
    static TextAnalyzer analyzer(CountStoreDirectory dir, Path phrases) throws IOException {
        return new TextAnalyzer(dir.analyzer(), PhraseTableFile.recorded(dir.counts().properties(), phrases, dir.path().toString()));
    }

    /**
     * The id of a query word: the word as the store's analyzer would write it (e.g. lowercased, or a phrase joined)
     * when that gives exactly one token, else the word as given. An unknown word is a one-line user error.
     */
    static int wordId(PairScorer view, TextAnalyzer analyzer, String word) {
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
