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

/**
 * Tokenizes query text exactly as a corpus was tokenized (same analyzer settings), and maps the tokens to
 * vocabulary ids. For queries, not for corpus scanning: it makes Strings.
 */
public final class TextAnalyzer implements AutoCloseable {
    private final Analyzer analyzer;

    public TextAnalyzer(AnalyzerSpec spec) {
        try {
            this.analyzer = Analyzers.create(spec, new LongAdder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
