package yuelao.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import yuelao.engine.api.Answers;
import yuelao.engine.api.QueryException;

/**
 * {@code yuelao serve}: the JSON API ({@link ApiRoutes}), the explorer page, {@code /health}, {@code /metrics} and the
 * OpenAPI description, on Javalin 7 (Jetty 12) with a virtual thread per request.
 *
 * <p>Contract: every answer is JSON with a precise status: 200; 400 for a bad request (unknown, repeated, missing or
 * out-of-range parameter, malformed body); 404 for an unknown word (its name in the body), an unknown path or data
 * this server does not hold; 405 for a wrong method; 413 for a body above {@link ServerSettings#maxBodyBytes()}; 503
 * with {@code Retry-After} when {@link ServerSettings#maxConcurrent()} requests are being answered. No request writes
 * a file. A connection idle for {@link ServerSettings#idleTimeout()} is closed. {@link #stop()} stops accepting,
 * lets in-flight requests finish (up to {@link ServerSettings#shutdownTimeout()}), then closes.
 */
public final class QueryServer implements AutoCloseable {
    private static final String STATIC = "/yuelao/server/static";
    /** Set on a request whose metrics its handler recorded (the rest are counted by the request logger). */
    private static final String RECORDED = "yuelao.recorded";

    private final Javalin app;
    private final ServedData data;
    private final ServerSettings settings;
    private final Metrics metrics = new Metrics();
    private final Semaphore slots;
    private final AccessLog accessLog;
    private volatile boolean stopping;

