package yuelao.engine.sampling;

/**
 * The 64-bit mixing function of SplitMix64 (Steele, Lea and Flood 2014; the finaliser of
 * {@link java.util.SplittableRandom}): a bijection of {@code long} whose output bits each depend on every input bit.
 * The trainers key their random streams with it, {@code new SplittableRandom(mix(seed ^ epoch ^ task ...))}, so
 * that a stream is a fixed function of the seed and of where it is used, whatever thread runs it.
 */
public final class SeedMixer {
    private SeedMixer() {}

    /** The mixed value of {@code z}: deterministic, bijective, no state. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
