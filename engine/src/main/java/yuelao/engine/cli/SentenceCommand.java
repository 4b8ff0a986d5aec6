package yuelao.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yuelao.engine.query.Neighbor;
import yuelao.engine.query.Sentences;
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

    @picocli.CommandLine.Mixin
    QueryPhrasesOption phrases;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VectorArgs.requirePositive("--top", top);
        WordVectors wv = VectorArgs.open(vectors, false, 0);
        try (Sentences s = new Sentences(wv, yuelao.tokenizer.phrase.PhraseTableFile.recorded(wv.properties(), phrases.phrases,
                vectors.toString()))) {
            Sentences.SentenceVector[] v = new Sentences.SentenceVector[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                v[i] = s.vector(texts.get(i));
                if (v[i].isEmpty()) {
                    throw new UserException("no in-vocabulary word in text " + (i + 1) + " (out of vocabulary: " + v[i].outOfVocabulary() + ")");
                }
                for (WordVectors.Lookup c : v[i].composed()) {
                    out.println(c.note());
                }
                double norm = Math.sqrt(Sentences.relatedness(v[i], v[i]));
                out.printf(Locale.ROOT, "text %d: %d in-vocabulary tokens%s, |s| = %.4f%s%n", i + 1, v[i].ids().length,
                        v[i].composed().isEmpty() ? "" : " + " + v[i].composed().size() + " composed from n-grams", norm,
                        v[i].outOfVocabulary().isEmpty() ? "" : "; out of vocabulary: " + v[i].outOfVocabulary());
            }
            if (v.length == 2) {
                out.printf(Locale.ROOT, "relatedness <s_1, s_2> = %.4f%n", Sentences.relatedness(v[0], v[1]));
                out.printf(Locale.ROOT, "cosine(s_1, s_2) = %.4f%n", Sentences.cosine(v[0], v[1]));
            }
            if (keywords) {
                for (int i = 0; i < v.length; i++) {
                    List<Neighbor> kw = s.keywords(v[i]);
                    out.printf("keywords of text %d by <s, v_w>:%n", i + 1);
                    NearestCommand.print(out, kw.subList(0, Math.min(top, kw.size())));
                }
            }
        }
        return 0;
    }
}
