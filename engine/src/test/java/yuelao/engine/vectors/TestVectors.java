package yuelao.engine.vectors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random word-vector tables for the format tests. */
final class TestVectors {
    private TestVectors() {}

    /** A table: words (distinct, no whitespace) and rows of {@code dim} floats. */
    record Table(List<String> words, float[] data, int dim) {}

    private static final String[] STEMS = {"w", "naïve", "北京", "😀x", "Straße", "ünï", "кот", "a.b", "—", "日本語"};

    /**
     * {@code n} distinct words (ASCII, accented, CJK, emoji, pure digits) and Gaussian floats, some replaced
     * by edge values: -0.0, subnormals, MIN_VALUE, MAX_VALUE, and random finite bit patterns (all exponents).
     * With {@code specials}, also NaN and infinities.
     */
    static Table random(long seed, int n, int dim, boolean specials) {
        Random rnd = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < n) {
            int r = rnd.nextInt(1000);
            String w = switch (rnd.nextInt(4)) {
                case 0 -> Integer.toString(r);
                case 1 -> "w" + r;
                default -> STEMS[rnd.nextInt(STEMS.length)] + r;
            };
            words.add(w);
        }
        float[] data = new float[n * dim];
        for (int i = 0; i < data.length; i++) {
            int kind = rnd.nextInt(50);
            data[i] = switch (kind) {
                case 0 -> -0.0f;
                case 1 -> Float.MIN_VALUE * (1 + rnd.nextInt(1000)); // subnormal
                case 2 -> rnd.nextBoolean() ? Float.MAX_VALUE : -Float.MIN_NORMAL;
                case 3, 4, 5 -> {
                    float f;
                    do {
                        f = Float.intBitsToFloat(rnd.nextInt());
                    } while (!Float.isFinite(f));
                    yield f;
                }
                case 6 -> specials ? new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}[rnd.nextInt(3)] : 0f;
                default -> (float) (rnd.nextGaussian() * 0.3);
            };
        }
        return new Table(new ArrayList<>(words), data, dim);
    }

    /** Gaussian floats only, the kind real vectors hold (for gensim's similarity checks). */
    static Table gaussian(long seed, int n, int dim) {
        Random rnd = new Random(seed);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(i % 3 == 0 ? "w" + i : i % 3 == 1 ? "北京" + i : "naïve" + i);
        }
        float[] data = new float[n * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        return new Table(words, data, dim);
    }
}
