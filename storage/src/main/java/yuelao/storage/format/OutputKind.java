package yuelao.storage.format;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of output directory that yuelao writes (a vocabulary, a count store, a vectors directory), described well
 * enough to recognise one: the names it may hold, and the yuelao binary file whose header says what it is.
 *
 * <p>{@code --force} may replace an existing output only when {@link #checkOwned} accepts it: an empty directory, or
 * a directory (not a link) holding nothing but this kind's files, whose signature file is a yuelao file of the expected format and, when
 * a {@code vocab.bin} sits beside it, shares that vocabulary's fingerprint. Anything else (a user's folder, a
 * different kind of output, an unreadable header) is refused and left untouched.
 *
 * @param description what the kind is called in messages, e.g. "a count store"
 * @param signatureFile the file whose header identifies the kind, e.g. {@code counts.bin}
 * @param signatureFormat the format name that file's header must carry, e.g. {@code yuelao.counts}
 * @param names every relative path the kind may hold (files and sub-directories, '/'-separated)
 */
public record OutputKind(String description, String signatureFile, String signatureFormat, Set<String> names) {
    /** The vocabulary file every kind carries, whose fingerprint the signature file must share. */
    private static final String VOCABULARY_FILE = "vocab.bin";
    private static final String VOCABULARY_FORMAT = "yuelao.vocab";

    public OutputKind {
        Objects.requireNonNull(description, "description");
        names = Set.copyOf(names);
        if (!names.contains(signatureFile)) {
            throw new IllegalArgumentException("the signature file " + signatureFile + " must be one of the names");
        }
    }

    /**
     * Throws {@link OutputRefusedException} unless {@code dir} is an output of this kind that yuelao wrote.
     */
    public void checkOwned(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw refuse(dir, "is a symbolic link");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(dir, "is not a directory");
        }
        if (checkNames(dir, dir, "") == 0) {
            return; // an empty directory holds nothing to lose
        }
        Path signature = dir.resolve(signatureFile);
        if (!Files.isRegularFile(signature, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(dir, "has no " + signatureFile);
        }
        long fingerprint = headerFingerprint(dir, signature, signatureFormat);
        Path vocabulary = dir.resolve(VOCABULARY_FILE);
        if (!signature.equals(vocabulary) && Files.exists(vocabulary, LinkOption.NOFOLLOW_LINKS)
                && headerFingerprint(dir, vocabulary, VOCABULARY_FORMAT) != fingerprint) {
            throw refuse(dir, "holds a " + VOCABULARY_FILE + " of another vocabulary than its " + signatureFile);
        }
    }

    /** Checks every name under {@code dir}; returns how many entries it holds directly. */
    private int checkNames(Path root, Path dir, String prefix) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                n++;
                String rel = prefix + p.getFileName();
                if (!names.contains(rel)) {
                    throw refuse(root, "holds " + rel + ", which yuelao did not write there");
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    checkNames(root, p, rel + "/");
                } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw refuse(root, "holds " + rel + ", which is not a regular file");
                }
            }
        }
        return n;
    }

    private long headerFingerprint(Path dir, Path file, String format) throws IOException {
        try (BinaryFileReader r = BinaryFileReader.open(file, format, Integer.MAX_VALUE, false)) {
            return r.vocabularyFingerprint();
        } catch (StoreFormatException e) {
            throw refuse(dir, "its " + dir.relativize(file) + " is not a readable " + format + " file (" + e.problem() + ")");
        }
    }

    private OutputRefusedException refuse(Path dir, String why) {
        return new OutputRefusedException(dir, why + "; --force replaces only " + description
                + " that yuelao wrote: remove it yourself or choose another output");
    }
}
