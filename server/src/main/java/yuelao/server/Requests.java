package yuelao.server;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.util.List;
import yuelao.engine.api.Json;

/**
 * The JSON bodies of the batch endpoints (POST), read with the one mapping ({@link Json}: snake_case, unknown fields
 * refused). Absent options take the GET form's defaults.
 */
final class Requests {
    private Requests() {}

    /** Something with a list of items to answer, checked against --max-batch. */
    interface Batch {
        List<?> items();
    }

    /** POST /api/nearest. */
    record Nearest(List<String> words, Integer top, String mode, Integer restrict, Integer contextWords, String search, Integer ef) implements Batch {
        @Override
        public List<?> items() {
            return words;
        }
    }

    /** POST /api/associates. */
    record Associates(List<String> words, Integer top, Double minCount, String measure, Double shift, Double cds, Double smoothing,
            String marginals) implements Batch {
        @Override
        public List<?> items() {
            return words;
        }
    }

    /** POST /api/similarity. */
    record Similarity(List<List<String>> pairs, Integer contextWords) implements Batch {
        @Override
        public List<?> items() {
            return pairs;
        }
    }

    /** POST /api/analogy. */
    record Analogy(List<List<String>> questions, Integer top, String method, Integer restrict) implements Batch {
        @Override
        public List<?> items() {
            return questions;
        }
    }

    /**
     * The body of {@code ctx} as a {@code type}: at most {@code maxBody} bytes (413 above, checked on the declared length
     * first, then by the framework while reading), valid
     * JSON of the expected shape, a list of 1..maxBatch items, none of them null.
     */
    static <T extends Batch> T read(Context ctx, Class<T> type, int maxBatch, long maxBody) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBody) { // refused before reading: a client cannot make the server wait for a body it will not take
            throw new ApiError(413, "too_large", "the body declares " + declared + " bytes; at most " + maxBody + " (--max-body)");
        }
        if (!ctx.queryParamMap().isEmpty()) {
            throw ApiError.badRequest("a batch request takes its options in the JSON body, not as parameters ("
                    + String.join(", ", ctx.queryParamMap().keySet().stream().map(Params::printable).toList()) + ")");
        }
        T body = Json.read(new ByteArrayInputStream(ctx.bodyAsBytes()), type);
        List<?> items = body.items();
        if (items == null || items.isEmpty()) {
            throw ApiError.badRequest("the body must list at least one item");
        }
        if (items.size() > maxBatch) {
            throw ApiError.badRequest("the body lists " + items.size() + " items; at most " + maxBatch + " per request (--max-batch)");
        }
        for (Object o : items) {
            if (o == null) {
                throw ApiError.badRequest("the body's list holds a null item");
            }
        }
        return body;
    }
}
