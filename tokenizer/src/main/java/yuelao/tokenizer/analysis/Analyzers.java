package yuelao.tokenizer.analysis;

import yuelao.core.AnalyzerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Builds the Lucene analysis chain named by an {@link AnalyzerSpec}:
 *
 * <ul>
 *   <li>{@code english}: StandardTokenizer, lowercase, possessive removal, [stop words], [Porter stemming];
 *   <li>{@code standard}: StandardTokenizer, lowercase, [stop words];
 *   <li>{@code whitespace}: WhitespaceTokenizer, tokens kept as written, [stop words];
 *   <li>{@code smartcn}: HMMChineseTokenizer (smartcn word segmentation), lowercase, smartcn's punctuation
 *       stop set (always: punctuation carries no association), [stop words];
 *   <li>{@code cjk}: StandardTokenizer, CJK width folding, lowercase, CJK bigrams, [stop words].
 * </ul>
 *
 * Every chain ends with {@link TokenLengthFilter}. The StandardTokenizer's own maximum token length is
 * raised to Lucene's limit so that it never splits a long token; the length filter drops it instead.
 */
public final class Analyzers {
    private Analyzers() {}

    /**
     * The analyzer for a spec. The returned analyzer is thread-safe (Lucene keeps one chain per thread).
     *
     * @param overLong receives one increment per token dropped for exceeding the maximum length
     * @throws IOException if a stop-word file cannot be read
     */
    public static Analyzer create(AnalyzerSpec spec, LongAdder overLong) throws IOException {
        CharArraySet stop = stopSet(spec.stopwords());
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source;
                TokenStream ts;
                switch (spec.name()) {
                    case "english" -> {
                        source = standardTokenizer();
                        ts = new EnglishPossessiveFilter(new LowerCaseFilter(source));
                        ts = stop(ts, stop);
                        if (spec.stem()) {
                            ts = new PorterStemFilter(ts);
                        }
                    }
                    case "standard" -> {
                        source = standardTokenizer();
                        ts = stop(new LowerCaseFilter(source), stop);
                    }
                    case "whitespace" -> {
                        source = new WhitespaceTokenizer(WhitespaceTokenizer.DEFAULT_MAX_WORD_LEN * 4);
                        ts = stop(source, stop);
                    }
                    case "smartcn" -> {
                        source = new HMMChineseTokenizer();
                        ts = new StopFilter(new LowerCaseFilter(source), SmartChineseAnalyzer.getDefaultStopSet());
                        ts = stop(ts, stop);
                    }
                    case "cjk" -> {
                        source = standardTokenizer();
                        ts = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)));
                        ts = stop(ts, stop);
                    }
                    default -> throw new IllegalStateException(spec.name());
                }
                ts = new TokenLengthFilter(ts, spec.minTokenLength(), spec.maxTokenLength(), overLong);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    private static StandardTokenizer standardTokenizer() {
        StandardTokenizer t = new StandardTokenizer();
        t.setMaxTokenLength(StandardTokenizer.MAX_TOKEN_LENGTH_LIMIT);
        return t;
    }

    private static TokenStream stop(TokenStream ts, CharArraySet stop) {
        return stop == null ? ts : new StopFilter(ts, stop);
    }

    /** null for "none"; Lucene's English set for "english"; else one word per line from the file. */
    public static CharArraySet stopSet(String stopwords) throws IOException {
        if (stopwords.equals("none")) {
            return null;
        }
        if (stopwords.equals("english")) {
            return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        }
        Path file = Path.of(stopwords.startsWith("file:") ? stopwords.substring(5) : stopwords);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": stop-word file not found (expected none, english or a file)");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": stop-word file is not valid UTF-8");
        }
        CharArraySet set = new CharArraySet(lines.size(), true);
        for (String l : lines) {
            String w = l.strip();
            if (!w.isEmpty() && !w.startsWith("#")) {
                set.add(w);
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
