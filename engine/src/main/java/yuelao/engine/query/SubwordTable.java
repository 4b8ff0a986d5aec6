package yuelao.engine.query;

import java.util.Arrays;
import java.util.Optional;
import yuelao.engine.subword.SubwordFeatures;

/**
 * The n-gram part of a subword model ({@code subwords.bin}), for composing vectors of words the corpus never
 * showed: v_w = sum of the vectors of w's n-gram buckets that the vocabulary used (docs/method.md section 2,
 * additivity; issue 7). Immutable.
 */
public final class SubwordTable {
    private final SubwordFeatures.Spec spec;
    private final int[] bucketIds;
    private final float[] vectors;
    private final int dim;

    /** @param bucketIds strictly increasing hash buckets; {@code vectors} holds their rows (bucketIds.length x dim) */
    public SubwordTable(SubwordFeatures.Spec spec, int[] bucketIds, float[] vectors, int dim) {
        if ((long) bucketIds.length * dim != vectors.length) {
            throw new IllegalArgumentException(vectors.length + " floats are not " + bucketIds.length + " buckets x " + dim);
        }
        this.spec = spec;
        this.bucketIds = bucketIds;
        this.vectors = vectors;
        this.dim = dim;
    }

    public SubwordFeatures.Spec spec() {
        return spec;
    }

    public int buckets() {
        return bucketIds.length;
    }

    public int dim() {
        return dim;
    }

    /** A word's vector composed from its n-grams, with how many n-grams it has and how many were found. */
    public record Composition(float[] vector, int ngrams, int found) {}

    /** The composition of {@code word}, or empty if none of its n-grams is in the table. */
    public Optional<Composition> compose(String word) {
        float[] v = new float[dim];
        java.util.stream.IntStream.Builder all = java.util.stream.IntStream.builder();
        SubwordFeatures.forEachBucket(word, spec, all::add);
        int[] distinct = all.build().sorted().distinct().toArray(); // a repeated bucket counts once, as in training
        int found = 0;
        for (int b : distinct) {
            int row = Arrays.binarySearch(bucketIds, b);
            if (row >= 0) {
                found++;
                for (int k = 0; k < dim; k++) {
                    v[k] += vectors[row * dim + k];
                }
            }
        }
        int[] count = {distinct.length, found};
        return count[1] == 0 ? Optional.empty() : Optional.of(new Composition(v, count[0], count[1]));
    }
}
