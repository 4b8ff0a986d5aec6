package yuelao.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of one request, checked against the endpoint's list: an unknown or repeated parameter, a
 * missing required one, or a number out of range is a 400 naming it. Values are decoded as UTF-8 by the server; a
 * value holding U+FFFD (undecodable bytes) or a control character is refused too.
 */
final class Params {
    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The parameters of {@code ctx}, refusing any name outside {@code allowed} and any name given twice. */
    static Params of(Context ctx, Set<String> allowed) {
        Map<String, List<String>> m = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ApiError.badRequest("unknown parameter '" + printable(e.getKey()) + "' (this endpoint takes: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (e.getValue().size() > 1) {
                throw ApiError.badRequest("parameter '" + e.getKey() + "' is given " + e.getValue().size() + " times");
            }
            String v = e.getValue().get(0);
            if (v.indexOf('\uFFFD') >= 0) {
                throw ApiError.badRequest("parameter '" + e.getKey() + "' is not valid UTF-8");
            }
            for (int i = 0; i < v.length(); i++) {
                if (Character.isISOControl(v.charAt(i)) && v.charAt(i) != '\t') {
                    throw ApiError.badRequest("parameter '" + e.getKey() + "' holds a control character");
                }
            }
        }
        return new Params(m);
    }

    /** A required, non-empty string. */
    String required(String name) {
        String v = optional(name, null);
        if (v == null || v.isEmpty()) {
            throw ApiError.badRequest("missing parameter '" + name + "'");
        }
        return v;
    }

    String optional(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(0);
    }

    /** An integer in [min, max], or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        String v = optional(name, null);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("parameter '" + name + "' must be an integer, not '" + printable(v) + "'");
        }
        if (n < min || n > max) {
            throw ApiError.badRequest("parameter '" + name + "' must be in " + min + ".." + max + ", not " + n);
        }
        return (int) n;
    }

    /** A finite number in [min, max], or {@code fallback} when absent. */
    double number(String name, double fallback, double min, double max) {
        String v = optional(name, null);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("parameter '" + name + "' must be a number, not '" + printable(v) + "'");
        }
        if (!(d >= min && d <= max)) {
            throw ApiError.badRequest("parameter '" + name + "' must be in " + min + ".." + max + ", not " + v.trim());
        }
        return d;
    }

    /** A value shortened and with control characters escaped, fit for a one-line message. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return s.length() > 80 ? b + "..." : b.toString();
    }
}
