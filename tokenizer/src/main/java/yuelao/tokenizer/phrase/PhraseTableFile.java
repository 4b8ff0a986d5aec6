package yuelao.tokenizer.phrase;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import yuelao.core.StoreKeys;

/**
 * The phrase table file (docs/file-formats.md, "Phrase tables"): UTF-8 text, inspectable with any pager, versioned and
 * checksummed.
 *
 * <pre>
 * yuelao-phrases 1                          magic and version
 * # ...                                     comments (what the columns are)
 * &#64;key=value                                properties: analyzer, scoring, thresholds, ... (sorted by key)
 * new york&lt;TAB&gt;1&lt;TAB&gt;4942&lt;TAB&gt;812.0439        one phrase per line: tokens (one space apart), pass, count, score
 * ...
 * #end entries=N crc32c=XXXXXXXX             N phrases; CRC-32C of every byte before this line
 * </pre>
 *
 * A reader refuses, with a one-line {@link PhraseTableException} naming the file, anything else: another file's
 * header, a newer version, a missing end line (truncated), a checksum or entry count that does not match (corrupt), a
 * malformed line.
 */
public final class PhraseTableFile {
    private PhraseTableFile() {}

    public static final String MAGIC = "yuelao-phrases";
    public static final int VERSION = 1;
    private static final String END = "#end ";

