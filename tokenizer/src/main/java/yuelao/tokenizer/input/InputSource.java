package yuelao.tokenizer.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input of a corpus: a file, or standard input ("-"). {@link #open()} detects gzip by its magic bytes
 * (1f 8b), never by the file name, and returns the decompressed byte stream.
 */
public final class InputSource {
    private static final int BUFFER = 1 << 16;

    private final Path path; // null for standard input and streams
    private final boolean explicit;
    private final String streamName;
    private final java.util.function.Supplier<InputStream> stream;
    private final long offset;

    private InputSource(Path path, boolean explicit, String streamName, java.util.function.Supplier<InputStream> stream, long offset) {
        this.path = path;
        this.explicit = explicit;
        this.streamName = streamName;
        this.stream = stream;
        this.offset = offset;
    }

    public static InputSource file(Path path, boolean namedByUser) {
        return new InputSource(path, namedByUser, null, null, 0);
    }

    public static InputSource stdin() {
        return new InputSource(null, true, "-", () -> System.in, 0);
    }

    /** An input read from a stream made on demand (for generated corpora and tests). */
    public static InputSource stream(String name, java.util.function.Supplier<InputStream> stream) {
        return new InputSource(null, true, name, stream, 0);
    }

    /**
     * The part of a file {@code name} that starts at byte {@code offset}, a line start, read from a stream made on demand
     * (a distributed job reads a file in such parts). Only the part at offset 0 is checked for gzip's magic bytes (a
     * compressed file is read whole, as one part), and the binary check of the reader covers the file's first bytes
     * wherever the parts are cut; so the documents of the parts, in order, are the documents of the whole file.
     *
     * @param namedByUser whether an empty part is an error (the user named the file) or is skipped
     */
    public static InputSource part(String name, long offset, boolean namedByUser, java.util.function.Supplier<InputStream> stream) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " in " + name);
        }
        return new InputSource(null, namedByUser, name, stream, offset);
    }

    /** Where this input starts in its file: 0, except for a {@linkplain #part part} further in. */
    public long offset() {
        return offset;
    }

    /** Display name: the path, or "-" for standard input. */
    public String name() {
        return path == null ? streamName : path.toString();
    }

    /** The file, or empty for standard input and streams. */
    public java.util.Optional<Path> path() {
        return java.util.Optional.ofNullable(path);
    }

    public boolean isStdin() {
        return path == null && "-".equals(streamName);
    }

    /** True if the user named this file (not found by expanding a directory or glob). */
    public boolean namedByUser() {
        return explicit;
    }

    /** On-disk (possibly compressed) size in bytes, or -1 if unknown (standard input). */
    public long size() {
        if (path == null) {
            return -1;
        }
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Opens the decompressed byte stream. {@code rawBytesRead} receives the number of raw (on-disk) bytes
     * consumed so far, for progress reporting.
     */
    public InputStream open(CountingInputStream.Counter rawBytesRead) throws CorpusException {
        InputStream raw;
        try {
            raw = path == null ? stream.get() : Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new CorpusException(name(), "no such file");
        } catch (IOException e) {
            throw new CorpusException(name(), "cannot open: " + e.getMessage());
        }
        try {
            BufferedInputStream in = new BufferedInputStream(new CountingInputStream(raw, rawBytesRead), BUFFER);
            if (offset > 0) {
                return in; // inside a file: gzip's magic bytes would be text here
            }
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            return in;
        } catch (IOException e) {
            throw new CorpusException(name(), "cannot read: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
