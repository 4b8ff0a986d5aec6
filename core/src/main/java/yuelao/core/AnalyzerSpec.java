package yuelao.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that decides how text becomes tokens. A store records it (as properties) so that later
 * queries tokenize text exactly as the corpus was tokenized.
 *
 * @param name one of {@link #NAMES}
 * @param stem Porter stemming (english only)
 * @param stopwords "none", "english", or a path to a file with one stop word per line
 * @param minTokenLength tokens shorter than this many code points are dropped
 * @param maxTokenLength tokens longer than this many code points are dropped and counted, never cut
 */
public record AnalyzerSpec(String name, boolean stem, String stopwords, int minTokenLength, int maxTokenLength) {
    public static final String[] NAMES = {"english", "standard", "whitespace", "smartcn", "cjk"};
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 100;
    /** The property keys of {@link #toProperties()}, in that order. */
    public static final java.util.List<String> PROPERTY_KEYS = java.util.List.of("analyzer", "analyzer.stem", "analyzer.stopwords",
            "analyzer.minTokenLength", "analyzer.maxTokenLength");

    public AnalyzerSpec {
        name = name.toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String n : NAMES) {
            known |= n.equals(name);
        }
        if (!known) {
            throw new IllegalArgumentException("unknown analyzer '" + name + "' (expected one of: " + String.join(", ", NAMES) + ")");
        }
        if (stem && !name.equals("english")) {
            throw new IllegalArgumentException("--stem applies to the english analyzer only");
        }
        if (minTokenLength < 1) {
            throw new IllegalArgumentException("min token length must be at least 1, got " + minTokenLength);
        }
        if (maxTokenLength < minTokenLength) {
            throw new IllegalArgumentException("max token length " + maxTokenLength + " is below the minimum " + minTokenLength);
        }
        if (stopwords == null || stopwords.isBlank()) {
            stopwords = "none";
        }
    }

    public static AnalyzerSpec defaults(String name) {
        return new AnalyzerSpec(name, false, "none", 1, DEFAULT_MAX_TOKEN_LENGTH);
    }

    /** True for the analyzers whose words are Chinese (character n-gram features apply). */
    public boolean isChinese() {
        return name.equals("smartcn") || name.equals("cjk");
    }

    /**
     * True when tokenizing several lines as one text gives exactly the tokens of the lines one by one: the chain's
     * tokenizer always breaks at a line end (UAX #29 rules WB3a/WB3b for StandardTokenizer; a line feed is white
     * space for WhitespaceTokenizer) and no filter joins two tokens. Not claimed for smartcn (sentence-level
     * segmentation) nor cjk (bigrams of neighbouring tokens).
     */
    public boolean breaksAtLineEnds() {
        return name.equals("english") || name.equals("standard") || name.equals("whitespace");
    }

    public Map<String, String> toProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] values = {name, Boolean.toString(stem), stopwords, Integer.toString(minTokenLength), Integer.toString(maxTokenLength)};
        for (int i = 0; i < values.length; i++) {
            m.put(PROPERTY_KEYS.get(i), values[i]);
        }
        return m;
    }

    public static AnalyzerSpec fromProperties(Map<String, String> p) {
        return new AnalyzerSpec(
                p.getOrDefault(PROPERTY_KEYS.get(0), "english"),
                Boolean.parseBoolean(p.getOrDefault(PROPERTY_KEYS.get(1), "false")),
                p.getOrDefault(PROPERTY_KEYS.get(2), "none"),
                Integer.parseInt(p.getOrDefault(PROPERTY_KEYS.get(3), "1")),
                Integer.parseInt(p.getOrDefault(PROPERTY_KEYS.get(4), Integer.toString(DEFAULT_MAX_TOKEN_LENGTH))));
    }

    /** One line for summaries: "english (stem off, stop words none, length 1-100)". */
    public String describe() {
        return name + " (stem " + (stem ? "on" : "off") + ", stop words " + stopwords + ", length " + minTokenLength + "-" + maxTokenLength + ")";
    }
}
