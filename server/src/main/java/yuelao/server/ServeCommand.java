package yuelao.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import yuelao.core.ByteSize;
import yuelao.engine.cli.UserException;
import yuelao.engine.query.IndexSettings;

/** {@code yuelao serve DIR}: the query server (docs/server.md). */
@Command(name = "serve", header = "Serve vectors and PMI over HTTP, with the explorer.", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Serve DIR over HTTP: a JSON API (nearest, analogy, similarity, sentence, doesnt-match, associates, pmi, phrase-pmi, " +
            "keywords, vocabulary, map, info; batch forms by POST), /health, /metrics (Prometheus), /api/openapi.json, and the explorer page at /.",
            "DIR: a run directory (store/ and vectors/), a VECTORS directory or a count store. Read only: no request writes a file.",
            "Stops gracefully on SIGTERM or Ctrl-C (in-flight requests finish). API and limits: docs/server.md."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory, a VECTORS directory or a count store.")
    Path dir;

    @Option(names = "--host", defaultValue = ServerSettings.DEFAULT_HOST, paramLabel = "ADDR",
            description = "Address to bind (0.0.0.0: every interface; the API has no authentication).")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerSettings.DEFAULT_PORT, paramLabel = "N", description = "TCP port (0: any free port).")
    int port;

    @Option(names = "--max-top", defaultValue = "" + ServerSettings.DEFAULT_MAX_TOP, paramLabel = "N", description = "Largest top or limit a request may ask for.")
    int maxTop;

    @Option(names = "--max-batch", defaultValue = "" + ServerSettings.DEFAULT_MAX_BATCH, paramLabel = "N", description = "Most items in one batch request.")
    int maxBatch;

    @Option(names = "--max-body", defaultValue = ServerSettings.DEFAULT_MAX_BODY, paramLabel = "SIZE", description = "Largest request body (413 above).")
    String maxBody;

    @Option(names = "--max-concurrent", defaultValue = "" + ServerSettings.DEFAULT_MAX_CONCURRENT, paramLabel = "N",
            description = "Requests answered at once; more get 503 with Retry-After.")
    int maxConcurrent;

    @Option(names = "--idle-timeout", defaultValue = ServerSettings.DEFAULT_IDLE_TIMEOUT, paramLabel = "TIME",
            description = "Close a connection that sends nothing for this long (a slow client cannot hold one).")
    String idleTimeout;

    @Option(names = "--shutdown-timeout", defaultValue = ServerSettings.DEFAULT_SHUTDOWN_TIMEOUT, paramLabel = "TIME",
            description = "On SIGTERM, how long in-flight requests may take to finish.")
    String shutdownTimeout;

    @Option(names = "--access-log", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "One line per request on stderr (--no-access-log: none).")
    boolean accessLog;

    @Option(names = "--case-insensitive", description = "Fold query words to lower case (the most frequent casing wins).")
    boolean caseInsensitive;

    @Option(names = "--ef", defaultValue = "" + IndexSettings.DEFAULT_EF, paramLabel = "N", description = "The HNSW index's candidate list per search.")
    int ef;

    @Option(names = "--exact-below", defaultValue = "" + IndexSettings.DEFAULT_EXACT_BELOW, paramLabel = "N",
            description = "Search exactly below N candidates even when an index is present.")
    int exactBelow;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerSettings s;
        try {
            s = ServerSettings.builder().host(host).port(port).maxTop(maxTop).maxBatch(maxBatch).maxBodyBytes(ByteSize.parse("--max-body", maxBody))
                    .maxConcurrent(maxConcurrent).idleTimeout(ServerSettings.duration(idleTimeout))
                    .shutdownTimeout(ServerSettings.duration(shutdownTimeout)).accessLog(accessLog).caseInsensitive(caseInsensitive)
                    .index(IndexSettings.builder().ef(ef).exactBelow(exactBelow).build()).build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        QueryServer server;
        try {
            server = QueryServer.start(dir, s, System.err);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Failed to bind") || e.getCause() instanceof java.net.BindException) {
                throw new UserException("cannot listen on " + host + ":" + port + " (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                        + "); choose another --port");
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("yuelao serve: stopping (in-flight requests finish first)");
            server.stop();
            stopped.countDown();
        }, "yuelao-serve-shutdown"));
        out.println("yuelao serve: " + server.describe());
        out.flush();
        stopped.await();
        return 0;
    }
}
