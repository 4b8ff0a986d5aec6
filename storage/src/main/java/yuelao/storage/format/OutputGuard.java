package yuelao.storage.format;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The rules that keep {@code --force} from destroying what yuelao did not write. An existing output may be replaced
 * only when all of these hold:
 *
 * <ul>
 *   <li>it is not an input of the command, nor an ancestor of one (a corpus folder, the store being trained), nor
 *       inside an input directory (a file of the VECTORS directory being exported);
 *   <li>it is not the working directory nor one of its ancestors;
 *   <li>it is an output of the same kind that yuelao wrote ({@link OutputKind#checkOwned} for directories, a
 *       format check for single files).
 * </ul>
 *
 * Without {@code force} an existing output is never replaced. Paths are compared after resolving links.
 */
public final class OutputGuard {
    /** Recognises a single output file of one kind (its own header or syntax). */
    @FunctionalInterface
    public interface FileRecognizer {
        /** True when {@code file} is an output of this kind; false (or a thrown exception) refuses it. */
        boolean recognizes(Path file) throws IOException;
    }

    private OutputGuard() {}

    /**
     * Checks that the existing directory {@code target} may be replaced by an output of {@code kind}.
     *
     * @throws FileAlreadyExistsException if it exists and {@code force} is false, or is not a directory
     * @throws OutputRefusedException if {@code force} is set but the rules above refuse it
     */
    public static void checkDirectory(Path target, OutputKind kind, boolean force, Collection<Path> inputs) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        checkNotInput(target, inputs);
        if (!force) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists (use --force to replace it)");
        }
        kind.checkOwned(target);
    }

    /**
     * Checks that the existing file {@code target} may be replaced by an output that {@code recognizer} identifies.
     *
     * @param description what the file would be, e.g. "a word2vec file"
     */
    public static void checkFile(Path target, String description, FileRecognizer recognizer, boolean force, Collection<Path> inputs)
            throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        checkNotInput(target, inputs);
        if (Files.isDirectory(target)) {
            throw new OutputRefusedException(target, "is a directory; the output is a file");
        }
        if (!force) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists (use --force to replace it)");
        }
        boolean ours;
        try {
            ours = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && recognizer.recognizes(target);
        } catch (IOException | RuntimeException e) {
            ours = false;
        }
        if (!ours) {
            throw new OutputRefusedException(target, "is not " + description + "; --force replaces only " + description
                    + " that yuelao wrote: remove it yourself or choose another output");
        }
    }

    /**
     * Refuses {@code target} when it is, contains or lies inside one of {@code inputs}, or is the working directory or
     * one of its ancestors. Inputs that do not exist are skipped.
     */
    public static void checkNotInput(Path target, Collection<Path> inputs) throws IOException {
        Path t = real(target);
        Path cwd = real(Path.of(""));
        if (cwd.startsWith(t)) {
            throw new OutputRefusedException(target, cwd.equals(t) ? "is the working directory; it is never replaced"
                    : "is an ancestor of the working directory; it is never replaced");
        }
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                continue;
            }
            Path i = real(in);
            if (i.equals(t)) {
                throw new OutputRefusedException(target, "is an input of this command; it is never replaced");
            }
            if (i.startsWith(t)) {
                throw new OutputRefusedException(target, "holds an input of this command (" + in + "); it is never replaced");
            }
            if (t.startsWith(i)) {
                throw new OutputRefusedException(target, "is inside an input of this command (" + in + "); it is never replaced");
            }
        }
    }

    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        return Files.exists(abs) ? abs.toRealPath() : abs;
    }
}
