package yuelao.engine.vectors;

/**
 * The rule every format shares for words: non-empty, and no whitespace, because whitespace ends a word in
 * all of them (a space ends the word even in word2vec binary). "Whitespace" is wide on purpose: Java's
 * {@link Character#isWhitespace}, the Unicode space separators (no-break spaces included) and U+0085, so
 * that Python's {@code str.split()}, which other tools read these files with, cannot split a word either.
 */
final class Words {
    private Words() {}

    /** The first whitespace code point in {@code word}, or -1 if there is none. */
    static int firstWhitespace(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (isWhitespace(cp)) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** Why {@code word} cannot be stored, or null if it can. */
    static String problem(String word) {
        if (word.isEmpty()) {
            return "is empty";
        }
        int ws = firstWhitespace(word);
        return ws < 0 ? null : String.format("contains whitespace (U+%04X)", ws);
    }

    /**
     * The word in single quotes, fit for a one-line message: control and whitespace characters other than
     * the plain space are escaped as {@code \\uXXXX}, and a very long word is shortened.
     */
    static String quote(String word) {
        StringBuilder sb = new StringBuilder(word.length() + 2).append('\'');
        int shown = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (++shown > 80) {
                sb.append("...");
                break;
            }
            if (cp != ' ' && (isWhitespace(cp) || Character.isISOControl(cp))) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.append('\'').toString();
    }
}
