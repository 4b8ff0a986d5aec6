package yuelao.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import yuelao.tokenizer.input.CorpusException;

/**
 * Expands the user's input arguments on Hadoop file systems (any URI: local paths, {@code hdfs://}, {@code s3a://}
 * where the cluster has the connector) into the corpus files in the order {@code ./yuelao count} reads them
 * ({@link yuelao.tokenizer.input.InputFiles}): a directory is read recursively with its files sorted by path (UTF-8
 * bytes) and hidden files skipped; a pattern with glob characters ({@code * ? [ {}) matches files anywhere under its
 * fixed prefix; anything else must be a file. The order matters: documents are numbered in it, and subsampling draws by
 * document number. Paths come back fully qualified, so that executors with other working directories read the same
 * files. Standard input cannot be read by a distributed job.
 */
final class CorpusFiles {
    private CorpusFiles() {}

    static List<CorpusFile> expand(List<String> specs, Configuration conf) throws IOException {
        if (specs == null || specs.isEmpty()) {
            throw new CorpusException("input", "no input given");
        }
        List<CorpusFile> out = new ArrayList<>();
        for (String spec : specs) {
            if (spec.equals("-")) {
                throw new CorpusException("-", "a Spark job cannot read standard input: name files, directories or globs");
            }
            if (isGlob(spec)) {
                List<FileStatus> matches = glob(spec, conf);
                if (matches.isEmpty()) {
                    throw new CorpusException(spec, "no file matches this pattern");
                }
                for (FileStatus f : matches) {
                    out.add(describe(f, false, conf));
                }
                continue;
            }
            Path p = new Path(spec);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus st;
            try {
                st = fs.getFileStatus(p);
            } catch (FileNotFoundException e) {
                throw new CorpusException(spec, "no such file or directory");
            }
            if (st.isDirectory()) {
                List<FileStatus> files = listRecursively(fs, st.getPath(), spec);
                if (files.isEmpty()) {
                    throw new CorpusException(spec, "directory holds no files");
                }
                for (FileStatus f : files) {
                    out.add(describe(f, false, conf));
                }
            } else {
                out.add(describe(st, true, conf));
            }
        }
        return out;
    }

    private static boolean isGlob(String spec) {
        for (int i = 0; i < spec.length(); i++) {
            if ("*?[{".indexOf(spec.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Files under the fixed prefix whose path relative to it matches the rest (java.nio glob syntax, as the embedded reader). */
    private static List<FileStatus> glob(String spec, Configuration conf) throws IOException {
        int firstGlob = 0;
        while (firstGlob < spec.length() && "*?[{".indexOf(spec.charAt(firstGlob)) < 0) {
            firstGlob++;
        }
        int sep = spec.lastIndexOf('/', firstGlob);
        Path root = new Path(sep < 0 ? "." : sep == 0 ? "/" : spec.substring(0, sep));
        String pattern = spec.substring(sep + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        FileSystem fs = root.getFileSystem(conf);
        FileStatus rootStatus;
        try {
            rootStatus = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new CorpusException(spec, "no such directory: " + root);
        }
        if (!rootStatus.isDirectory()) {
            throw new CorpusException(spec, "no such directory: " + root);
        }
        Path qualifiedRoot = rootStatus.getPath();
        List<FileStatus> matches = new ArrayList<>();
        for (FileStatus f : walk(fs, qualifiedRoot, spec)) {
            if (matcher.matches(Paths.get(relative(qualifiedRoot, f.getPath())))) {
                matches.add(f);
            }
        }
        return matches;
    }

    private static List<FileStatus> listRecursively(FileSystem fs, Path dir, String spec) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus f : walk(fs, dir, spec)) {
            String rel = relative(dir, f.getPath());
            if (!rel.startsWith(".") && !f.getPath().getName().startsWith(".")) {
                files.add(f);
            }
        }
        return files;
    }

    /** Every file under {@code dir}, sorted by path as UTF-8 bytes (unsigned), the order of java.nio's sorted walk. */
    private static List<FileStatus> walk(FileSystem fs, Path dir, String spec) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                if (f.isFile()) {
                    files.add(f);
                }
            }
        } catch (IOException e) {
            throw new CorpusException(spec, "cannot list: " + e.getMessage());
        }
        files.sort(Comparator.comparing((FileStatus f) -> f.getPath().toUri().getPath().getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned));
        return files;
    }

    private static String relative(Path root, Path file) {
        String r = root.toUri().getPath();
        String f = file.toUri().getPath();
        String prefix = r.endsWith("/") ? r : r + "/";
        return f.startsWith(prefix) ? f.substring(prefix.length()) : f;
    }

    /** The file's size and whether gzip's magic bytes open it (read here, on the driver). */
    private static CorpusFile describe(FileStatus st, boolean namedByUser, Configuration conf) throws IOException {
        Path p = st.getPath();
        String name = p.toString();
        boolean gzip = false;
        if (st.getLen() >= 2) {
            try (InputStream in = p.getFileSystem(conf).open(p)) {
                int b0 = in.read();
                int b1 = in.read();
                gzip = b0 == 0x1f && b1 == 0x8b;
            } catch (IOException e) {
                throw new CorpusException(name, "cannot read: " + e.getMessage());
            }
        }
        return new CorpusFile(name, st.getLen(), gzip, namedByUser);
    }

    /**
     * Cuts the files into about {@code target} splits of equal size: a compressed file is one split, an empty file one
     * empty split (so that an empty file the user named fails as in {@code ./yuelao count}).
     */
    static List<Split> split(List<CorpusFile> files, int target) {
        if (target < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + target);
        }
        long plainBytes = 0;
        for (CorpusFile f : files) {
            plainBytes += f.compressed() ? 0 : f.length();
        }
        long size = Math.max(1, (plainBytes + target - 1) / target);
        List<Split> splits = new ArrayList<>();
        for (CorpusFile f : files) {
            if (f.compressed() || f.length() == 0) {
                splits.add(new Split(splits.size(), f, 0, f.length()));
                continue;
            }
            for (long start = 0; start < f.length(); start += size) {
                splits.add(new Split(splits.size(), f, start, Math.min(f.length(), start + size)));
            }
        }
        return splits;
    }
}
