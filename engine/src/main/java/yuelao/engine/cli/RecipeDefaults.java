package yuelao.engine.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import yuelao.core.ByteSize;
import yuelao.engine.stage.CountSettings;
import yuelao.engine.stage.PhraseSettings;
import yuelao.engine.stage.Recipes;
import yuelao.engine.stage.VocabularySettings;
import yuelao.engine.subword.SubwordSettings;
import yuelao.engine.train.ClosedFormSettings;
import yuelao.engine.train.PmiSettings;
import yuelao.engine.train.SgnsSettings;
import yuelao.engine.train.TrainSettings;

/**
 * The options' defaults, read off a recipe of the recipe book ({@link Recipes}), so that {@code --help} shows what a
 * verb really does: the stage verbs show {@link Recipes#stages()}, {@code run} and {@code demo} the preset they run.
 * Options whose default depends on another option (the sgns rate, the subword ridge ...) get none here; their
 * settings' builders decide, and their help text states the rule.
 */
public final class RecipeDefaults implements IDefaultValueProvider {
    private final Map<String, String> defaults = new HashMap<>();

    RecipeDefaults(Recipes.Recipe r) {
        VocabularySettings v = r.vocabulary();
        put("--analyzer", v.analyzer().name());
        put("--stem", v.analyzer().stem());
        put("--stopwords", v.analyzer().stopwords());
        put("--min-token-length", v.analyzer().minTokenLength());
        put("--max-token-length", v.analyzer().maxTokenLength());
        put("--max-document-length", v.maxDocumentChars());
        put("--min-count", v.minCount());
        put("--max-vocab", v.maxVocab());

        CountSettings c = r.counting();
        put("--window", c.window());
        put("--weighting", c.weighting().id());
        put("--keep-oov-positions", c.keepOovPositions());
        put("--self-pairs", c.selfPairs());
        put("--subsample", c.subsample());
        put("--memory", ByteSize.format(c.memoryBytes()));
        put("--fan-in", c.fanIn());

        TrainSettings t = r.training();
        put("--seed", t.seed());
        put("--method", t.method().id());
        put("--dim", t.dim());
        ClosedFormSettings cf = t.closedForm();
        put("--power", cf.power());
        put("--cds", cf.cds());
        put("--shift", cf.shift());
        put("--iterations", cf.iterations());
        put("--oversample", cf.oversample());
        put("--balance", cf.balance());
        SgnsSettings s = t.sgns();
        put("--sgns-epochs", s.epochs());
        put("--sgns-negatives", s.negatives());
        put("--sgns-offset", s.offset());
        put("--sgns-init", s.eigInit() ? "eig" : "random");
        put("--sgns-contexts", s.contexts().id());
        put("--sgns-output", s.sumOutput() ? "w+c" : "w");
        PmiSettings p = t.pmi();
        put("--pmi-epochs", p.epochs());
        put("--pmi-lr", p.lr());
        put("--x-max", p.xMax());
        put("--alpha", p.alpha());
        put("--weight", p.truncatedWeight() ? "truncated" : "untruncated");
        put("--holdout", p.holdout());
        put("--pmi-init", p.eigInit() ? "eig" : "random");
        put("--pmi-negatives", p.negatives());
        put("--negative-weight", p.negativeWeight());
        put("--target", p.ppmiTargets() ? "ppmi" : "pmi");

        PhraseSettings ph = PhraseSettings.builder().build();
        put("--scoring", ph.scoring().id());
        put("--passes", ph.passes());
        put("--max-tokens", ph.maxTokens());

        SubwordSettings w = r.subwords() != null ? r.subwords() : SubwordSettings.builder().build();
        put("--subwords", r.subwords() == null ? "none" : w.minn() + "-" + w.maxn());
        put("--buckets", w.buckets());
        put("--subword-min-count", w.minCount());
        put("--subword-word", w.includeWord());
        put("--subword-fit", w.unitFit() ? "unit" : "raw");
        put("--subword-power", w.power());
        put("--subword-fit-iterations", w.fitIterations());
        put("--subword-epochs", w.refinementEpochs());
        put("--subword-loss", w.loss().name().toLowerCase(Locale.ROOT));
        put("--subword-lr", w.sgnsLr());
        put("--subword-negatives", w.sgnsNegatives());
        put("--subword-pmi-lr", w.pmiLr());
        put("--subword-pmi-negatives", w.pmiNegatives());
        put("--subword-contexts-per-visit", w.contextsPerVisit());
        put("--subword-pmi-batch", w.pmiBatch());
        put("--subword-samples", w.samples());
        put("--subword-contexts", w.contexts().name().toLowerCase(Locale.ROOT));
        put("--subword-noise-power", w.noisePower());
    }

    /** The defaults of the stage verbs ({@code vocab}, {@code count} ...), for a command that reuses their option mixins. */
    public static IDefaultValueProvider forStages() {
        return new RecipeDefaults(Recipes.stages());
    }

    /** These defaults without {@code option}'s: its command decides when it is absent. */
    RecipeDefaults without(String option) {
        defaults.remove(option);
        return this;
    }

    private void put(String option, Object value) {
        defaults.put(option, String.valueOf(value));
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? defaults.get(o.longestName()) : null;
    }

    /** The verbs whose options come from the recipe book. */
    private static final java.util.Set<String> STAGE_VERBS = java.util.Set.of("vocab", "count", "train", "phrases");

    /**
     * The recipe of a verb: {@code run} runs the preset named by {@code --preset} in {@code args} (default
     * {@link Recipes#DEFAULT}), {@code demo} the preset {@link Recipes#FAST}, the stage verbs {@link Recipes#stages()};
     * the other verbs have no recipe.
     */
    static java.util.Optional<Recipes.Recipe> forVerb(String verb, String... args) {
        if (STAGE_VERBS.contains(verb)) {
            return java.util.Optional.of(Recipes.stages());
        }
        if (verb.equals("subwords")) {
            return java.util.Optional.of(Recipes.subwordStage());
        }
        if (!verb.equals("run") && !verb.equals("demo")) {
            return java.util.Optional.empty();
        }
        if (verb.equals("demo")) {
            return java.util.Optional.of(Recipes.preset(Recipes.FAST));
        }
        String preset = Recipes.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--preset") && i + 1 < args.length) {
                preset = args[i + 1];
            } else if (args[i].startsWith("--preset=")) {
                preset = args[i].substring("--preset=".length());
            }
        }
        try {
            return java.util.Optional.of(Recipes.preset(preset));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(Recipes.run()); // the command itself reports the unknown preset
        }
    }
}
