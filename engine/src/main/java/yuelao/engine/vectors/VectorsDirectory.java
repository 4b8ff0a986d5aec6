package yuelao.engine.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import yuelao.core.Vocabulary;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.format.BinaryFileReader;
import yuelao.storage.vectors.GraphFile;
import yuelao.storage.format.StoreFormatException;
import yuelao.storage.vectors.SubwordFile;
import yuelao.storage.vectors.VectorsFile;
import yuelao.storage.vocab.StoredVocabulary;
import yuelao.storage.vocab.VocabularyFile;

/**
 * The one owner of a VECTORS directory, the only class that writes or reads it (docs/file-formats.md):
 *
 * <pre>
 * vocab.bin, vocab.txt   the words (ids by rank) and the settings that made the vectors, in the properties
 * vectors.bin            float[V x d], row i = word id i, tied to vocab.bin by the vocabulary fingerprint
 * vectors.txt            the same table in word2vec text, for gensim and other tools
 * subwords.bin           a subword model's feature table (own ids and n-gram buckets), when there is one
 * hnsw.bin               the approximate nearest-neighbour graph over the rows, when {@code yuelao index} built one
 * </pre>
 *
 * A directory is written whole or not at all (staged, then renamed; {@code --force} replaces only a VECTORS directory
 * yuelao wrote, never an input). Reading verifies every checksum and that each file belongs to {@code vocab.bin}
 * (same fingerprint, one row per word, one dimension). The output directory of {@code yuelao run} is accepted too:
 * its {@code vectors/} is read.
 */
public final class VectorsDirectory {
    /** The word2vec text copy beside {@code vectors.bin}. */
    public static final String TEXT_NAME = "vectors.txt";

    private VectorsDirectory() {}

    /**
     * A subword model's feature table as {@code subwords.bin} holds it: the words' own rows (words x dim; zero rows for
     * words without one) and the rows of the n-gram buckets the vocabulary uses, in increasing bucket order.
     */
    public record Subwords(int words, int[] bucketIds, float[] wordRows, float[] bucketRows) {}

    /**
     * What a VECTORS directory holds. {@code subwords} is null for a word-level model; {@code text} false leaves out
     * {@code vectors.txt} (an intermediate directory, such as the word-level vectors of {@code run}).
     */
    public record Contents(Vocabulary vocabulary, float[] vectors, int dim, Map<String, String> properties, Subwords subwords, boolean text) {
        /** A directory with its {@code vectors.txt}. */
        public Contents(Vocabulary vocabulary, float[] vectors, int dim, Map<String, String> properties, Subwords subwords) {
            this(vocabulary, vectors, dim, properties, subwords, true);
        }
    }

    /**
     * Writes a complete directory at {@code out} atomically: staged, then renamed. With {@code force} an existing
     * VECTORS directory that yuelao wrote is replaced once the new one is complete; never one of {@code inputs}.
     */
    public static void write(Path out, boolean force, Collection<Path> inputs, Contents c) throws IOException {
        Vocabulary v = c.vocabulary();
        AtomicDirectory.removeStale(out);
        try (AtomicDirectory dir = AtomicDirectory.begin(out, VectorsFile.DIRECTORY_KIND, force, inputs)) {
            VocabularyFile.write(dir.path(), v, c.properties());
            Subwords s = c.subwords();
            if (s != null) {
                SubwordFile.write(dir.path().resolve(SubwordFile.FILE_NAME), v.fingerprint(), s.words(), c.dim(), s.bucketIds(), s.wordRows(),
                        s.bucketRows(), c.properties());
            }
            VectorsFile.write(dir.path().resolve(VectorsFile.FILE_NAME), v.fingerprint(), v.size(), c.dim(), c.vectors(), c.properties());
            if (c.text()) {
                VectorFormats.write(dir.path().resolve(TEXT_NAME), VectorFormat.WORD2VEC, v, c.vectors(), c.dim());
            }
            dir.commit();
        }
    }

    /** {@code dir}, or its {@code vectors/} when {@code dir} is the output directory of {@code yuelao run}. */
    public static Path resolve(Path dir) {
        if (!Files.exists(dir.resolve(VectorsFile.FILE_NAME)) && Files.exists(dir.resolve("vectors").resolve(VectorsFile.FILE_NAME))) {
            return dir.resolve("vectors");
        }
        return dir;
    }

    /**
     * An opened, verified directory: the vectors stay memory-mapped until {@link #close()}; the vocabulary, the
     * properties and the subword table are on the heap.
     */
    public static final class Opened implements AutoCloseable {
        private final Path dir;
        private final StoredVocabulary vocabulary;
        private final VectorsFile.Stored vectors;
        private final SubwordFile.Table subwords;

        private Opened(Path dir, StoredVocabulary vocabulary, VectorsFile.Stored vectors, SubwordFile.Table subwords) {
            this.dir = dir;
            this.vocabulary = vocabulary;
            this.vectors = vectors;
            this.subwords = subwords;
        }

        /** The directory read (the {@code vectors/} of a run directory). */
        public Path path() {
            return dir;
        }

        public Vocabulary vocabulary() {
            return vocabulary.vocabulary();
        }

