package yuelao.engine.train;

import java.io.IOException;
import yuelao.core.Vocabulary;

/** Scores vectors during training (the {@code --eval-*} files): one short line, e.g. "ws353-all 0.661, questions-words 31.2%". */
@FunctionalInterface
public interface Evaluator {
    String evaluate(Vocabulary vocabulary, float[] vectors, int dim) throws IOException;
}