    private QueryServer(ServedData data, ServerSettings settings, PrintStream log) {
        this.data = data;
        this.settings = settings;
        this.slots = new Semaphore(settings.maxConcurrent());
        this.accessLog = settings.accessLog() ? new AccessLog(log) : null;
        ApiRoutes api = new ApiRoutes(data, settings);
        byte[] openapi = resource("/yuelao/server/openapi.json");
        this.app = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = settings.maxBodyBytes();
            c.http.prefer405over404 = true;
            c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            c.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = STATIC;
                sf.location = Location.CLASSPATH;
            });
            for (ApiRoutes.Route r : api.routes()) {
                for (String prefix : new String[] {"/api", "/api/" + ApiRoutes.VERSION}) {
                    c.routes.addHttpHandler(r.method(), prefix + r.path(), ctx -> answer(ctx, "/api" + r.path(), r));
                }
            }
            c.routes.get("/health", ctx -> plain(ctx, "/health", () -> new Health(stopping ? "stopping" : "ok", data.vectors().isPresent(),
                    data.store().isPresent())));
            c.routes.get("/metrics", ctx -> {
                long t0 = System.nanoTime();
                ctx.attribute(RECORDED, true);
                Params.of(ctx, Set.of());
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.prometheus());
                metrics.record("/metrics", 200, System.nanoTime() - t0);
            });
            for (String p : new String[] {ApiRoutes.OPENAPI, "/api/" + ApiRoutes.VERSION + "/openapi.json"}) {
                c.routes.get(p, ctx -> {
                    Params.of(ctx, Set.of());
                    ctx.contentType("application/json").result(openapi);
                });
            }
            c.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.toAnswer()));
            c.routes.exception(QueryException.class, (e, ctx) -> error(ctx, e.kind() == QueryException.Kind.UNKNOWN_WORD ? 404 : 400, e.toAnswer()));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    new Answers.Error(JsonErrorHandler.errorId(e.getStatus()), e.getMessage(), null)));
            c.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, new Answers.Error("bad_request", e.getMessage(), null)));
            c.routes.exception(Exception.class, (e, ctx) -> {
                log.println("yuelao serve: internal error on " + ctx.path() + ": " + e);
                error(ctx, 500, new Answers.Error("server_error", "internal error (the server log has the details)", null));
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    ctx.contentType("application/json").result(JsonErrorHandler.body(404, "no such endpoint or file: " + Params.printable(ctx.path())));
                }
            });
            c.routes.error(405, ctx -> ctx.contentType("application/json").result(JsonErrorHandler.body(405, ctx.method() + " " + Params.printable(ctx.path()))));
            c.requestLogger.http((ctx, ms) -> {
                if (ctx.attribute(RECORDED) == null) {
                    metrics.record(ctx.statusCode() == 404 ? "unmatched" : "static", ctx.statusCode(), Math.round(ms * 1e6));
                }
                if (accessLog != null) {
                    String q = ctx.queryString();
                    String len = ctx.res().getHeader("Content-Length");
                    accessLog.log(ctx.ip(), ctx.method().name(), ctx.path() + (q == null ? "" : "?" + q), ctx.statusCode(),
                            len == null ? -1 : Long.parseLong(len), ms);
                }
            });
        });
    }

    /** The body of /health. */
    record Health(String status, boolean vectors, boolean store) {}

    @FunctionalInterface
    private interface Body {
        Object get();
    }

    private void plain(Context ctx, String endpoint, Body body) {
        long t0 = System.nanoTime();
        ctx.attribute(RECORDED, true);
        Params.of(ctx, Set.of());
        ctx.contentType("application/json").result(ApiRoutes.json(body.get()));
        metrics.record(endpoint, 200, System.nanoTime() - t0);
    }

    /** An API request: a slot (or 503), checked parameters, the engine's answer as JSON, metrics. */
    private void answer(Context ctx, String endpoint, ApiRoutes.Route r) {
        long t0 = System.nanoTime();
        ctx.attribute(RECORDED, true);
        if (!slots.tryAcquire()) {
            metrics.rejected();
            ctx.header("Retry-After", "1");
            error(ctx, 503, new Answers.Error("busy", settings.maxConcurrent() + " requests are being answered (--max-concurrent); retry", null));
            metrics.record(endpoint, 503, System.nanoTime() - t0);
            return;
        }
        metrics.inFlight().incrementAndGet();
        int status = 500;
        try {
            Params p = r.method() == HandlerType.GET ? Params.of(ctx, r.params()) : null;
            Object a = r.answer().apply(ctx, p);
            ctx.contentType("application/json").result(ApiRoutes.json(a));
            status = 200;
        } catch (ApiError e) {
            status = e.status();
            throw e;
        } catch (QueryException e) {
            status = e.kind() == QueryException.Kind.UNKNOWN_WORD ? 404 : 400;
            throw e;
        } catch (HttpResponseException e) {
            status = e.getStatus();
            throw e;
        } catch (IllegalArgumentException e) {
            status = 400;
            throw e;
        } finally {
            metrics.inFlight().decrementAndGet();
            slots.release();
            metrics.record(endpoint, status, System.nanoTime() - t0);
        }
    }

    private static void error(Context ctx, int status, Answers.Error body) {
        ctx.status(status).contentType("application/json").result(ApiRoutes.json(body));
    }

    private static byte[] resource(String name) {
        try (InputStream in = QueryServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (a broken build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + name, e);
        }
    }

    /**
     * Opens {@code dir} and starts serving it. The data stays open until {@link #stop()}.
     *
     * @param log where the access log goes (and internal errors)
     */
    public static QueryServer start(Path dir, ServerSettings settings, PrintStream log) throws IOException {
        ServedData data = ServedData.open(dir, settings.caseInsensitive(), settings.index());
        try {
            QueryServer s = new QueryServer(data, settings, log);
            s.app.start(settings.host(), settings.port());
            for (Connector c : s.app.jettyServer().server().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setIdleTimeout(settings.idleTimeout().toMillis());
                }
            }
            return s;
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /** The port it listens on (the one chosen when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Seconds it took to open and verify the served files. */
    public double openSeconds() {
        return data.openSeconds();
    }

    /** One line saying where it listens and what it serves. */
    public String describe() {
        StringBuilder sb = new StringBuilder("listening on http://" + (settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host())
                + ":" + port() + "/ serving " + data.dir());
        data.vectors().ifPresent(v -> sb.append(String.format(java.util.Locale.ROOT, "; vectors %,d x %d%s", v.vectors().size(), v.vectors().dim(),
                v.index().map(i -> ", hnsw index").orElse(""))));
        data.store().ifPresent(s -> sb.append(String.format(java.util.Locale.ROOT, "; store %,d words", s.store().vocabulary().size())));
        sb.append(String.format(java.util.Locale.ROOT, " (opened in %.2f s)", data.openSeconds()));
        return sb.toString();
    }

    /** Request counts and latency (tests, the load benchmark). */
    Metrics metrics() {
        return metrics;
    }

    /**
     * Graceful stop: no new connections, in-flight requests finish (up to the shutdown timeout), then the server and the
     * mapped files are closed. Idempotent.
     */
    public synchronized void stop() {
        if (app.jettyServer().server().isStopped()) {
            return;
        }
        stopping = true;
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof NetworkConnector nc) {
                nc.close(); // stop accepting; open connections carry on
            }
        }
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        while (metrics.inFlight().get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        app.stop();
        data.close();
    }

    @Override
    public void close() {
        stop();
    }
}
