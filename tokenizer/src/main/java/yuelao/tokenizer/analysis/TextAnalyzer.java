package yuelao.tokenizer.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import yuelao.core.AnalyzerSpec;
import yuelao.tokenizer.analysis.Analyzers;
import yuelao.core.Vocabulary;
import yuelao.tokenizer.phrase.PhraseJoiner;
import yuelao.tokenizer.phrase.PhraseTable;
import yuelao.tokenizer.scan.TokenHandler;

/**
 * Tokenizes query text exactly as a corpus was tokenized (same analyzer settings, and the same phrases joined when the
 * corpus was read with a phrase table), and maps the tokens to vocabulary ids. For queries, not for corpus scanning:
 * it makes Strings. Each line of a text is a document, as in a corpus: no phrase is joined across a line end.
 */
public final class TextAnalyzer implements AutoCloseable {
    private final Analyzer analyzer;
    private final PhraseTable phrases;

    public TextAnalyzer(AnalyzerSpec spec) {
        this(spec, null);
    }

    /**
     * @param phrases the phrase table the corpus was read with, or null
     * @throws IllegalArgumentException if the table was made with another analyzer
     */
    public TextAnalyzer(AnalyzerSpec spec, PhraseTable phrases) {
        if (phrases != null && !phrases.analyzer().equals(spec)) {
            throw new IllegalArgumentException("the phrase table " + phrases.source() + " was made with " + phrases.analyzer().describe()
                    + ", not " + spec.describe());
        }
        this.phrases = phrases;
        try {
            this.analyzer = Analyzers.create(spec, new LongAdder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The phrase table in use, or null. */
    public PhraseTable phrases() {
        return phrases;
    }

    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        TokenHandler collect = new TokenHandler() {
            @Override
            public void startDocument(long index) {}

            @Override
            public void token(char[] term, int length) {
                out.add(new String(term, 0, length));
            }

            @Override
            public void endDocument() {}
        };
        TokenHandler target = phrases == null ? collect : new PhraseJoiner(phrases, collect);
        String[] lines = text.split("\n", -1);
        for (int d = 0; d < lines.length; d++) {
            target.startDocument(d);
            try (TokenStream ts = analyzer.tokenStream("text", new StringReader(lines[d]))) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    target.token(term.buffer(), term.length());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            target.endDocument();
        }
        return out;
    }

    /**
     * The text's tokens split into in-vocabulary ids (in order, repeats kept) and out-of-vocabulary tokens.
     */
    public record Mapped(int[] ids, List<String> inVocabulary, List<String> outOfVocabulary) {}

    public Mapped map(String text, Vocabulary vocabulary) {
        List<String> toks = tokens(text);
        List<Integer> ids = new ArrayList<>();
        List<String> in = new ArrayList<>();
        List<String> oov = new ArrayList<>();
        for (String t : toks) {
            int id = vocabulary.id(t);
            if (id >= 0) {
                ids.add(id);
                in.add(t);
            } else {
                oov.add(t);
            }
        }
        return new Mapped(ids.stream().mapToInt(Integer::intValue).toArray(), in, oov);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
