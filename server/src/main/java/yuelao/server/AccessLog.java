package yuelao.server;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per request on stderr: time, client address, method, path with its query, status, bytes, milliseconds.
 * Off with {@code --no-access-log}. Lines are written whole (one {@code println} under the stream's lock).
 */
final class AccessLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
    private final PrintStream out;

    AccessLog(PrintStream out) {
        this.out = out;
    }

    void log(String ip, String method, String pathAndQuery, int status, long bytes, double millis) {
        String line = String.format(Locale.ROOT, "%s %s \"%s %s\" %d %d %.2fms", TIME.format(ZonedDateTime.now(ZoneOffset.UTC)), ip, method,
                Params.printable(pathAndQuery).replace("\"", "%22"), status, bytes, millis);
        out.println(line);
    }
}
