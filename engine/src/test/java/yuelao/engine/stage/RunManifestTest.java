package yuelao.engine.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yuelao.storage.format.StoreFormatException;

/**
 * The run manifest's checksum covers its exact bytes: a manifest whose bytes changed is refused even when the change
 * leaves the same lines (line endings, a missing or extra final newline), which a line-based check would accept.
 */
class RunManifestTest {
    @TempDir
    Path tmp;

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path f = tmp.resolve(RunManifest.FILE_NAME);
        RunManifest m = RunManifest.read(f).with("count", Map.of("window", "5", "odd=key", "line\nbreak"));
        m.write(f);
        RunManifest back = RunManifest.read(f);
        assertEquals(m.stages(), back.stages());
        assertTrue(back.done("count", Map.of("window", "5", "odd=key", "line\nbreak")));
    }

    @Test
    void byteChangesThatKeepTheLinesAreRefused() throws IOException {
        Path f = tmp.resolve(RunManifest.FILE_NAME);
        RunManifest.read(f).with("count", Map.of("window", "5")).with("train", Map.of("dim", "100")).write(f);
        String valid = Files.readString(f, StandardCharsets.UTF_8);
        String[] mutants = {
            valid.replace("\n", "\r\n"), // Windows line endings
            valid.substring(0, valid.length() - 1), // no final newline
            valid + "\n", // an extra empty line
            valid.replaceFirst("\n", "\r"), // an old Mac line ending
        };
        for (String mutant : mutants) {
            Files.writeString(f, mutant, StandardCharsets.UTF_8);
            assertThrows(StoreFormatException.class, () -> RunManifest.read(f), mutant.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }
}
