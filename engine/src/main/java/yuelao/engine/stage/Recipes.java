package yuelao.engine.stage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import yuelao.engine.count.WindowWeighting;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.ClosedFormSettings;
import yuelao.engine.train.TrainSettings;

/**
 * The recipe book: every measured default in one place, used by {@code run}, {@code demo} and the library. A recipe is
 * the settings of every stage, from corpus to vectors. The stage verbs ({@code vocab}, {@code count}, {@code train})
 * run alone with {@link #stages()}, the neutral defaults their builders hold; {@code run} uses a preset,
 * {@link #DEFAULT} unless {@code --preset} names another, and {@code demo} the preset {@link #FAST}. Each preset's
 * figures are in benchmarks/RESULTS.md and the experiments behind them in docs/experiments/.
 */
public final class Recipes {
    private Recipes() {}

    /**
     * The settings of every stage.
     *
     * @param name the preset's name (or "stages")
     * @param summary one line for {@code --help}
     * @param subwords the subword model's settings, or null for word vectors only
     */
    public record Recipe(String name, String summary, VocabularySettings vocabulary, CountSettings counting, TrainSettings training,
            SubwordSettings subwords) {
        public Recipe {
            Objects.requireNonNull(vocabulary);
            Objects.requireNonNull(counting);
            Objects.requireNonNull(training);
        }
    }

    /** The preset {@code run} uses by default. */
    public static final String DEFAULT = "default";

    /**
     * The closed-form fit alone: deterministic for any thread count, several times faster than the default. The demo
     * runs it, so that its output is the same on every machine.
     */
    public static final String FAST = "fast";

    /** The names of the presets, in the order of {@code --help}. */
    public static final List<String> PRESETS = List.of(DEFAULT, FAST, "refined", "words");

    /** Epochs of fastText's objective over the counts after the closed-form fit: the default, and the heavier preset. */
    static final int DEFAULT_EPOCHS = 3;
    static final int REFINED_EPOCHS = 5;

    /** The stage verbs' own defaults: each stage's builder unchanged (window 10 uniform, eig p .5, no subwords). */
    public static Recipe stages() {
        return new Recipe("stages", "the stage verbs' neutral defaults", VocabularySettings.builder().build(), CountSettings.builder().build(),
                TrainSettings.builder().build(), null);
    }

    /** The stage verbs' defaults for {@code yuelao subwords}: {@link #stages()} with the subword builder's (n-grams 3-6). */
    public static Recipe subwordStage() {
        Recipe s = stages();
        return new Recipe("subwords", "the subword stage's defaults", s.vocabulary(), s.counting(), s.training(), SubwordSettings.builder().build());
    }

    /**
     * A preset of {@code run}:
     *
     * <ul>
     *   <li>{@code default}: window 5 with word2vec's dynamic weights and subsampling 1e-4, eig with p .25 and shift
     *       .25, subword features 3-6 fitted to the eig directions in closed form, then 3 epochs of fastText's
     *       objective over the counts on the composed vectors, the fit blended back and the spectral map (the
     *       refinement's defaults of {@link SubwordSettings}; Hogwild over threads, so not byte-identical across thread
     *       counts);
     *   <li>{@code fast}: the same counts and eig, the closed-form fit alone (deterministic for any thread count,
     *       weaker analogies and SimLex, several times faster);
     *   <li>{@code refined}: the default with 5 epochs;
     *   <li>{@code words}: the fast preset without subwords: one vector per corpus word, no composition of unseen words.
     * </ul>
     *
     * @throws IllegalArgumentException naming the presets if {@code name} is none of them
     */
    public static Recipe preset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        VocabularySettings vocabulary = VocabularySettings.builder().build();
        CountSettings counting = CountSettings.builder().window(5).weighting(WindowWeighting.DYNAMIC).subsample(1e-4).build();
        TrainSettings training = TrainSettings.builder().method(TrainSettings.Method.EIG)
                .closedForm(ClosedFormSettings.builder().power(0.25).shift(0.25).build()).build();
        SubwordSettings fit = SubwordSettings.builder().ngrams(3, 6).build();
        return switch (n) {
            case DEFAULT -> new Recipe(n, "eig over dynamic-window counts, subwords 3-6 fitted in closed form, then " + DEFAULT_EPOCHS
                    + " epochs of fastText's objective on them", vocabulary, counting, training,
                    SubwordSettings.builder().ngrams(3, 6).refinementEpochs(DEFAULT_EPOCHS).build());
            case FAST -> new Recipe(n, "the closed-form subword fit alone, no epochs (deterministic, several times faster)", vocabulary,
                    counting, training, fit);
            case "refined" -> new Recipe(n, "the default with " + REFINED_EPOCHS + " epochs", vocabulary, counting, training,
                    SubwordSettings.builder().ngrams(3, 6).refinementEpochs(REFINED_EPOCHS).build());
            case "words" -> new Recipe(n, "no subwords: word vectors only", vocabulary, counting, training, null);
            default -> throw new IllegalArgumentException("unknown --preset '" + name + "' (expected one of: " + String.join(", ", PRESETS) + ")");
        };
    }

    /** The default preset of {@code run}. */
    public static Recipe run() {
        return preset(DEFAULT);
    }

    /**
     * The demo's phrase and collocation step: how it detects phrases, and the recipe of the small phrase-joined run it
     * queries (counts fit for collocation statistics, a quick model for one nearest query).
     */
    public record PhraseDemo(PhraseSettings phrases, Recipe recipe) {}

    /**
     * One word2phrase pass at threshold 100 (word2phrase's default); counts with a uniform window of 5 and no
     * subsampling, as association measures assume (docs/measures.md); vectors of the 8,000 most frequent words, eig
     * with 50 dimensions, so that the step stays a few seconds on the bundled sample.
     */
    public static PhraseDemo phraseDemo() {
        Recipe plain = stages();
        return new PhraseDemo(PhraseSettings.builder().passes(1).thresholds(100).build(), new Recipe("phrase-demo",
                "phrase-joined counts and a small model for the demo", plain.vocabulary().toBuilder().maxVocab(8000).build(),
                CountSettings.builder().window(5).build(), TrainSettings.builder().dim(50).build(), null));
    }
}
