package yuelao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yuelao.server.Http.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yuelao.engine.query.WordVectors;

/**
 * The JSON API over a small run directory built in the test: every endpoint, checked against a brute-force reference
 * or the CLI's {@code --json} (the same bytes), and the behaviour the contract promises for unknown words, batches,
 * metrics, the OpenAPI description and the access log.
 */
class ServerApiTest {
    static QueryServer server;
    static Http http;
    static Path run;
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        run = TestRun.dir();
        server = QueryServer.start(run, ServerSettings.builder().port(0).build(), new PrintStream(LOG, true, StandardCharsets.UTF_8));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Cosine neighbours by a full scan in double precision: the reference of nearest. */
    static List<String> bruteForceNearest(WordVectors wv, String word, int k) {
        int q = wv.id(word).getAsInt();
        float[] a = wv.vector(q);
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < wv.size(); i++) {
            if (i == q) {
                continue;
            }
            float[] b = wv.vector(i);
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int d = 0; d < a.length; d++) {
                ab += (double) a[d] * b[d];
                aa += (double) a[d] * a[d];
                bb += (double) b[d] * b[d];
            }
            scored.add(new double[] {aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0, i});
        }
        scored.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(wv.word((int) scored.get(i)[1]));
        }
        return out;
    }

    @Test
    void nearestMatchesAFullScanInEveryForm() throws Exception {
        WordVectors wv = WordVectors.open(run.resolve("vectors"));
        for (String w : new String[] {"cat", "king", "the"}) {
            List<String> expected = bruteForceNearest(wv, w, 5);
            for (String path : new String[] {"/api/nearest", "/api/v1/nearest"}) {
                Http.Reply r = http.get(path + "?word=" + w + "&top=5&search=exact");
                assertEquals(200, r.status(), r.body());
                assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
                JsonNode j = r.json();
                assertEquals(w, j.get("word").asText());
                assertEquals("cosine", j.get("mode").asText());
                assertFalse(j.get("composed").asBoolean());
                List<String> got = new ArrayList<>();
                j.get("results").forEach(n -> got.add(n.get("word").asText()));
                assertEquals(expected, got, w);
            }
            // The index (built by the fixture) finds the same words in this small vocabulary, with the exact scores.
            JsonNode ann = http.get("/api/nearest?word=" + w + "&top=5&search=ann").json();
            assertEquals("hnsw", ann.get("search").asText());
            JsonNode exact = http.get("/api/nearest?word=" + w + "&top=5&search=exact").json();
            for (int i = 0; i < 5; i++) {
                assertEquals(exact.get("results").get(i).get("word"), ann.get("results").get(i).get("word"));
                assertEquals(exact.get("results").get(i).get("score").asDouble(), ann.get("results").get(i).get("score").asDouble(), 1e-6);
            }
        }
        for (String mode : new String[] {"relatedness", "similarity"}) {
            JsonNode j = http.get("/api/nearest?word=cat&top=3&mode=" + mode + "&context_words=10").json();
            assertEquals(mode, j.get("mode").asText());
            assertEquals(3, j.get("results").size());
        }
        assertEquals(400, http.get("/api/nearest?word=cat&mode=relatedness&search=ann").status(), "the index serves cosine only");
    }

    @Test
    void theServerAndTheCliWriteTheSameJson() {
        String v = run.resolve("vectors").toString();
        String s = run.resolve("store").toString();
        String[][] pairs = {
            {"/api/nearest?word=cat&top=4&search=exact", "nearest", v, "cat", "--top", "4", "--exact"},
            {"/api/nearest?word=cat&top=4&mode=similarity&context_words=12", "nearest", v, "cat", "--top", "4", "--mode", "similarity", "--context-words", "12"},
            {"/api/analogy?a=cat&b=dog&c=king&top=3&method=mul", "analogy", v, "cat", "dog", "king", "--top", "3", "--method", "mul"},
            {"/api/similarity?a=cat&b=dog&context_words=10", "similarity", v, "cat", "dog", "--context-words", "10"},
            {"/api/sentence?a=" + q("the cat and the dog") + "&b=" + q("a king zebra") + "&keywords=3", "sentence", v, "the cat and the dog",
                "a king zebra", "--keywords", "--top", "3"},
            {"/api/doesnt-match?words=cat,dog,horse,king", "doesnt-match", v, "cat", "dog", "horse", "king"},
            {"/api/associates?word=king&top=5&min_count=2", "associates", s, "king", "--top", "5", "--min-pair-count", "2"},
            {"/api/associates?word=king&top=5&measure=npmi", "associates", s, "king", "--top", "5", "--measure", "npmi"},
            {"/api/pmi?a=cat&b=dog", "pmi", s, "cat", "dog"},
            {"/api/pmi?a=cat&b=dog&measure=ppmi&shift=2", "pmi", s, "cat", "dog", "--measure", "ppmi", "--shift", "2"},
            {"/api/phrase-pmi?a=" + q("cat dog") + "&b=" + q("king horse") + "&unobserved=zero", "phrase-pmi", s, "cat dog", "king horse",
                "--unobserved", "zero"},
            {"/api/keywords?text=" + q("the cat and the dog with a crown") + "&top=4", "keywords", s, "the cat and the dog with a crown", "--top", "4"},
        };
        for (String[] p : pairs) {
            Http.Reply r = http.get(p[0]);
            assertEquals(200, r.status(), p[0] + ": " + r.body());
            String[] args = new String[p.length];
            System.arraycopy(p, 1, args, 0, p.length - 1);
            args[p.length - 1] = "--json";
            assertEquals(TestRun.cli(args).strip(), r.body(), p[0]);
        }
    }

    @Test
    void unknownWordsGetA404NamingThemAndComposedWordsSaySo() {
        Http.Reply r = http.get("/api/nearest?word=zzqxj");
        assertEquals(404, r.status(), r.body());
        JsonNode j = r.json();
        assertEquals("unknown_word", j.get("error").asText());
        assertEquals("zzqxj", j.get("words").get(0).asText());
        assertTrue(j.get("message").asText().contains("'zzqxj'"), r.body());
        // A subword model composes a word it never saw from its n-grams: an answer, flagged.
        JsonNode c = http.get("/api/nearest?word=kings&top=3").json();
        assertTrue(c.get("composed").asBoolean(), c.toString());
        assertTrue(c.get("note").asText().contains("composed from"), c.toString());
        assertEquals(404, http.get("/api/associates?word=zzqxj").status());
        assertEquals(404, http.get("/api/pmi?a=cat&b=zzqxj").status());
        assertEquals(404, http.get("/api/doesnt-match?words=cat,dog,zzqxj").status());
        assertEquals(404, http.get("/api/sentence?a=zzqxj").status());
        assertEquals(404, http.get("/api/keywords?text=zzqxj").status());
    }

    @Test
    void batchesAnswerEveryItemInOrder() {
        Http.Reply r = http.post("/api/nearest", "{\"words\": [\"cat\", \"zzqxj\", \"king\"], \"top\": 3, \"search\": \"exact\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode res = r.json().get("results");
        assertEquals(3, res.size());
        assertEquals(http.get("/api/nearest?word=cat&top=3&search=exact").json(), res.get(0));
        assertEquals("unknown_word", res.get(1).get("error").asText());
        assertEquals(http.get("/api/nearest?word=king&top=3&search=exact").json(), res.get(2));
        JsonNode a = http.post("/api/associates", "{\"words\": [\"king\", \"cat\"], \"top\": 4}").json().get("results");
        assertEquals(http.get("/api/associates?word=cat&top=4").json(), a.get(1));
        JsonNode s = http.post("/api/similarity", "{\"pairs\": [[\"cat\", \"dog\"], [\"king\", \"queen\"]]}").json().get("results");
        assertEquals(http.get("/api/similarity?a=king&b=queen").json(), s.get(1));
        JsonNode an = http.post("/api/analogy", "{\"questions\": [[\"cat\", \"dog\", \"king\"]], \"top\": 2}").json().get("results");
        assertEquals(http.get("/api/analogy?a=cat&b=dog&c=king&top=2").json(), an.get(0));
        assertEquals(400, http.post("/api/similarity", "{\"pairs\": [[\"cat\"]]}").status());
        assertEquals(400, http.post("/api/nearest", "{\"words\": []}").status());
    }

    @Test
    void vocabularyMapInfoHealthAndMetrics() throws Exception {
        JsonNode v = http.get("/api/vocabulary?prefix=pri&limit=5").json();
        Set<String> got = new HashSet<>();
        v.get("results").forEach(e -> got.add(e.get("word").asText()));
        assertEquals(Set.of("prince", "princess"), got);
        long prev = Long.MAX_VALUE;
        for (JsonNode e : v.get("results")) {
            assertTrue(e.get("count").asLong() <= prev, "most frequent first");
            prev = e.get("count").asLong();
        }
        JsonNode m = http.get("/api/map?word=cat&top=6").json();
        assertEquals(7, m.get("points").size(), "the centre and its 6 neighbours");
        assertEquals("cat", m.get("points").get(0).get("word").asText());
        double e0 = m.get("explained").get(0).asDouble();
        double e1 = m.get("explained").get(1).asDouble();
        assertTrue(e0 >= e1 && e0 + e1 <= 1 + 1e-9 && e1 > 0, m.toString());
        JsonNode info = http.get("/api/info").json();
        WordVectors wv = WordVectors.open(run.resolve("vectors"));
        assertEquals(wv.size(), info.get("vectors").get("words").asInt());
        assertEquals(8, info.get("vectors").get("dim").asInt());
        assertTrue(info.get("vectors").get("subwords").asBoolean());
        assertEquals(wv.size(), info.get("vectors").get("index").get("nodes").asInt());
        assertTrue(info.get("store").get("tokens").asLong() > 30_000);
        assertEquals("ok", http.get("/health").json().get("status").asText());
        http.get("/api/nearest?word=cat");
        String metrics = http.get("/metrics").body();
        assertTrue(metrics.contains("# TYPE yuelao_requests_total counter"), metrics);
        assertTrue(metrics.matches("(?s).*yuelao_requests_total\\{endpoint=\"/api/nearest\",status=\"200\"} [1-9].*"), metrics);
        assertTrue(metrics.contains("yuelao_request_duration_seconds{endpoint=\"/api/nearest\",quantile=\"0.99\"}"), metrics);
        assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("\"GET /api/nearest?word=cat\" 200"), "access log");
    }

    @Test
    void theOpenApiDescriptionListsEveryRoute() {
        JsonNode doc = http.get("/api/openapi.json").json();
        assertEquals("3.0.3", doc.get("openapi").asText());
        Set<String> documented = new HashSet<>();
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String p = it.next();
            for (Iterator<String> m = doc.get("paths").get(p).fieldNames(); m.hasNext(); ) {
                documented.add(m.next().toUpperCase() + " " + p);
            }
        }
        Set<String> served = new HashSet<>(Set.of("GET /health", "GET /metrics", "GET /api/openapi.json"));
        for (ApiRoutes.Route r : new ApiRoutes(null, server.settings()).routes()) {
            served.add(r.method().name() + " /api" + r.path());
            JsonNode op = doc.get("paths").get("/api" + r.path()).get(r.method().name().toLowerCase());
            assertNotNull(op, r.path());
            Set<String> params = new HashSet<>();
            if (op.has("parameters")) {
                op.get("parameters").forEach(x -> params.add(x.get("name").asText()));
            }
            assertEquals(r.params(), params, "documented parameters of " + r.method() + " " + r.path());
        }
        assertEquals(served, documented);
        // Every answer field the records write is documented in the schema the route declares.
        JsonNode nearestSchema = doc.get("components").get("schemas").get("Nearest").get("properties");
        http.get("/api/nearest?word=kings&mode=similarity&context_words=5").json().fieldNames()
                .forEachRemaining(f -> assertTrue(nearestSchema.has(f), "Nearest." + f));
        JsonNode phraseSchema = doc.get("components").get("schemas").get("PhrasePmi").get("properties");
        http.get("/api/phrase-pmi?a=cat&b=dog").json().fieldNames().forEachRemaining(f -> assertTrue(phraseSchema.has(f), "PhrasePmi." + f));
    }
}
