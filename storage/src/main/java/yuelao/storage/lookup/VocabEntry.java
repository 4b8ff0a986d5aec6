package yuelao.storage.lookup;

/**
 * The value of a {@link ChronicleVocabularyMap} entry: a chronicle-values flyweight interface (Chronicle
 * generates its off-heap and heap implementations at runtime), 12 bytes per entry, no boxing.
 */
public interface VocabEntry {
    int getId();

    void setId(int id);

    long getCount();

    void setCount(long count);
}
