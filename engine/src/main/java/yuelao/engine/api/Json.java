package yuelao.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one JSON mapping of yuelao's answers (Jackson): the CLI's {@code --json} and the server write every record of
 * {@link Answers} through it, so the two print the same bytes for the same answer.
 *
 * <p>Rules: field names in snake_case, in the records' declaration order; null fields left out (an optional field is
 * absent, never null); numbers never NaN or infinite (the records turn those into an absent field or a flag); UTF-8.
 * Reading (request bodies) refuses unknown fields, trailing tokens, nesting deeper than 32 and strings longer than
 * 1 MiB, each with a one-line message. Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 20).build());
    }

    private Json() {}

    /** The mapper itself, for a server framework that takes one (do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as one line of JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as UTF-8 JSON bytes. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a {@code type} from JSON text; malformed or unexpected input is a {@link QueryException} (bad argument)
     * with a one-line message.
     */
    public static <T> T read(InputStream in, Class<T> type) {
        try {
            T v = MAPPER.readValue(in, type);
            if (v == null) {
                throw QueryException.badArgument("the body is JSON null, expected an object");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw QueryException.badArgument("malformed JSON body: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw QueryException.badArgument("unreadable body: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
