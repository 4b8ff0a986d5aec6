package yuelao.engine.stage;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import yuelao.storage.format.AtomicFiles;
import yuelao.storage.format.StoreFormatException;

/**
 * The manifest of a run directory, {@code run.properties}: for each stage, the settings it is made with (its inputs
 * included), as {@code stage.key=value} lines, and its state: {@code done}, or {@code pending} with the identity of the
 * output it replaces (so that an output committed just before a kill is recognised as this stage's on the next run). Text, so that a person can read what a run did; a
 * version line first and a CRC32C line last, so that a damaged manifest is refused rather than trusted (a run then
 * stops with one line and {@code --force} redoes the stages). Written atomically, after the stage's output is in
 * place; immutable.
 */
final class RunManifest {
    static final String FILE_NAME = "run.properties";
    private static final String HEADER = "# yuelao run manifest, version 1";
    private static final String CHECKSUM = "# crc32c ";

    /** stage -> settings of its completed output. */
    private final Map<String, Map<String, String>> stages;

    private RunManifest(Map<String, Map<String, String>> stages) {
        this.stages = stages;
    }

    /** The manifest at {@code file}; empty when there is none. */
    static RunManifest read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new RunManifest(Map.of());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new StoreFormatException(file, "not a yuelao run manifest (not UTF-8); use --force to redo the run");
        }
        // The checksum covers the exact bytes before its line, and the file must end right after that line's '\n':
        // lines are split on '\n' only, so no change of line endings or trailing bytes reads as the same manifest.
        int at = text.lastIndexOf("\n" + CHECKSUM);
        if (!text.startsWith(HEADER + "\n") || at < 0 || !text.endsWith("\n")) {
            throw new StoreFormatException(file, "not a yuelao run manifest (or a newer version); use --force to redo the run");
        }
        String body = text.substring(0, at + 1);
        if (!text.substring(at + 1).equals(CHECKSUM + crc(body) + "\n")) {
            throw new StoreFormatException(file, "checksum mismatch: the manifest is damaged; use --force to redo the run");
        }
        List<String> lines = List.of(body.split("\n", -1));
        lines = lines.subList(0, lines.size() - 1); // body ends with '\n': the split's last piece is empty
        Map<String, Map<String, String>> stages = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int dot = line.indexOf('.');
            int eq = line.indexOf('=');
            if (dot < 1 || eq < dot) {
                throw new StoreFormatException(file, "corrupt line: " + line);
            }
            stages.computeIfAbsent(line.substring(0, dot), k -> new TreeMap<>()).put(unescape(line.substring(dot + 1, eq)),
                    unescape(line.substring(eq + 1)));
        }
        return new RunManifest(stages);
    }

    private static final String STATE = "~state";
    private static final String DONE = "done";
    private static final String PENDING = "pending:";

    /** True when {@code stage} is complete with exactly these settings. */
    boolean done(String stage, Map<String, String> settings) {
        return DONE.equals(state(stage, settings));
    }

    /**
     * The identity of the output that {@code stage}, started with exactly these settings and not yet marked done, was
     * replacing ("none" if there was none); empty if the stage is not pending with these settings.
     */
    java.util.Optional<String> pendingReplacing(String stage, Map<String, String> settings) {
        String s = state(stage, settings);
        return s != null && s.startsWith(PENDING) ? java.util.Optional.of(s.substring(PENDING.length())) : java.util.Optional.empty();
    }

    /** The stage's state when its recorded settings equal these, else null. */
    private String state(String stage, Map<String, String> settings) {
        Map<String, String> have = stages.get(stage);
        if (have == null) {
            return null;
        }
        Map<String, String> recorded = new TreeMap<>(have);
        String state = recorded.remove(STATE);
        return recorded.equals(new TreeMap<>(settings)) ? state : null;
    }

    /** The first setting of {@code stage} that differs, as "key a, not b", or null. */
    String firstDifference(String stage, Map<String, String> settings) {
        Map<String, String> have = stages.getOrDefault(stage, Map.of());
        if (have.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
            String h = have.get(e.getKey());
            if (e.getKey().equals(STATE)) {
                continue;
            }
            if (!e.getValue().equals(h)) {
                return e.getKey() + " " + (h == null ? "unset" : h) + " there, " + e.getValue() + " now";
            }
        }
        for (String k : have.keySet()) {
            if (!k.equals(STATE) && !settings.containsKey(k)) {
                return k + " " + have.get(k) + " there, unset now";
            }
        }
        return null;
    }

    /** This manifest with {@code stage} complete. */
    RunManifest with(String stage, Map<String, String> settings) {
        return withState(stage, settings, DONE);
    }

    /** This manifest with {@code stage} started, replacing the output of identity {@code replaces} ("none" if none). */
    RunManifest pending(String stage, Map<String, String> settings, String replaces) {
        return withState(stage, settings, PENDING + replaces);
    }

    private RunManifest withState(String stage, Map<String, String> settings, String state) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>(stages);
        Map<String, String> s = new TreeMap<>(settings);
        s.put(STATE, state);
        m.put(stage, s);
        return new RunManifest(m);
    }

    /** This manifest without these stages (they are being redone). */
    RunManifest without(String... stageNames) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>(stages);
        for (String s : stageNames) {
            m.remove(s);
        }
        return new RunManifest(m);
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, Map<String, String>> s : stages.entrySet()) {
            for (Map.Entry<String, String> e : s.getValue().entrySet()) {
                sb.append(s.getKey()).append('.').append(escape(e.getKey())).append('=').append(escape(e.getValue())).append('\n');
            }
        }
        String body = sb.toString();
        String text = body + CHECKSUM + crc(body) + "\n";
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    Map<String, Map<String, String>> stages() {
        return Collections.unmodifiableMap(stages);
    }

    private static String crc(String s) {
        CRC32C c = new CRC32C();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(c.getValue());
    }

    /** Keys and values stay on one line: backslash, newline and '=' escaped. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("=", "\\e");
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'e' -> '=';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
