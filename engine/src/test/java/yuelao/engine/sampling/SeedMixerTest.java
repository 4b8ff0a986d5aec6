package yuelao.engine.sampling;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The mixer is SplitMix64's: against the JDK's own generator, whose first output is mix(seed + golden gamma). */
class SeedMixerTest {
    @Test
    void mixIsTheFinaliserOfSplittableRandom() {
        SplittableRandom seeds = new SplittableRandom(5);
        for (int t = 0; t < 1000; t++) {
            long s = seeds.nextLong();
            assertEquals(new SplittableRandom(s).nextLong(), SeedMixer.mix(s + 0x9E3779B97F4A7C15L), "seed " + s);
        }
        // a bijection mixes neighbours apart: about half the output bits change for a one-bit change of input
        long changed = 0;
        for (long z = 0; z < 1000; z++) {
            changed += Long.bitCount(SeedMixer.mix(z) ^ SeedMixer.mix(z ^ 1));
        }
        assertEquals(32, changed / 1000.0, 2);
    }
}
