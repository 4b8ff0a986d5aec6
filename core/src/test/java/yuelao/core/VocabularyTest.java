package yuelao.core;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vocabulary's contract: ids by rank (count descending, ties by UTF-8 bytes), a fingerprint that changes with
 * any word or count, and look-ups by character slice that allocate nothing.
 */
class VocabularyTest {
    @Test
    void selectionRanksByCountThenUtf8BytesAndAppliesMinCountAndMaxSize() {
        List<Vocabulary.Entry> entries = List.of(new Vocabulary.Entry("b", 5), new Vocabulary.Entry("a", 5),
                new Vocabulary.Entry("é", 5), new Vocabulary.Entry("Z", 5), new Vocabulary.Entry("😀", 5),
                new Vocabulary.Entry("\uFFFD", 5), new Vocabulary.Entry("top", 9), new Vocabulary.Entry("rare", 1));
        Vocabulary v = Vocabulary.select(entries, 2, 0);
        // UTF-8 byte order: Z(5A) < a(61) < b(62) < é(C3 A9) < U+FFFD(EF BF BD) < 😀(F0 ...)
        assertEquals(List.of("top", "Z", "a", "b", "é", "\uFFFD", "😀"), List.of(v.words()));
        assertEquals(-1, v.id("rare"));
        assertEquals(1, v.id("Z"));
        char[] buf = "xxéyy".toCharArray();
        assertEquals(4, v.id(buf, 2, 1));
        assertEquals(9 + 6 * 5, v.totalCount());
        Vocabulary top3 = Vocabulary.select(entries, 1, 3);
        assertEquals(List.of("top", "Z", "a"), List.of(top3.words()));
        // Brute-force check of the UTF-8 order on random strings.
        Random rnd = new Random(1);
        for (int i = 0; i < 2000; i++) {
            String a = new String(Character.toChars(rnd.nextInt(0x10FFFF - 0xE000) + (rnd.nextBoolean() ? 0x20 : 0xE000)));
            String b = new String(Character.toChars(rnd.nextInt(0xD7FF - 0x20) + 0x20)) + (rnd.nextBoolean() ? "x" : "");
            int expected = java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
            assertEquals(Integer.signum(expected), Integer.signum(Vocabulary.compareUtf8(a, b)), a + " vs " + b);
        }
    }

    @Test
    void rankedConstructionRejectsWrongOrderAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.ofRanked(new String[] {"a", "b"}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.ofRanked(new String[] {"b", "a"}, new long[] {2, 2}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.ofRanked(new String[] {"a", "a"}, new long[] {2, 2}));
        Vocabulary v = Vocabulary.ofRanked(new String[] {"x", "a", "b"}, new long[] {3, 2, 2});
        assertEquals(2, v.id("b"));
    }

