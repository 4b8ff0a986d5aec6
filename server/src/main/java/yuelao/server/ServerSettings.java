package yuelao.server;

import java.time.Duration;
import yuelao.engine.query.IndexSettings;

/**
 * Everything {@code yuelao serve} can be told: where it listens and the limits that keep it alive under abuse. Build
 * with {@link #builder()}; every default is here and only here (docs/server.md lists them).
 *
 * @param host the address to bind (127.0.0.1 by default: only this machine)
 * @param port the TCP port (0 = any free port)
 * @param maxTop the largest top (k) or limit a request may ask for
 * @param maxBatch the most items of one batch request
 * @param maxBodyBytes the largest request body (413 above)
 * @param maxConcurrent requests answered at once; more get 503 with Retry-After
 * @param idleTimeout a connection that sends nothing for this long is closed (a slow client cannot hold it)
 * @param shutdownTimeout on SIGTERM, how long in-flight requests may take to finish
 * @param accessLog one line per request on stderr
 * @param caseInsensitive fold query words to lower case (the most frequent casing wins)
 * @param index the approximate index's search settings (ef, exactBelow)
 */
public record ServerSettings(String host, int port, int maxTop, int maxBatch, long maxBodyBytes, int maxConcurrent, Duration idleTimeout,
        Duration shutdownTimeout, boolean accessLog, boolean caseInsensitive, IndexSettings index) {
    /** The defaults, as constants for the command line's help. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_TOP = 1000;
    public static final int DEFAULT_MAX_BATCH = 1000;
    public static final String DEFAULT_MAX_BODY = "1m";
    public static final int DEFAULT_MAX_CONCURRENT = 256;
    public static final String DEFAULT_IDLE_TIMEOUT = "30s";
    public static final String DEFAULT_SHUTDOWN_TIMEOUT = "10s";

    public ServerSettings {
        require(port >= 0 && port <= 65535, "--port must be in 0..65535, not " + port);
        require(maxTop >= 1, "--max-top must be at least 1, not " + maxTop);
        require(maxBatch >= 1, "--max-batch must be at least 1, not " + maxBatch);
        require(maxBodyBytes >= 1024, "--max-body must be at least 1k, not " + maxBodyBytes);
        require(maxConcurrent >= 1, "--max-concurrent must be at least 1, not " + maxConcurrent);
        require(!idleTimeout.isNegative() && !idleTimeout.isZero(), "--idle-timeout must be positive");
        require(!shutdownTimeout.isNegative(), "--shutdown-timeout must be >= 0");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses "30s", "500ms", "2m" (a number alone is seconds). */
    public static Duration duration(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + s + "' (e.g. 30s, 500ms, 2m)");
        }
    }

    /** A builder holding the defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxTop = DEFAULT_MAX_TOP;
        private int maxBatch = DEFAULT_MAX_BATCH;
        private long maxBodyBytes = yuelao.core.ByteSize.parse(DEFAULT_MAX_BODY);
        private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
        private Duration idleTimeout = duration(DEFAULT_IDLE_TIMEOUT);
        private Duration shutdownTimeout = duration(DEFAULT_SHUTDOWN_TIMEOUT);
        private boolean accessLog = true;
        private boolean caseInsensitive;
        private IndexSettings index = IndexSettings.builder().build();

        private Builder() {}

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder maxTop(int v) {
            maxTop = v;
            return this;
        }

        public Builder maxBatch(int v) {
            maxBatch = v;
            return this;
        }

        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder maxConcurrent(int v) {
            maxConcurrent = v;
            return this;
        }

        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        public Builder shutdownTimeout(Duration v) {
            shutdownTimeout = v;
            return this;
        }

        public Builder accessLog(boolean v) {
            accessLog = v;
            return this;
        }

        public Builder caseInsensitive(boolean v) {
            caseInsensitive = v;
            return this;
        }

        public Builder index(IndexSettings v) {
            index = v;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(host, port, maxTop, maxBatch, maxBodyBytes, maxConcurrent, idleTimeout, shutdownTimeout, accessLog,
                    caseInsensitive, index);
        }
    }
}