    /** The file's text for a table. */
    public static byte[] format(PhraseTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append(MAGIC).append(' ').append(VERSION).append('\n');
        sb.append("# yuelao phrase table. After the @properties, one phrase per line, TAB-separated: its tokens (one space apart),\n");
        sb.append("# the detection pass that found it, how often its two parts stood side by side in that pass, and its score.\n");
        sb.append("# Reading verbs given --phrases join each phrase into one token (tokens joined by '")
                .append(PhraseTable.DELIMITER).append("'), longest first, left to right.\n");
        for (Map.Entry<String, String> e : table.properties().entrySet()) {
            sb.append('@').append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        for (PhraseTable.Phrase p : table.phrases()) {
            sb.append(String.join(" ", p.tokens())).append('\t').append(p.pass()).append('\t').append(p.count()).append('\t')
                    .append(formatScore(p.score())).append('\n');
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] end = String.format(Locale.ROOT, "%sentries=%d crc32c=%08x\n", END, table.size(), crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[body.length + end.length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(end, 0, all, body.length, end.length);
        return all;
    }

    /** Shortest decimal that reads back as the same double. */
    static String formatScore(double s) {
        return Double.toString(s);
    }

    /** True when {@code file} starts as a phrase table does (what {@code --force} may replace). */
    public static boolean isPhraseTable(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length() + 1);
            return new String(head, StandardCharsets.US_ASCII).equals(MAGIC + " ");
        }
    }

    /**
     * Reads and checks a table.
     *
     * @throws PhraseTableException if the file is missing, foreign, newer, truncated or corrupt
     */
    public static PhraseTable read(Path file) throws IOException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PhraseTableException(name, "no such phrase table");
        }
        if (Files.isDirectory(file)) {
            throw new PhraseTableException(name, "is a directory, not a phrase table from 'yuelao phrases'");
        }
        int firstLf = indexOf(bytes, 0, (byte) '\n');
        String first = new String(bytes, 0, firstLf < 0 ? Math.min(bytes.length, 64) : firstLf, StandardCharsets.ISO_8859_1);
        if (!first.startsWith(MAGIC + " ")) {
            throw new PhraseTableException(name, "not a phrase table (expected a first line '" + MAGIC + " " + VERSION + "' from 'yuelao phrases')");
        }
        int version;
        try {
            version = Integer.parseInt(first.substring(MAGIC.length() + 1).strip());
        } catch (NumberFormatException e) {
            throw new PhraseTableException(name, "corrupt header line '" + first + "'");
        }
        if (version > VERSION) {
            throw new PhraseTableException(name, "phrase table version " + version + " is newer than this yuelao reads (" + VERSION
                    + "); update yuelao");
        }
        if (version < 1) {
            throw new PhraseTableException(name, "corrupt header line '" + first + "'");
        }
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            throw new PhraseTableException(name, "truncated (no end line; was it cut off while being written?)");
        }
        int lastStart = lastLineStart(bytes);
        String last = new String(bytes, lastStart, bytes.length - 1 - lastStart, StandardCharsets.US_ASCII);
        if (!last.startsWith(END)) {
            throw new PhraseTableException(name, "truncated (no end line; was it cut off while being written?)");
        }
        long entries;
        long crcValue;
        try {
            Map<String, String> kv = new TreeMap<>();
            for (String part : last.substring(END.length()).trim().split(" ")) {
                int eq = part.indexOf('=');
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
            entries = Long.parseLong(kv.get("entries"));
            crcValue = Long.parseLong(kv.get("crc32c"), 16);
        } catch (RuntimeException e) {
            throw new PhraseTableException(name, "corrupt end line '" + last + "'");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, lastStart);
        if (crc.getValue() != crcValue) {
            throw new PhraseTableException(name, String.format(Locale.ROOT, "corrupt (checksum %08x, the end line says %08x)", crc.getValue(),
                    crcValue));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, lastStart)).toString();
        } catch (CharacterCodingException e) {
            throw new PhraseTableException(name, "corrupt (not UTF-8)");
        }
        Map<String, String> properties = new TreeMap<>();
        List<PhraseTable.Phrase> phrases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length - 1; i++) { // the last element is the empty string after the final LF
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                int eq = line.indexOf('=');
                if (eq < 2) {
                    throw new PhraseTableException(name, "line " + (i + 1) + ": malformed property '" + line + "'");
                }
                properties.put(line.substring(1, eq), line.substring(eq + 1));
                continue;
            }
            String[] cols = line.split("\t", -1);
            try {
                if (cols.length != 4) {
                    throw new IllegalArgumentException("expected 4 TAB-separated columns, found " + cols.length);
                }
                phrases.add(new PhraseTable.Phrase(List.of(cols[0].split(" ", -1)), Integer.parseInt(cols[1]), Long.parseLong(cols[2]),
                        Double.parseDouble(cols[3])));
            } catch (IllegalArgumentException e) {
                throw new PhraseTableException(name, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (phrases.size() != entries) {
            throw new PhraseTableException(name, "corrupt (" + phrases.size() + " phrases, the end line says " + entries + ")");
        }
        try {
            return new PhraseTable(phrases, properties, file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            throw new PhraseTableException(name, e.getMessage());
        }
    }

    /**
     * The phrase table a vocabulary, store or vectors directory was made with, from its properties: none when they
     * record none; else the table at {@code override} when given, or at the recorded path, which must have the recorded
     * fingerprint.
     *
     * @param owner the directory whose properties these are (for messages)
     * @throws PhraseTableException if the table is missing or is not the one recorded, or {@code override} is given for
     *     a directory made without phrases
     */
    public static PhraseTable recorded(Map<String, String> properties, Path override, String owner) throws IOException {
        String fingerprint = properties.get(StoreKeys.PHRASES_FINGERPRINT);
        if (fingerprint == null) {
            if (override != null) {
                throw new PhraseTableException(override.toString(), owner + " was made without phrases; drop --phrases, or count the corpus again with it");
            }
            return null;
        }
        Path path = override != null ? override : Path.of(properties.getOrDefault(StoreKeys.PHRASES_PATH, ""));
        PhraseTable table;
        try {
            table = read(path);
        } catch (PhraseTableException e) {
            if (override == null && !Files.exists(path)) {
                throw new PhraseTableException(path.toString(), "the phrase table " + owner + " was made with is missing; pass its new place with --phrases FILE");
            }
            throw e;
        }
        if (!table.fingerprintHex().equals(fingerprint)) {
            throw new PhraseTableException(path.toString(), "is not the phrase table " + owner + " was made with (fingerprint "
                    + table.fingerprintHex() + ", recorded " + fingerprint + ")");
        }
        return table;
    }

    /** The properties that record {@code table} in a vocabulary or store (none for null). */
    public static Map<String, String> properties(PhraseTable table) {
        Map<String, String> p = new TreeMap<>();
        if (table != null) {
            p.put(StoreKeys.PHRASES_PATH, String.valueOf(table.source()));
            p.put(StoreKeys.PHRASES_FINGERPRINT, table.fingerprintHex());
        }
        return p;
    }

    private static int indexOf(byte[] b, int from, byte x) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int lastLineStart(byte[] b) {
        int i = b.length - 2;
        while (i >= 0 && b[i] != '\n') {
            i--;
        }
        return i + 1;
    }
}
