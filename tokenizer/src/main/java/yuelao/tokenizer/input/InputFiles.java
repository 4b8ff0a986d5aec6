package yuelao.tokenizer.input;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the user's input arguments into a deterministic list of sources: "-" is standard input, a
 * directory is read recursively (files in sorted path order, hidden files skipped), a pattern with glob
 * characters ({@code * ? [ {}) matches files under its fixed prefix, anything else must be a readable file.
 */
public final class InputFiles {
    private InputFiles() {}

    public static List<InputSource> expand(List<String> specs) throws CorpusException {
        if (specs == null || specs.isEmpty()) {
            throw new CorpusException("input", "no input given");
        }
        List<InputSource> out = new ArrayList<>();
        for (String spec : specs) {
            if (spec.equals("-")) {
                out.add(InputSource.stdin());
                continue;
            }
            if (isGlob(spec)) {
                List<Path> matches = glob(spec);
                if (matches.isEmpty()) {
                    throw new CorpusException(spec, "no file matches this pattern");
                }
                for (Path p : matches) {
                    out.add(InputSource.file(p, false));
                }
                continue;
            }
            Path p = Paths.get(spec);
            if (Files.isDirectory(p)) {
                List<Path> files = listRecursively(p, spec);
                if (files.isEmpty()) {
                    throw new CorpusException(spec, "directory holds no files");
                }
                for (Path f : files) {
                    out.add(InputSource.file(f, false));
                }
            } else if (Files.exists(p)) {
                if (!Files.isReadable(p)) {
                    throw new CorpusException(spec, "not readable");
                }
                out.add(InputSource.file(p, true));
            } else {
                throw new CorpusException(spec, "no such file or directory");
            }
        }
        rejectRepeats(out);
        return out;
    }

    /** A file reached twice (named twice, or also through a directory or pattern) would be counted twice: refused. */
    private static void rejectRepeats(List<InputSource> sources) throws CorpusException {
        java.util.Set<Path> seen = new java.util.HashSet<>();
        boolean stdin = false;
        for (InputSource s : sources) {
            if (s.isStdin()) {
                if (stdin) {
                    throw new CorpusException("-", "standard input is named twice");
                }
                stdin = true;
                continue;
            }
            Path p = s.path().orElseThrow();
            Path key;
            try {
                key = p.toRealPath();
            } catch (IOException e) {
                key = p.toAbsolutePath().normalize();
            }
            if (!seen.add(key)) {
                throw new CorpusException(p.toString(), "is an input twice (named twice, or also found through a directory or pattern): it would be counted twice");
            }
        }
    }

    static boolean isGlob(String spec) {
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private static List<Path> glob(String spec) throws CorpusException {
        // The fixed prefix (up to the last separator before the first glob character) is the walk root.
        int firstGlob = 0;
        while (firstGlob < spec.length() && "*?[{".indexOf(spec.charAt(firstGlob)) < 0) {
            firstGlob++;
        }
        int sep = spec.lastIndexOf('/', firstGlob);
        Path root = sep < 0 ? Paths.get(".") : Paths.get(sep == 0 ? "/" : spec.substring(0, sep));
        String pattern = sep < 0 ? spec : spec.substring(sep + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(root)) {
            throw new CorpusException(spec, "no such directory: " + root);
        }
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(root.relativize(p)))
                    .sorted()
                    .forEach(p -> matches.add(sep < 0 ? root.relativize(p) : p));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CorpusException(spec, "cannot list: " + e.getMessage());
        }
        return matches;
    }

    private static List<Path> listRecursively(Path dir, String spec) throws CorpusException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).toString().startsWith(".") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CorpusException(spec, "cannot list directory: " + e.getMessage());
        }
        return files;
    }
}
