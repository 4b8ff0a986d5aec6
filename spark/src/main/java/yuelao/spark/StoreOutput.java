package yuelao.spark;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import yuelao.storage.counts.CountStore;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.format.OutputRefusedException;
import yuelao.storage.format.TempNames;
import yuelao.storage.vocab.VocabularyFile;

/**
 * Where the driver writes the store. A directory on the driver's local file system is staged and committed by
 * {@link AtomicDirectory}, exactly as {@code ./yuelao count} does (with its {@code --force} rules). On any other Hadoop
 * file system the store is staged in a local temporary directory, uploaded under a hidden temporary name beside the
 * target and renamed into place; {@code --force} there replaces only a directory that holds a count store's two files.
 */
final class StoreOutput implements Closeable {
    private final AtomicDirectory local;
    private final java.nio.file.Path remoteStaging;
    private final FileSystem fs;
    private final Path target;
    private final boolean force;

    private StoreOutput(AtomicDirectory local, java.nio.file.Path remoteStaging, FileSystem fs, Path target, boolean force) {
        this.local = local;
        this.remoteStaging = remoteStaging;
        this.fs = fs;
        this.target = target;
        this.force = force;
    }

    static StoreOutput begin(String out, boolean force, List<CorpusFile> inputs, String reuseVocabulary, Configuration conf)
            throws IOException {
        Path p = new Path(out);
        FileSystem fs = p.getFileSystem(conf);
        Path qualified = fs.makeQualified(p);
        if ("file".equals(fs.getScheme())) {
            java.nio.file.Path target = Paths.get(qualified.toUri());
            List<java.nio.file.Path> localInputs = new ArrayList<>();
            for (CorpusFile f : inputs) {
                Path fp = new Path(f.uri());
                if ("file".equals(fp.toUri().getScheme())) {
                    localInputs.add(Paths.get(fp.toUri()));
                }
            }
            if (reuseVocabulary != null) {
                localInputs.add(SparkCounting.localPath(reuseVocabulary, conf));
            }
            AtomicDirectory.removeStale(target);
            return new StoreOutput(AtomicDirectory.begin(target, CountStore.DIRECTORY_KIND, force, localInputs), null, null, null, force);
        }
        checkRemote(fs, qualified, force);
        java.nio.file.Path staging = Files.createTempDirectory("yuelao-store-");
        return new StoreOutput(null, staging, fs, qualified, force);
    }

    private static void checkRemote(FileSystem fs, Path target, boolean force) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        if (!force) {
            throw new FileAlreadyExistsException(target.toString());
        }
        if (!fs.exists(new Path(target, CountStore.FILE_NAME)) || !fs.exists(new Path(target, VocabularyFile.BINARY_NAME))) {
            throw new OutputRefusedException(java.nio.file.Path.of(target.toUri().getPath()), "--force replaces only a count store, and this is not one");
        }
    }

    /** The local directory to write the store into. */
    java.nio.file.Path staging() {
        return local != null ? local.path() : remoteStaging;
    }

    void commit() throws IOException {
        if (local != null) {
            local.commit();
            return;
        }
        Path temp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        fs.copyFromLocalFile(false, true, new Path(remoteStaging.toUri()), temp);
        checkRemote(fs, target, force);
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(temp, target)) {
            fs.delete(temp, true);
            throw new IOException(target + ": could not rename the uploaded store into place");
        }
    }

    @Override
    public void close() throws IOException {
        if (local != null) {
            local.close();
        } else {
            TempNames.deleteRecursively(remoteStaging);
        }
    }
}
