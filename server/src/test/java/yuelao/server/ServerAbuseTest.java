package yuelao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yuelao.engine.api.Json;

/**
 * Every bad-request class of the issue gets a 4xx with a JSON error body, and the server lives on: missing and extra
 * parameters, top = 10^9, a negative top, malformed JSON, an unknown endpoint, a 10 MB body, path traversal in static
 * paths, non-UTF-8 bytes, a slow client holding a connection; also the concurrency limit (503), data not served
 * (404) and the graceful stop.
 */
class ServerAbuseTest {
    static QueryServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = QueryServer.start(TestRun.dir(), ServerSettings.builder().port(0).accessLog(false).idleTimeout(Duration.ofMillis(1500)).build(),
                new PrintStream(OutputStream.nullOutputStream()));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** A 4xx with an {@code {"error": ..., "message": ...}} body, and the server still answers. */
    static void refused(int status, Http.Reply r, String... fragments) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        var j = r.json();
        assertTrue(j.has("error") && j.has("message"), r.body());
        for (String f : fragments) {
            assertTrue(r.body().contains(f), "'" + f + "' in " + r.body());
        }
        alive();
    }

    static void refusedRaw(String raw, int status) {
        assertEquals(status, Http.status(raw), raw);
        assertTrue(raw.toLowerCase().contains("content-type: application/json"), raw);
        var j = new Http.Reply(status, Http.body(raw), null).json();
        assertTrue(j.has("error") && j.has("message"), raw);
        alive();
    }

    static void alive() {
        assertEquals(200, http.get("/health").status());
    }

    @Test
    void missingExtraRepeatedAndOutOfRangeParameters() {
        refused(400, http.get("/api/nearest"), "missing parameter 'word'");
        refused(400, http.get("/api/nearest?word="), "missing parameter 'word'");
        refused(400, http.get("/api/analogy?a=cat&b=dog"), "'c'");
        refused(400, http.get("/api/nearest?word=cat&colour=red"), "unknown parameter 'colour'");
        refused(400, http.get("/health?x=1"), "unknown parameter 'x'");
        refused(400, http.get("/api/nearest?word=cat&word=dog"), "given 2 times");
        refused(400, http.get("/api/nearest?word=cat&top=1000000000"), "'top'", "1..1000");
        refused(400, http.get("/api/nearest?word=cat&top=-5"), "'top'");
        refused(400, http.get("/api/nearest?word=cat&top=0"), "'top'");
        refused(400, http.get("/api/nearest?word=cat&top=ten"), "integer");
        refused(400, http.get("/api/nearest?word=cat&top=99999999999999999999"), "integer");
        refused(400, http.get("/api/nearest?word=cat&mode=fuzzy"), "fuzzy");
        refused(400, http.get("/api/associates?word=cat&measure=npmi&shift=2"), "shift");
        refused(400, http.get("/api/associates?word=cat&cds=NaN"), "cds");
        refused(400, http.get("/api/vocabulary?prefix=a&limit=1000000000"), "limit");
        refused(400, http.get("/api/doesnt-match?words=cat"), "at least two");
        refused(400, http.post("/api/nearest?top=3", "{\"words\": [\"cat\"]}"), "JSON body");
    }

    @Test
    void malformedJsonAndBadBatches() {
        refused(400, http.post("/api/nearest", "{\"words\": [\"cat\","), "malformed JSON");
        refused(400, http.post("/api/nearest", "not json at all"), "malformed JSON");
        refused(400, http.post("/api/nearest", ""), "malformed JSON");
        refused(400, http.post("/api/nearest", "null"), "null");
        refused(400, http.post("/api/nearest", "{\"words\": [\"cat\"], \"colour\": 1}"), "colour");
        refused(400, http.post("/api/nearest", "{\"words\": \"cat\"}"), "malformed JSON");
        refused(400, http.post("/api/nearest", "{\"words\": [\"cat\"]} {}"), "malformed JSON");
        refused(400, http.post("/api/nearest", "[".repeat(100) + "]".repeat(100)), "malformed JSON");
        refused(400, http.post("/api/nearest", "{\"words\": [\"cat\", null]}"), "null");
        refused(400, http.post("/api/nearest", "{\"words\": [\"cat\"], \"top\": 1000000000}"), "'top'");
        StringBuilder many = new StringBuilder("{\"words\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("\"cat\"");
        }
        refused(400, http.post("/api/nearest", many.append("]}").toString()), "--max-batch");
        byte[] notUtf8 = {'{', '"', 'w', 'o', 'r', 'd', 's', '"', ':', '[', '"', (byte) 0xFF, (byte) 0xFE, '"', ']', '}'};
        refused(400, http.send("POST", "/api/nearest", notUtf8), "malformed JSON");
    }

    @Test
    void unknownEndpointsAndMethods() {
        refused(404, http.get("/api/nothing"), "not_found");
        refused(404, http.get("/no/such/file.html"), "not_found");
        refused(405, http.send("DELETE", "/api/nearest", new byte[0]), "method_not_allowed");
        refused(405, http.send("PUT", "/api/info", new byte[0]));
    }

    @Test
    void aTenMegabyteBodyIs413() {
        byte[] big = new byte[10 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        refused(413, http.send("POST", "/api/nearest", big), "too_large");
        // Also as a raw request that declares the size and never sends it all.
        String raw = http.raw(("POST /api/nearest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + (10 << 20)
                + "\r\nConnection: close\r\n\r\n{\"words\":[").getBytes(StandardCharsets.US_ASCII));
        refusedRaw(raw, 413);
    }

    @Test
    void pathTraversalNeverLeavesTheStaticFiles() {
        for (String path : new String[] {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                "/yuelao/server/QueryServer.class", "/../yuelao/server/QueryServer.class", "/%2e%2e%5c%2e%2e%5cpom.xml", "/app.js/..%00/index.html",
                "/META-INF/MANIFEST.MF", "//etc/passwd"}) {
            String raw = http.raw(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int status = Http.status(raw);
            assertTrue(status == 400 || status == 404, path + ": " + raw);
            assertTrue(!raw.contains("root:") && !raw.contains("yuelao/server") || raw.contains("\"error\""), path + ": " + raw);
            refusedRaw(raw, status);
        }
        assertEquals(200, http.get("/app.js").status(), "the page's own files are served");
    }

    @Test
    void nonUtf8BytesAreRefused() {
        refused(400, http.get("/api/nearest?word=%FF%FE%FD"), "UTF-8");
        refused(400, http.get("/api/nearest?word=caf%C3"), "UTF-8");
        refused(400, http.get("/api/nearest?word=a%00b"), "control character");
        byte[] req = "GET /api/nearest?word=\u00FF\u00FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        String raw = http.raw(req);
        refusedRaw(raw, Http.status(raw));
        assertTrue(Http.status(raw) >= 400 && Http.status(raw) < 500, raw);
        byte[] header = "GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: \u00FF\u0001\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        String r2 = http.raw(header);
        assertTrue(Http.status(r2) == 200 || Http.status(r2) == 400, r2);
        alive();
    }

    @Test
    void aSlowClientCannotHoldTheServer() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write("GET /api/nearest?word=cat HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) { // others are served while it dawdles
                assertEquals(200, http.get("/api/nearest?word=dog").status());
            }
            InputStream in = slow.getInputStream();
            byte[] answer = Http.readAll(in); // the server closes it after the idle timeout (1.5 s here)
            double waited = (System.nanoTime() - t0) / 1e9;
            assertTrue(waited < 8, "closed after " + waited + " s");
            String s = new String(answer, StandardCharsets.ISO_8859_1);
            assertTrue(s.isEmpty() || Http.status(s) == 408 || Http.status(s) == 400, s);
        }
        alive();
    }

    @Test
    void dataThatIsNotServedIs404() throws Exception {
        Path run = TestRun.dir();
        try (QueryServer vectorsOnly = QueryServer.start(run.resolve("vectors"), ServerSettings.builder().port(0).accessLog(false).build(),
                new PrintStream(OutputStream.nullOutputStream()));
                QueryServer storeOnly = QueryServer.start(run.resolve("store"), ServerSettings.builder().port(0).accessLog(false).build(),
                        new PrintStream(OutputStream.nullOutputStream()))) {
            Http v = new Http(vectorsOnly.port());
            Http s = new Http(storeOnly.port());
            assertEquals("not_served", v.get("/api/associates?word=cat").json().get("error").asText());
            assertEquals(404, v.get("/api/pmi?a=cat&b=dog").status());
            assertEquals(200, v.get("/api/nearest?word=cat").status());
            assertEquals(404, s.get("/api/nearest?word=cat").status());
            assertEquals(200, s.get("/api/associates?word=cat").status());
            assertEquals(200, s.get("/api/vocabulary?prefix=ca").status(), "autocomplete from the store's vocabulary");
            assertEquals(false, s.get("/health").json().get("vectors").asBoolean());
        }
    }

    /** A POST whose body arrives slowly: the request is in flight until the last byte. */
    private static CompletableFuture<String> slowPost(int port, String body, long pauseMillis) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                out.write(("POST /api/nearest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + b.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(b, 0, 5);
                out.flush();
                Thread.sleep(pauseMillis);
                out.write(b, 5, b.length - 5);
                out.flush();
                return new String(Http.readAll(s.getInputStream()), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theConcurrencyLimitAnswers503AndTheStopIsGraceful() throws Exception {
        QueryServer one = QueryServer.start(TestRun.dir(), ServerSettings.builder().port(0).accessLog(false).maxConcurrent(1).build(),
                new PrintStream(OutputStream.nullOutputStream()));
        int port = one.port();
        Http h = new Http(port);
        CompletableFuture<String> inFlight = slowPost(port, "{\"words\": [\"cat\", \"dog\"], \"top\": 2}", 1500);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (one.metrics().inFlight().get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, one.metrics().inFlight().get(), "the slow POST holds the only slot");
        Http.Reply busy = h.get("/api/nearest?word=cat");
        assertEquals(503, busy.status(), busy.body());
        assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
        assertEquals("busy", busy.json().get("error").asText());
        // Stop while the POST is still in flight: it is answered in full, then the server is gone.
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(one::stop);
        String answer = inFlight.get(20, TimeUnit.SECONDS);
        stopped.get(20, TimeUnit.SECONDS);
        assertEquals(200, Http.status(answer), answer);
        assertEquals(2, Json.mapper().readTree(Http.body(answer)).get("results").size(), answer);
        try (Socket s = new Socket("127.0.0.1", port)) {
            throw new AssertionError("still accepting connections after stop");
        } catch (ConnectException expected) {
            // refused: the port is closed
        }
    }
}
