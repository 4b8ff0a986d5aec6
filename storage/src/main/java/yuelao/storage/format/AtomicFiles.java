package yuelao.storage.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Atomic replacement of a plain (non-yuelao) file, e.g. a text export: temp sibling, fsync, rename. */
public final class AtomicFiles {
    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code file} through a hidden temporary sibling renamed over it with {@code ATOMIC_MOVE}. */
    public static void write(Path file, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        Path temp = TempNames.sibling(abs, TempNames.TMP);
        boolean done = false;
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WriteFaults.check(WriteFaults.Site.TEXT_FILE, abs);
            OutputStream out = new BufferedOutputStream(WriteFaults.checked(Channels.newOutputStream(ch), WriteFaults.Site.TEXT_FILE, abs), 1 << 16);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        if (abs.getParent() != null) {
            TempNames.syncDirectory(abs.getParent());
        }
    }
}
