package yuelao.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts by endpoint and status, and latency quantiles by endpoint, written in the Prometheus text format
 * (version 0.0.4) for {@code GET /metrics}. Thread-safe; recording allocates nothing once an (endpoint, status) pair
 * has been seen. Endpoints are the route templates (e.g. {@code /api/nearest}), "static" for the page's files and
 * "unmatched" for everything else, so a client cannot grow the label set.
 */
final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> latency = new ConcurrentHashMap<>();
    private final LongAdder rejected = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();

    void record(String endpoint, int status, long nanos) {
        requests.computeIfAbsent(endpoint + "\u0000" + status, k -> new LongAdder()).increment();
        latency.computeIfAbsent(endpoint, k -> new LatencyHistogram()).record(nanos);
    }

    void rejected() {
        rejected.increment();
    }

    AtomicInteger inFlight() {
        return inFlight;
    }

    /** How many requests of an endpoint were answered with a status (tests, the load benchmark). */
    long count(String endpoint, int status) {
        LongAdder a = requests.get(endpoint + "\u0000" + status);
        return a == null ? 0 : a.sum();
    }

    String prometheus() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP yuelao_requests_total Requests answered, by endpoint and HTTP status.\n");
        sb.append("# TYPE yuelao_requests_total counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(requests).entrySet()) {
            String[] k = e.getKey().split("\u0000");
            sb.append(String.format(Locale.ROOT, "yuelao_requests_total{endpoint=\"%s\",status=\"%s\"} %d%n", k[0], k[1], e.getValue().sum()));
        }
        sb.append("# HELP yuelao_request_duration_seconds Time from the request's arrival to its answer, by endpoint.\n");
        sb.append("# TYPE yuelao_request_duration_seconds summary\n");
        for (Map.Entry<String, LatencyHistogram> e : new TreeMap<>(latency).entrySet()) {
            LatencyHistogram h = e.getValue();
            for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
                sb.append(String.format(Locale.ROOT, "yuelao_request_duration_seconds{endpoint=\"%s\",quantile=\"%s\"} %.6g%n", e.getKey(), q,
                        h.quantileSeconds(q)));
            }
            sb.append(String.format(Locale.ROOT, "yuelao_request_duration_seconds_sum{endpoint=\"%s\"} %.6f%n", e.getKey(), h.sumSeconds()));
            sb.append(String.format(Locale.ROOT, "yuelao_request_duration_seconds_count{endpoint=\"%s\"} %d%n", e.getKey(), h.count()));
        }
        sb.append("# HELP yuelao_requests_in_flight Requests being answered now.\n");
        sb.append("# TYPE yuelao_requests_in_flight gauge\n");
        sb.append("yuelao_requests_in_flight ").append(inFlight.get()).append('\n');
        sb.append("# HELP yuelao_requests_rejected_total Requests refused with 503 because --max-concurrent were being answered.\n");
        sb.append("# TYPE yuelao_requests_rejected_total counter\n");
        sb.append("yuelao_requests_rejected_total ").append(rejected.sum()).append('\n');
        return sb.toString();
    }
}