        /** The settings the vectors were made with. */
        public SortedMap<String, String> properties() {
            return vocabulary.properties();
        }

        public int rows() {
            return vectors.rows();
        }

        public int dim() {
            return vectors.dim();
        }

        /** Element (i, k). */
        public float get(int i, int k) {
            return vectors.get(i, k);
        }

        /** Copies row i into {@code dst} at {@code off} (one bulk copy). */
        public void copyRow(int i, float[] dst, int off) {
            vectors.copyRow(i, dst, off);
        }

        /** A heap copy of the table, row-major. */
        public float[] toArray() {
            return vectors.toArray();
        }

        /** The subword model's feature table, when {@code subwords.bin} is present. */
        public Optional<SubwordFile.Table> subwords() {
            return Optional.ofNullable(subwords);
        }

        @Override
        public void close() {
            vectors.close();
        }
    }

    /** Opens and verifies {@code dir} (see the class comment); the caller closes it. */
    public static Opened open(Path dir) throws IOException {
        dir = resolve(dir);
        if (!Files.isDirectory(dir)) {
            throw Files.exists(dir) ? new StoreFormatException(dir, "not a vectors directory (a file)") : new NoSuchFileException(dir.toString());
        }
        Path bin = dir.resolve(VectorsFile.FILE_NAME);
        if (!Files.exists(bin)) {
            throw new StoreFormatException(dir, "not a vectors directory (no " + VectorsFile.FILE_NAME + "; train or import writes one)");
        }
        StoredVocabulary sv = VocabularyFile.read(dir);
        Vocabulary v = sv.vocabulary();
        VectorsFile.Stored s = VectorsFile.read(bin);
        try {
            if (s.vocabularyFingerprint() != v.fingerprint() || s.rows() != v.size()) {
                throw new StoreFormatException(bin, "does not belong to " + dir.resolve(VocabularyFile.BINARY_NAME) + " (" + s.rows()
                        + " rows for " + v.size() + " words, or another vocabulary's fingerprint)");
            }
            SubwordFile.Table t = null;
            Path sub = dir.resolve(SubwordFile.FILE_NAME);
            if (Files.exists(sub)) {
                t = SubwordFile.read(sub);
                if (SubwordFile.fingerprint(sub) != v.fingerprint() || t.dim() != s.dim()) {
                    throw new StoreFormatException(sub, "does not belong to the vectors beside it (another vocabulary or dimension)");
                }
            }
            return new Opened(dir, sv, s, t);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * The HNSW graph beside the vectors of {@code dir} (a VECTORS or run directory), verified, or empty when there is
     * none. It must belong to the directory's {@code vocab.bin} (same fingerprint) and have one node per row; the caller
     * closes it (it stays memory-mapped until then).
     */
    public static Optional<GraphFile.Stored> openGraph(Path dir, int rows) throws IOException {
        dir = resolve(dir);
        Path file = dir.resolve(GraphFile.FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        long fingerprint = vocabularyFingerprint(dir);
        GraphFile.Stored g = GraphFile.read(file);
        if (g.vocabularyFingerprint() != fingerprint || g.nodes() != rows) {
            int nodes = g.nodes();
            g.close();
            throw new StoreFormatException(file, "does not belong to the vectors beside it (" + nodes + " nodes for " + rows
                    + " rows, or another vocabulary's fingerprint); rebuild it with yuelao index --force");
        }
        return Optional.of(g);
    }

    /**
     * Writes {@code graph} as the index of the VECTORS directory {@code dir} (a run directory's {@code vectors/} too),
     * atomically. The directory must be one yuelao wrote; an existing index is replaced only with {@code force}.
     */
    public static Path writeGraph(Path dir, GraphFile.Source graph, Map<String, String> properties, boolean force) throws IOException {
        dir = resolve(dir);
        if (!Files.exists(dir.resolve(VectorsFile.FILE_NAME))) {
            throw Files.exists(dir) ? new StoreFormatException(dir, "not a vectors directory (no " + VectorsFile.FILE_NAME + ")")
                    : new NoSuchFileException(dir.toString());
        }
        VectorsFile.DIRECTORY_KIND.checkOwned(dir);
        Path file = dir.resolve(GraphFile.FILE_NAME);
        if (Files.exists(file) && !force) {
            throw new java.nio.file.FileAlreadyExistsException(file.toString());
        }
        GraphFile.write(file, vocabularyFingerprint(dir), graph, properties);
        return file;
    }

    private static long vocabularyFingerprint(Path dir) throws IOException {
        try (BinaryFileReader r = BinaryFileReader.open(dir.resolve(VocabularyFile.BINARY_NAME), VocabularyFile.FORMAT, VocabularyFile.VERSION,
                false)) {
            return r.vocabularyFingerprint();
        }
    }

    /** A directory's table read into memory, with the properties it was written with. */
    public record Loaded(Vocabulary vocabulary, float[] data, int dim, SortedMap<String, String> properties) {}

    /** Reads {@code dir}'s vocabulary and vectors into memory, verified as {@link #open} does. */
    public static Loaded load(Path dir) throws IOException {
        try (Opened o = open(dir)) {
            return new Loaded(o.vocabulary(), o.toArray(), o.dim(), o.properties());
        }
    }
}
