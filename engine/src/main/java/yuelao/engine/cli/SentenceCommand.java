package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yuelao.engine.api.Answers;
import yuelao.engine.api.VectorQueries;
import yuelao.engine.query.IndexSettings;
import yuelao.engine.query.WordVectors;

/** {@code yuelao sentence VECTORS "TEXT A" ["TEXT B"]}. */
@Command(name = "sentence", header = "Sentence vectors, their relatedness and keywords.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Sentence vectors: s = sum of the in-vocabulary token vectors (tokenized as the corpus was).",
            "Two texts: relatedness <s_1, s_2> (the additive PMI estimate) and cos(s_1, s_2). --keywords: the distinct words w of each text by <s, v_w>."})
public final class SentenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "Vectors directory.")
    Path vectors;

    @Parameters(index = "1..2", arity = "1..2", paramLabel = "TEXT", description = "One or two texts.")
    List<String> texts;

    @Option(names = "--keywords", description = "Rank each text's words by <s, v_w> ~ PMI(text; w).")
    boolean keywords;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "How many keywords.")
    int top;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VectorArgs.requirePositive("--top", top);
        try (VectorQueries q = VectorQueries.open(vectors, false, IndexSettings.builder().build(), VectorQueries.IndexUse.NONE)) {
            return json.answer(out, () -> q.sentence(texts, keywords ? top : 0), r -> {
                for (int i = 0; i < r.texts().size(); i++) {
                    Answers.Text t = r.texts().get(i);
                    for (WordVectors.Lookup c : q.lookup(t.composed())) {
                        out.println(c.note());
                    }
                    out.printf(Locale.ROOT, "text %d: %d in-vocabulary tokens%s, |s| = %.4f%s%n", i + 1, t.tokens(),
                            t.composed().isEmpty() ? "" : " + " + t.composed().size() + " composed from n-grams", t.norm(),
                            t.outOfVocabulary().isEmpty() ? "" : "; out of vocabulary: " + t.outOfVocabulary());
                }
                if (r.relatedness() != null) {
                    out.printf(Locale.ROOT, "relatedness <s_1, s_2> = %.4f%n", r.relatedness());
                    out.printf(Locale.ROOT, "cosine(s_1, s_2) = %.4f%n", r.cosine());
                }
                for (int i = 0; keywords && i < r.texts().size(); i++) {
                    out.printf("keywords of text %d by <s, v_w>:%n", i + 1);
                    NearestCommand.print(out, r.texts().get(i).keywords());
                }
            });
        }
    }
}
