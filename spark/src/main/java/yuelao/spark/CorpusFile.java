package yuelao.spark;

import java.io.Serializable;

/**
 * One file of a corpus on a Hadoop file system, as the driver found it.
 *
 * @param uri the fully qualified path, readable from every executor
 * @param length its size in bytes
 * @param compressed whether it starts with gzip's magic bytes: then it is read whole, by one task
 * @param namedByUser whether the user named it (an empty one is then an error, as in {@code ./yuelao count})
 */
record CorpusFile(String uri, long length, boolean compressed, boolean namedByUser) implements Serializable {}
