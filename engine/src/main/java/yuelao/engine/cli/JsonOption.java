package yuelao.engine.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import yuelao.engine.api.Json;
import yuelao.engine.api.QueryException;

/**
 * {@code --json}, shared by the query verbs (a picocli mixin): the answer as one line of JSON, the same record and
 * the same bytes the server sends (docs/server.md), instead of the text table.
 */
public final class JsonOption {
    @Option(names = "--json", description = "Print the answer as one line of JSON: the server's shape (docs/server.md).")
    boolean json;

    /**
     * Answers with {@code query}: its record as JSON with {@code --json}, else through {@code text}. A query that fails
     * ({@link QueryException}) prints its JSON error body first with {@code --json}, then fails as usual (one line on
     * stderr, exit 1).
     */
    <T> int answer(PrintWriter out, Supplier<T> query, Consumer<T> text) {
        T a;
        try {
            a = query.get();
        } catch (QueryException e) {
            if (json) {
                out.println(Json.write(e.toAnswer()));
                out.flush();
            }
            throw e;
        }
        if (json) {
            out.println(Json.write(a));
        } else {
            text.accept(a);
        }
        return 0;
    }
}
