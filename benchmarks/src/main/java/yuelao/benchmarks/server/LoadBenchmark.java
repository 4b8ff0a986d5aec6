package yuelao.benchmarks.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A load client for {@code yuelao serve}: {@code requests} requests from {@code clients} concurrent clients (virtual
 * threads, one java.net.http client with its connection pool), then prints throughput, the latency distribution and the
 * status counts. Bounded in count and time; talks to 127.0.0.1 only.
 *
 * <p>usage: LoadBenchmark PORT WORDS_FILE MIX REQUESTS CLIENTS [seed]
 * <ul>
 *   <li>WORDS_FILE: query words, one per line (the script takes them from the vocabulary);
 *   <li>MIX: "mixed" (nearest in three modes, analogy, similarity, associates, pmi, vocabulary, map, batch nearest of
 *       8 words, and 1% unknown words, which must be 404) or "nearest" (top-10 cosine only).
 * </ul>
 * A 5xx, a connection error or a time-out counts as a failure; the exit code is 1 if there was any.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {}

    /** The expected status of a word outside the vocabulary: 404, or a composed answer (200, flagged). */
    private static final int UNKNOWN = -1;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<String> words = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        String mix = args[2];
        int requests = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 7;
        String base = "http://127.0.0.1:" + port;
        boolean store = get(HttpClient.newHttpClient(), base + "/health").contains("\"store\":true");
        HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10))
                .build();
        Random rnd = new Random(seed);
        List<HttpRequest> plan = new ArrayList<>(requests);
        List<Integer> expect = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            String w = words.get(rnd.nextInt(words.size()));
            String w2 = words.get(rnd.nextInt(words.size()));
            String w3 = words.get(rnd.nextInt(words.size()));
            int kind = mix.equals("nearest") ? 0 : rnd.nextInt(100);
            String path;
            int status = 200;
            HttpRequest.Builder b;
            if (kind < 30) {
                path = "/api/nearest?word=" + q(w) + "&top=10";
            } else if (kind < 38) {
                path = "/api/nearest?word=" + q(w) + "&top=10&mode=relatedness";
            } else if (kind < 42) {
                path = "/api/nearest?word=" + q(w) + "&top=10&mode=similarity&context_words=10000";
            } else if (kind < 50) {
                path = "/api/analogy?a=" + q(w) + "&b=" + q(w2) + "&c=" + q(w3) + "&top=5";
            } else if (kind < 60) {
                path = "/api/similarity?a=" + q(w) + "&b=" + q(w2);
            } else if (kind < 70) {
                path = store ? "/api/associates?word=" + q(w) + "&top=10" : "/api/nearest?word=" + q(w) + "&top=5";
            } else if (kind < 76) {
                path = store ? "/api/pmi?a=" + q(w) + "&b=" + q(w2) : "/api/similarity?a=" + q(w) + "&b=" + q(w3);
            } else if (kind < 86) {
                path = "/api/vocabulary?prefix=" + q(w.substring(0, Math.min(2, w.length()))) + "&limit=8";
            } else if (kind < 92) {
                path = "/api/map?word=" + q(w) + "&top=15";
            } else if (kind < 99) {
                path = null;
            } else {
                path = "/api/nearest?word=" + q("zz" + Integer.toString(rnd.nextInt(1 << 30), 36) + "qx");
                status = UNKNOWN; // 404, or 200 with "composed": true when a subword model composes it
            }
            if (path == null) {
                StringBuilder body = new StringBuilder("{\"words\":[");
                for (int k = 0; k < 8; k++) {
                    body.append(k == 0 ? "" : ",").append('"').append(words.get(rnd.nextInt(words.size())).replace("\\", "\\\\").replace("\"", "\\\""))
                            .append('"');
                }
                b = HttpRequest.newBuilder(URI.create(base + "/api/nearest")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.append("],\"top\":10}").toString()));
            } else {
                b = HttpRequest.newBuilder(URI.create(base + path)).GET();
            }
            plan.add(b.timeout(Duration.ofSeconds(60)).build());
            expect.add(status);
        }
        // Warm-up: 2% of the plan, not measured.
        for (int i = 0; i < Math.min(400, requests / 50); i++) {
            client.send(plan.get(i), HttpResponse.BodyHandlers.discarding());
        }
        long[] nanos = new long[requests];
        AtomicLongArray statuses = new AtomicLongArray(600);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Semaphore inFlight = new Semaphore(clients);
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                int n = i;
                inFlight.acquire();
                pool.submit(() -> {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(plan.get(n), HttpResponse.BodyHandlers.ofByteArray());
                        nanos[n] = System.nanoTime() - s;
                        statuses.incrementAndGet(Math.min(599, r.statusCode()));
                        bytes.addAndGet(r.body().length);
                        int want = expect.get(n);
                        if (want == UNKNOWN ? r.statusCode() != 404 && !(r.statusCode() == 200 && new String(r.body(), StandardCharsets.UTF_8)
                                .contains("\"composed\":true")) : r.statusCode() != want) {
                            unexpected.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        nanos[n] = System.nanoTime() - s;
                        failures.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long s5xx = 0;
        StringBuilder codes = new StringBuilder();
        for (int c = 100; c < 600; c++) {
            long n = statuses.get(c);
            if (n > 0) {
                codes.append(codes.length() == 0 ? "" : ", ").append(c).append(": ").append(n);
                if (c >= 500) {
                    s5xx += n;
                }
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %,d | %d | %.1f | %,.0f | %.2f | %.2f | %.2f | %.2f | %s | %d | %d | %d |%n", mix, requests, clients, secs,
                requests / secs, q(sorted, 0.5), q(sorted, 0.99), q(sorted, 0.999), sorted[sorted.length - 1] / 1e6, codes, s5xx, failures.get(),
                unexpected.get());
        System.exit(s5xx > 0 || failures.get() > 0 || unexpected.get() > 0 ? 1 : 0);
    }

    /** The header of the table {@link #main} prints a row of. */
    public static final String HEADER = "| mix | requests | clients | seconds | requests/s | p50 ms | p99 ms | p99.9 ms | max ms | statuses | 5xx | dropped |"
            + " unexpected status |";

    private static double q(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String get(HttpClient c, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