    /** Ids follow the rank order of a random vocabulary, whatever the order the entries came in. */
    @Test
    void idsAreRanksForAnyInputOrder() {
        Random rnd = new Random(5);
        List<Vocabulary.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            entries.add(new Vocabulary.Entry("w" + Integer.toString(rnd.nextInt(100_000), 36) + "\u00e9".repeat(rnd.nextInt(2)) + i,
                    1 + rnd.nextInt(20)));
        }
        java.util.Collections.shuffle(entries, rnd);
        Vocabulary v = Vocabulary.select(entries, 1, 0);
        assertEquals(entries.size(), v.size());
        for (int id = 1; id < v.size(); id++) {
            long a = v.count(id - 1);
            long b = v.count(id);
            assertTrue(a > b || (a == b && java.util.Arrays.compareUnsigned(v.word(id - 1).getBytes(StandardCharsets.UTF_8),
                    v.word(id).getBytes(StandardCharsets.UTF_8)) < 0), "ids " + (id - 1) + ", " + id);
        }
        for (Vocabulary.Entry e : entries) {
            assertEquals(e.count(), v.count(v.id(e.word())));
        }
    }

    /** The fingerprint is a function of the words and counts in id order: equal for equal vocabularies, different after any change. */
    @Test
    void fingerprintChangesWithAnyWordOrCount() {
        String[] words = {"the", "caf\u00e9", "of", "a"};
        long[] counts = {9, 7, 7, 3};
        Vocabulary v = Vocabulary.ofRanked(words, counts);
        assertEquals(v.fingerprint(), Vocabulary.ofRanked(words.clone(), counts.clone()).fingerprint());
        assertEquals(v, Vocabulary.ofRanked(words.clone(), counts.clone()));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        seen.add(v.fingerprint());
        for (int i = 0; i < words.length; i++) { // each word changed in turn (re-ranked by select)
            List<Vocabulary.Entry> e = new ArrayList<>();
            for (int k = 0; k < words.length; k++) {
                e.add(new Vocabulary.Entry(k == i ? words[k] + "x" : words[k], counts[k]));
            }
            assertTrue(seen.add(Vocabulary.select(e, 1, 0).fingerprint()), "word " + words[i] + " changed");
        }
        // each count changed in turn, within the rank order
        assertTrue(seen.add(Vocabulary.ofRanked(words, new long[] {10, 7, 7, 3}).fingerprint()), "first count");
        assertTrue(seen.add(Vocabulary.ofRanked(words, new long[] {9, 8, 7, 3}).fingerprint()), "second count");
        assertTrue(seen.add(Vocabulary.ofRanked(words, new long[] {9, 7, 6, 3}).fingerprint()), "third count");
        assertTrue(seen.add(Vocabulary.ofRanked(words, new long[] {9, 7, 7, 2}).fingerprint()), "last count");
        // the boundary between words counts: "ab" + "c" is not "a" + "bc"
        assertNotEquals(Vocabulary.ofRanked(new String[] {"ab", "c"}, new long[] {2, 1}).fingerprint(),
                Vocabulary.ofRanked(new String[] {"a", "bc"}, new long[] {2, 1}).fingerprint());
    }

    /** Look-ups by slice find every word at any offset of a larger buffer, miss unknown slices, and allocate nothing. */
    @Test
    void lookupBySliceFindsEveryWordWithoutAllocating() {
        Random rnd = new Random(6);
        List<Vocabulary.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            entries.add(new Vocabulary.Entry("t" + i + (i % 7 == 0 ? "\uD835\uDCB3" : ""), 1 + rnd.nextInt(50)));
        }
        Vocabulary v = Vocabulary.select(entries, 1, 0);
        char[][] buffers = new char[v.size()][];
        int[] offsets = new int[v.size()];
        for (int id = 0; id < v.size(); id++) {
            String padded = "##" + " ".repeat(id % 5) + v.word(id) + "##";
            buffers[id] = padded.toCharArray();
            offsets[id] = 2 + id % 5;
        }
        char[] unknown = "xx-not-a-word-xx".toCharArray();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 3; warm++) { // let the JIT settle
            lookUpAll(v, buffers, offsets, unknown);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        long found = 0;
        for (int rep = 0; rep < 20; rep++) {
            found += lookUpAll(v, buffers, offsets, unknown);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertEquals(20L * v.size(), found);
        // 40,000 look-ups: one allocation each would be at least 640 KB; allow the measurement's own noise
        assertTrue(allocated < 16_384, "allocated " + allocated + " bytes in " + 20 * (v.size() + 1) + " look-ups");
    }

    private static long lookUpAll(Vocabulary v, char[][] buffers, int[] offsets, char[] unknown) {
        long found = 0;
        for (int id = 0; id < buffers.length; id++) {
            int len = buffers[id].length - offsets[id] - 2;
            if (v.id(buffers[id], offsets[id], len) == id) {
                found++;
            }
        }
        if (v.id(unknown, 2, 12) != -1) {
            throw new AssertionError("an unknown slice was found");
        }
        return found;
    }
}
