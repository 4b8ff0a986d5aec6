package yuelao.engine.subword;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The subword features: hashing, n-grams (latin and CJK schemes), the feature lists of a vocabulary. */
class SubwordFeaturesTest {
    /** FNV-1a 32 over UTF-8: the published test vectors, and a value fixed here so a change of hashing is caught. */
    @Test
    void hashIsFnv1aOverUtf8AndLocaleIndependent() {
        assertEquals(0x811C9DC5L, SubwordFeatures.fnv1a(""));
        assertEquals(0xE40C292CL, SubwordFeatures.fnv1a("a"));
        assertEquals(0xBF9CF968L, SubwordFeatures.fnv1a("foobar"));
        // an independent reference over the UTF-8 bytes of a non-ASCII, supplementary-plane string
        String s = "<déjà\uD835\uDCB3>";
        long h = 0x811C9DC5L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h = (h * 0x01000193L) & 0xFFFFFFFFL;
        }
        assertEquals(h, SubwordFeatures.fnv1a(s));
        Locale saved = Locale.getDefault();
        try {
            List<Integer> a = buckets("INDIGO");
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals(a, buckets("INDIGO"), "the default locale must not change any bucket");
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(167_652, SubwordFeatures.bucket("<wh", 2_000_000), "the bucket of '<wh' is fixed forever");
    }

    private static List<Integer> buckets(String w) {
        List<Integer> out = new ArrayList<>();
        SubwordFeatures.forEachBucket(w, new SubwordFeatures.Spec(3, 6, 2_000_000, SubwordFeatures.Scheme.LATIN), out::add);
        return out;
    }

    @Test
    void ngramsCountCodePointsWithBoundaryMarkersOrCjkCharacters() {
        List<String> g = new ArrayList<>();
        SubwordFeatures.forEachNgram("where", new SubwordFeatures.Spec(3, 3, 10, SubwordFeatures.Scheme.LATIN), g::add);
        assertEquals(List.of("<wh", "whe", "her", "ere", "re>"), g);
        g.clear();
        SubwordFeatures.forEachNgram("a\uD835\uDCB3", new SubwordFeatures.Spec(2, 2, 10, SubwordFeatures.Scheme.LATIN), g::add);
        assertEquals(List.of("<a", "a\uD835\uDCB3", "\uD835\uDCB3>"), g, "a supplementary character is one unit");
        g.clear();
        SubwordFeatures.forEachNgram("中华人民", new SubwordFeatures.Spec(3, 6, 10, SubwordFeatures.Scheme.CJK), g::add);
        assertEquals(List.of("中", "中华", "中华人", "华", "华人", "华人民", "人", "人民", "民"), g);
        g.clear();
        SubwordFeatures.forEachNgram("中", new SubwordFeatures.Spec(3, 6, 10, SubwordFeatures.Scheme.CJK), g::add);
        assertEquals(List.of("中"), g, "a one-character word has its character as its n-gram");
        assertEquals(SubwordFeatures.Scheme.CJK, SubwordFeatures.Scheme.forAnalyzer("smartcn"));
        assertEquals(SubwordFeatures.Scheme.CJK, SubwordFeatures.Scheme.forAnalyzer("cjk"));
        assertEquals(SubwordFeatures.Scheme.LATIN, SubwordFeatures.Scheme.forAnalyzer("english"));
    }

    @Test
    void featureListsHoldTheWordAndItsUsedBuckets() {
        String[] vocab = {"where", "here", "there"};
        SubwordFeatures.Spec spec = new SubwordFeatures.Spec(3, 3, 1000, SubwordFeatures.Scheme.LATIN);
        SubwordFeatures f = SubwordFeatures.build(vocab, spec, true, 1);
        assertEquals(0, f.ids()[f.offsets()[0]], "own id first");
        for (int k = 1; k < f.bucketIds().length; k++) {
            assertTrue(f.bucketIds()[k] > f.bucketIds()[k - 1]);
        }
        // min count 2: only n-grams shared by two words survive ("her", "ere", "re>")
        SubwordFeatures shared = SubwordFeatures.build(vocab, spec, false, 2);
        assertEquals(3, shared.bucketIds().length);
        assertEquals(3, shared.offsets()[1] - shared.offsets()[0]);
    }
}
