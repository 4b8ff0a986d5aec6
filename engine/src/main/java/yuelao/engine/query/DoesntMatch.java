package yuelao.engine.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The word that does not match the others, gensim's definition ({@code KeyedVectors.doesnt_match}): take the
 * unit vectors u_i of the known words, their mean m (over all of them, the candidate included), and return the
 * word with the lowest cos(u_i, m). Ties go to the earlier word of the list. Unknown words are left out and
 * listed; fewer than two known words give no answer.
 */
public final class DoesntMatch {
    private DoesntMatch() {}

    /** The answer with every known word's cosine to the mean (input order) and the unknown words. */
    public record Result(Optional<String> odd, List<Neighbor> cosines, List<String> unknown) {}

    public static Result of(WordVectors wv, List<String> words) {
        List<Integer> ids = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String w : words) {
            OptionalInt id = wv.id(w);
            if (id.isPresent()) {
                ids.add(id.getAsInt());
                known.add(w);
            } else {
                unknown.add(w);
            }
        }
        if (ids.size() < 2) {
            return new Result(Optional.empty(), List.of(), unknown);
        }
        int d = wv.dim();
        double[] mean = new double[d];
        for (int id : ids) {
            for (int k = 0; k < d; k++) {
                mean[k] += wv.unit().get(id, k);
            }
        }
        double nm = 0;
        for (int k = 0; k < d; k++) {
            nm += mean[k] * mean[k];
        }
        nm = Math.sqrt(nm);
        List<Neighbor> cos = new ArrayList<>();
        int worst = -1;
        for (int i = 0; i < ids.size(); i++) {
            double dot = 0;
            for (int k = 0; k < d; k++) {
                dot += mean[k] * wv.unit().get(ids.get(i), k);
            }
            double c = nm > 0 ? dot / nm : 0;
            cos.add(new Neighbor(ids.get(i), known.get(i), c));
            if (worst < 0 || c < cos.get(worst).score()) {
                worst = i;
            }
        }
        return new Result(Optional.of(known.get(worst)), cos, unknown);
    }
}
