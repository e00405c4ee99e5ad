package io.legalhub.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Minimal router: method + path pattern with {@code {var}} segments (a variable may carry a literal suffix,
 * {@code {id}.json}). Literal segments win over variables,
 * a path that exists under another method answers 405 with {@code Allow}, anything else 404. Internal.
 */
public final class Router {

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler h) {
        return add("GET", pattern, h);
    }

    public Router post(String pattern, Handler h) {
        return add("POST", pattern, h);
    }

    public Router put(String pattern, Handler h) {
        return add("PUT", pattern, h);
    }

    public Router patch(String pattern, Handler h) {
        return add("PATCH", pattern, h);
    }

    public Router delete(String pattern, Handler h) {
        return add("DELETE", pattern, h);
    }

    public Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method.toUpperCase(Locale.ROOT), split(pattern), handler));
        return this;
    }

    /** Splits a path into non-empty segments (no decoding). */
    static String[] split(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    public Response dispatch(Request request) {
        String[] raw = split(request.path());
        String[] parts = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            try {
                parts[i] = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed path segment: " + raw[i]);
            }
        }
        Route best = null;
        Map<String, String> bestVars = null;
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> vars = match(route.segments, parts);
            if (vars == null) {
                continue;
            }
            if (!route.method.equals(request.method())) {
                allowed.add(route.method);
                continue;
            }
            if (best == null || moreSpecific(route, best)) {
                best = route;
                bestVars = vars;
            }
        }
        if (best != null) {
            request.pathVars(bestVars);
            return best.handler.handle(request);
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "MethodNotAllowed",
                    request.method() + " is not allowed on " + request.fullPath() + "; allowed: " + String.join(", ", allowed))
                    .header("Allow", String.join(", ", allowed));
        }
        throw ApiException.notFound("no such endpoint: " + request.method() + " " + request.fullPath());
    }

    private static Map<String, String> match(String[] pattern, String[] parts) {
        if (pattern.length != parts.length) {
            return null;
        }
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            int close = p.indexOf('}');
            if (p.startsWith("{") && close > 0) {
                // a variable, optionally followed by a literal suffix such as Clio's "{id}.json"
                String suffix = p.substring(close + 1);
                if (!parts[i].endsWith(suffix) || parts[i].length() == suffix.length()) {
                    return null;
                }
                vars.put(p.substring(1, close), parts[i].substring(0, parts[i].length() - suffix.length()));
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return vars;
    }

    private static boolean moreSpecific(Route a, Route b) {
        for (int i = 0; i < a.segments.length; i++) {
            boolean aVar = a.segments[i].startsWith("{");
            boolean bVar = b.segments[i].startsWith("{");
            if (aVar != bVar) {
                return !aVar;
            }
        }
        return false;
    }
}
