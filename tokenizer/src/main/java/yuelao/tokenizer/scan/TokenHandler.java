package yuelao.tokenizer.scan;

/**
 * Receives the tokens of one tokenizer thread, document by document. One instance per thread, so it
 * needs no locking. The term buffer is Lucene's, reused for the next token: copy what you keep.
 */
public interface TokenHandler {
    /** A new document starts; {@code index} is its number in corpus order, the same for any thread count. */
    void startDocument(long index);

    /** The next token of the current document: {@code term[0, length)}. */
    void token(char[] term, int length);

    /** The current document has ended. No window may span two documents. */
    void endDocument();

    /**
     * Whether this handler needs the document boundaries. One that does not (a unigram count) lets the scanner
     * tokenize a whole batch of documents as one stream when the analyzer never joins tokens across a line end,
     * which saves the per-document set-up of the analysis chain; it then sees one start/end pair per batch.
     */
    default boolean needsDocuments() {
        return true;
    }
}
