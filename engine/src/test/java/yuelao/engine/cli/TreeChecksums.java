package yuelao.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The state of directory trees for tests that check what a command left: the SHA-256 of every file (and the mode of
 * every directory and link) under some roots, and the temporaries (hidden siblings, spill runs) among them.
 */
final class TreeChecksums {
    private TreeChecksums() {}

    /** Every path under the roots (the roots included) mapped to its file's SHA-256, or "dir" / "link". */
    static Map<Path, String> of(Path... roots) {
        Map<Path, String> out = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.toList()) {
                    out.put(p, state(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** {@link #of} one root, keyed by the path relative to it (to compare two outputs made in different places). */
    static Map<String, String> relative(Path root) {
        Map<String, String> out = new TreeMap<>();
        of(root).forEach((p, v) -> out.put(root.relativize(p).toString(), v));
        return out;
    }

    /** Hidden entries ({@code .name.tmp-*}, {@code .name.old-*}) and spill runs under the roots. */
    static List<Path> temporaries(Path... roots) {
        List<Path> out = new ArrayList<>();
        for (Path p : of(roots).keySet()) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.endsWith(".run") || n.startsWith("yuelao-spill")) {
                out.add(p);
            }
        }
        return out;
    }

    private static String state(Path p) {
        if (Files.isSymbolicLink(p)) {
            return "link";
        }
        if (Files.isDirectory(p)) {
            return "dir";
        }
        if (!Files.isReadable(p)) {
            return "unreadable, " + p.toFile().length() + " bytes";
        }
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
