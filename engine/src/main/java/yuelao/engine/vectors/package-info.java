/**
 * Word vectors in other tools' formats, and the VECTORS directory.
 *
 * <ul>
 *   <li>{@link yuelao.engine.vectors.VectorFormats}: {@code read(Path)} detects and reads word2vec text,
 *       fastText {@code .vec}, GloVe text and word2vec binary, gzip-compressed or not, into
 *       {@link yuelao.engine.vectors.ImportedVectors} (words in file order, row-major floats);
 *       {@code write(Path, VectorFormat, words or Vocabulary, float[], dim)} writes any of them atomically.
 *       Malformed input is a one-line {@link yuelao.storage.format.StoreFormatException} naming the file and
 *       the line (binary: row and byte offset).
 *   <li>{@link yuelao.engine.vectors.VectorsDirectory}: load or write a VECTORS directory
 *       ({@code vocab.bin}, {@code vocab.txt}, {@code vectors.bin}, {@code vectors.txt}).
 *   <li>{@link yuelao.engine.vectors.VectorImport}: a foreign file to a VECTORS directory (synthetic counts
 *       keep the file order as the rank order; the whitespace analyzer is recorded).
 * </ul>
 */
package yuelao.engine.vectors;
