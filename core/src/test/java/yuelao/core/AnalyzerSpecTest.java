package yuelao.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analyzer settings: validation with clear messages, normalisation, and the round trip through a store's properties. */
class AnalyzerSpecTest {
    @Test
    void unknownAnalyzerAndBadOptionsAreRejectedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> AnalyzerSpec.defaults("klingon"));
        assertTrue(e.getMessage().contains("klingon") && e.getMessage().contains("english"));
        var stem = assertThrows(IllegalArgumentException.class, () -> new AnalyzerSpec("standard", true, "none", 1, 100));
        assertTrue(stem.getMessage().contains("--stem"), stem.getMessage());
        var order = assertThrows(IllegalArgumentException.class, () -> new AnalyzerSpec("english", false, "none", 5, 2));
        assertTrue(order.getMessage().contains("2") && order.getMessage().contains("5"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AnalyzerSpec("english", false, "none", 0, 100));
    }

    @Test
    void namesAreCaseInsensitiveAndBlankStopWordsMeanNone() {
        AnalyzerSpec s = new AnalyzerSpec("ENGLISH", true, "  ", 1, 100);
        assertEquals("english", s.name());
        assertEquals("none", s.stopwords());
        assertEquals("none", new AnalyzerSpec("cjk", false, null, 1, 10).stopwords());
        assertTrue(AnalyzerSpec.defaults("smartcn").isChinese());
        assertTrue(AnalyzerSpec.defaults("cjk").isChinese());
        assertFalse(AnalyzerSpec.defaults("standard").isChinese());
    }

    /** Every analyzer with any options round-trips through the properties a store records; absent keys read as the defaults. */
    @Test
    void specRoundTripsThroughProperties() {
        AnalyzerSpec s = new AnalyzerSpec("english", true, "english", 2, 40);
        assertEquals(s, AnalyzerSpec.fromProperties(s.toProperties()));
        for (String name : AnalyzerSpec.NAMES) {
            AnalyzerSpec d = new AnalyzerSpec(name, false, "stop.txt", 3, 7);
            Map<String, String> p = d.toProperties();
            assertEquals(AnalyzerSpec.PROPERTY_KEYS, java.util.List.copyOf(p.keySet()), "keys in their order");
            assertEquals(d, AnalyzerSpec.fromProperties(p));
        }
        assertEquals(AnalyzerSpec.defaults("english"), AnalyzerSpec.fromProperties(Map.of()));
    }
}
