package yuelao.engine.pmi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import yuelao.storage.counts.CountStore;
import yuelao.storage.format.AtomicFiles;
import yuelao.core.Vocabulary;

/**
 * Writes the sparse matrix of a measure in Matrix Market coordinate format and the vocabulary beside it (line k =
 * word of index k): for a symmetric measure (the PMI family and most association measures) {@code %%MatrixMarket
 * matrix coordinate real symmetric}, the lower triangle, row >= column, 1-based; for Delta P and Log Ratio {@code
 * real general}, every observed (row, column) with row = word1. Only observed pairs whose value is at least {@code
 * minValue} are written; for PPMI the zeros are implicit. Both files are written atomically.
 */
public final class MatrixMarketExport {
    private MatrixMarketExport() {}

    /** What was written. */
    public record Result(Path matrix, Path vocabulary, long entries) {}

    /** The vocabulary file for a matrix file: "x.mtx" → "x.vocab.txt". */
    public static Path vocabularyFile(Path matrix) {
        String name = matrix.getFileName().toString();
        String base = name.endsWith(".mtx") ? name.substring(0, name.length() - 4) : name;
        return matrix.resolveSibling(base + ".vocab.txt");
    }

    /**
     * True when {@code file} begins as this class writes a matrix: the Matrix Market banner, then the comment line
     * naming yuelao pmi-matrix. What {@code --force} may replace.
     */
    public static boolean isOwnMatrix(Path file) throws IOException {
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(java.nio.file.Files.newInputStream(file),
                StandardCharsets.US_ASCII), 4096)) {
            String banner = r.readLine();
            String comment = r.readLine();
            return (BANNER.equals(banner) || GENERAL_BANNER.equals(banner)) && comment != null && comment.startsWith(COMMENT);
        }
    }

    private static final String BANNER = "%%MatrixMarket matrix coordinate real symmetric";
    private static final String GENERAL_BANNER = "%%MatrixMarket matrix coordinate real general";
    private static final String COMMENT = "% yuelao pmi-matrix: ";

    public static Result write(PairScorer view, Path out, double minValue) throws IOException {
        CountStore c = view.store().counts();
        Vocabulary v = view.vocabulary();
        long scale = c.scale();
        boolean symmetric = view.measure().symmetric();
        // Pass 1 counts the entries, because the size line comes first.
        long entries = 0;
        for (int i = 0; i < v.size(); i++) {
            for (long k = c.rowStart(i); k < c.rowEnd(i); k++) {
                int j = c.column(k);
                if (symmetric && j > i) {
                    break; // lower triangle only: columns are sorted
                }
                if (!symmetric && j == i) {
                    continue; // a general matrix of an asymmetric measure: self-pairs are not associations
                }
                if (keep(view.value(i, j, (double) c.units(k) / scale), minValue)) {
                    entries++;
                }
            }
        }
        final long total = entries;
        AtomicFiles.write(out, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.US_ASCII);
            w.write((symmetric ? BANNER : GENERAL_BANNER) + "\n");
            w.write(COMMENT + view.describe() + (symmetric ? "; lower triangle" : "; row = word1, column = word2") + ", 1-based; words in "
                    + vocabularyFile(out).getFileName() + "\n");
            w.write(v.size() + " " + v.size() + " " + total + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < v.size(); i++) {
                for (long k = c.rowStart(i); k < c.rowEnd(i); k++) {
                    int j = c.column(k);
                    if (symmetric && j > i) {
                        break;
                    }
                    if (!symmetric && j == i) {
                        continue;
                    }
                    double value = view.value(i, j, (double) c.units(k) / scale);
                    if (keep(value, minValue)) {
                        sb.setLength(0);
                        sb.append(i + 1).append(' ').append(j + 1).append(' ').append(value).append('\n');
                        w.append(sb);
                    }
                }
            }
            w.flush();
        });
        AtomicFiles.write(vocabularyFile(out), (OutputStream os) -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            for (int i = 0; i < v.size(); i++) {
                w.write(v.word(i));
                w.write('\n');
            }
            w.flush();
        });
        return new Result(out, vocabularyFile(out), total);
    }

    private static boolean keep(double value, double minValue) {
        return Double.isFinite(value) && value >= minValue && !(value == 0 && minValue >= 0);
    }
}
