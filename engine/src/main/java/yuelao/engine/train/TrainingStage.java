package yuelao.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import yuelao.engine.linalg.SparseSymmetric;
import yuelao.engine.pmi.PmiMeasure;
import yuelao.engine.pmi.PmiOptions;
import yuelao.engine.pmi.PmiView;
import yuelao.engine.store.CountStoreDirectory;
import yuelao.engine.vectors.Word2VecText;
import yuelao.storage.format.AtomicDirectory;
import yuelao.storage.vectors.VectorsFile;
import yuelao.storage.vocab.VocabularyFile;
import yuelao.tokenizer.vocab.Vocabulary;

/**
 * Stage 3: count store to word vectors, one shared table with {@code <v_i, v_j> ~ PMI_ij} (METHOD.md
 * section 3). The output directory holds {@code vocab.bin}/{@code vocab.txt} (the store's vocabulary),
 * {@code vectors.bin} (native, memory-mappable) and {@code vectors.txt} (word2vec text), staged and renamed
 * atomically.
 */
public final class TrainingStage {
    private TrainingStage() {}

    /** What training produced. */
    public record Result(Vocabulary vocabulary, float[] vectors, int dim, double seconds, String summary) {}

    public static Result run(Path storeDir, Path out, boolean force, TrainOptions o, Consumer<String> progress) throws IOException {
        long t0 = System.nanoTime();
        AtomicDirectory.removeStale(out);
        try (CountStoreDirectory store = CountStoreDirectory.open(storeDir)) {
            Vocabulary v = store.vocabulary();
            if (v.size() <= o.dim()) {
                throw new IllegalArgumentException("--dim " + o.dim() + " needs more than " + o.dim() + " words; the store has " + v.size());
            }
            float[] vectors;
            String summary;
            Map<String, String> props = new LinkedHashMap<>(store.counts().properties());
            props.keySet().removeIf(k -> k.equals("scale") || k.equals("X.units") || k.equals("N") || k.equals("diagonal.units"));
            props.putAll(o.toProperties());
            switch (o.method()) {
                case EIG, SVD -> {
                    PmiView ppmi = PmiView.of(store, new PmiOptions(PmiMeasure.PPMI, o.shift(), o.cds(), 0, PmiOptions.Marginals.UNIGRAM));
                    try (SparseSymmetric m = new SparseSymmetric(store.counts(), (i, j, x) -> i == j ? 0f : (float) ppmi.value(i, j, x))) {
                        EigenFactorization.Result r = EigenFactorization.compute(m, o.dim(), o.oversample(), o.iterations(), o.power(),
                                o.method() == TrainOptions.Method.EIG ? EigenFactorization.Keep.POSITIVE : EigenFactorization.Keep.MAGNITUDE,
                                o.seed(), o.threads(), it -> progress.accept(String.format(java.util.Locale.ROOT,
                                        "%s: subspace iteration %d/%d (%.1fs)", o.method().id(), it, o.iterations(), (System.nanoTime() - t0) / 1e9)));
                        vectors = r.vectors();
                        double[] ev = r.eigenvalues();
                        double maxRes = 0;
                        for (double x : r.residuals()) {
                            maxRes = Math.max(maxRes, x);
                        }
                        summary = String.format(java.util.Locale.ROOT, "eigenvalues %.3f .. %.3f; largest relative residual %.3g",
                                ev[0], ev[ev.length - 1], maxRes);
                        props.put("train.eigenvalue.first", Double.toString(ev[0]));
                        props.put("train.eigenvalue.last", Double.toString(ev[ev.length - 1]));
                    }
                }
                default -> throw new IllegalArgumentException("--method " + o.method().id() + " is not available yet");
            }
            try (AtomicDirectory dir = AtomicDirectory.begin(out, force)) {
                VocabularyFile.write(dir.path(), v, props);
                VectorsFile.write(dir.path().resolve(VectorsFile.FILE_NAME), v.fingerprint(), v.size(), o.dim(), vectors, props);
                Word2VecText.write(dir.path().resolve("vectors.txt"), v, vectors, o.dim(), true);
                dir.commit();
            }
            return new Result(v, vectors, o.dim(), (System.nanoTime() - t0) / 1e9, summary);
        }
    }
}
