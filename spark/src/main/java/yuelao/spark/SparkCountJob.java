package yuelao.spark;

import java.util.List;
import java.util.Objects;
import yuelao.engine.stage.CountSettings;
import yuelao.engine.stage.VocabularySettings;

/**
 * One distributed counting job: the corpus (Hadoop file system URIs), the vocabulary's and the counting's settings (the
 * same as {@code ./yuelao count}'s), and how the work is cut. Made by {@link #builder()}.
 */
public final class SparkCountJob {
    private final List<String> inputs;
    private final VocabularySettings vocabulary;
    private final String reuseVocabulary;
    private final CountSettings counting;
    private final int partitions;
    private final int rowBlocks;

    private SparkCountJob(Builder b) {
        this.inputs = List.copyOf(Objects.requireNonNull(b.inputs, "inputs"));
        this.vocabulary = b.vocabulary;
        this.reuseVocabulary = b.reuseVocabulary;
        this.counting = b.counting;
        this.partitions = b.partitions;
        this.rowBlocks = b.rowBlocks;
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input: name at least one file, directory or glob");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 (automatic) or more, got " + partitions);
        }
        if (rowBlocks < 0) {
            throw new IllegalArgumentException("--row-blocks must be 0 (automatic) or more, got " + rowBlocks);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Files, directories (recursive) or globs, as Hadoop file system URIs or paths. */
    public List<String> inputs() {
        return inputs;
    }

    public VocabularySettings vocabulary() {
        return vocabulary;
    }

    /** A vocabulary directory to reuse instead of building one (its analyzer settings win), or null. */
    public String reuseVocabulary() {
        return reuseVocabulary;
    }

    public CountSettings counting() {
        return counting;
    }

    /** Input splits wanted (0: twice the cluster's default parallelism); compressed files are one split each. */
    public int partitions() {
        return partitions;
    }

    /** Reducers, each merging a range of rows (0: as many as input splits, at least the default parallelism). */
    public int rowBlocks() {
        return rowBlocks;
    }

    /** Named settings; unset ones are {@code ./yuelao count}'s defaults. */
    public static final class Builder {
        private List<String> inputs;
        private VocabularySettings vocabulary = VocabularySettings.builder().build();
        private String reuseVocabulary;
        private CountSettings counting = CountSettings.builder().build();
        private int partitions;
        private int rowBlocks;

        private Builder() {}

        public Builder inputs(List<String> inputs) {
            this.inputs = inputs;
            return this;
        }

        public Builder vocabulary(VocabularySettings vocabulary) {
            this.vocabulary = Objects.requireNonNull(vocabulary);
            return this;
        }

        public Builder reuseVocabulary(String dir) {
            this.reuseVocabulary = dir;
            return this;
        }

        public Builder counting(CountSettings counting) {
            this.counting = Objects.requireNonNull(counting);
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        public Builder rowBlocks(int rowBlocks) {
            this.rowBlocks = rowBlocks;
            return this;
        }

        public SparkCountJob build() {
            return new SparkCountJob(this);
        }
    }
}
