package yuelao.storage.vocab;

import java.util.SortedMap;
import yuelao.core.Vocabulary;

/**
 * A vocabulary read back from disk with the properties it was written with (analyzer settings, minCount...).
 */
public record StoredVocabulary(Vocabulary vocabulary, SortedMap<String, String> properties) {}
