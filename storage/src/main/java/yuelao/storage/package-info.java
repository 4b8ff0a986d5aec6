/**
 * Storage for yuelao: the checksummed binary file framework ({@link yuelao.storage.format}), the vocabulary
 * files ({@link yuelao.storage.vocab}), co-occurrence counting with bounded-memory spill and merge and the
 * memory-mapped CSR count store ({@link yuelao.storage.counts}), and persisted Chronicle Map look-ups
 * ({@link yuelao.storage.lookup}).
 */
package yuelao.storage;
