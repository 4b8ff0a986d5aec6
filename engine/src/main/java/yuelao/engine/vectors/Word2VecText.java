package yuelao.engine.vectors;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import yuelao.storage.format.AtomicFiles;
import yuelao.tokenizer.vocab.Vocabulary;

/** word2vec's text format: a "count dim" header, then "word v1 ... vd" per line (UTF-8). Written atomically. */
public final class Word2VecText {
    private Word2VecText() {}

    public static void write(Path file, Vocabulary vocabulary, float[] vectors, int dim, boolean header) throws IOException {
        for (int i = 0; i < vocabulary.size(); i++) {
            String w = vocabulary.word(i);
            for (int c = 0; c < w.length(); c++) {
                if (Character.isWhitespace(w.charAt(c))) {
                    throw new IOException(file + ": word " + i + " ('" + w + "') contains whitespace; text formats cannot hold it");
                }
            }
        }
        AtomicFiles.write(file, (OutputStream os) -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            if (header) {
                w.write(vocabulary.size() + " " + dim + "\n");
            }
            StringBuilder sb = new StringBuilder(dim * 12);
            for (int i = 0; i < vocabulary.size(); i++) {
                sb.setLength(0);
                sb.append(vocabulary.word(i));
                for (int k = 0; k < dim; k++) {
                    sb.append(' ').append(vectors[i * dim + k]);
                }
                sb.append('\n');
                w.append(sb);
            }
            w.flush();
        });
    }
}
