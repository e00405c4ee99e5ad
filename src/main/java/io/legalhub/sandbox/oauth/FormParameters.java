package io.legalhub.sandbox.oauth;

import io.legalhub.sandbox.http.Request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code application/x-www-form-urlencoded} body of a token request, read as RFC 6749 §3.2 and §3.1 say. */
final class FormParameters {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = values;
    }

    static FormParameters of(Request req) {
        if (req.rawQuery() != null && !req.rawQuery().isEmpty()) {
            // §2.3.1 and §3.2: credentials in a URI end up in logs, so the endpoint takes parameters only in the body
            throw OAuthError.invalidRequest("the token endpoint takes its parameters in the form body, not in the URI");
        }
        String contentType = req.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw OAuthError.invalidRequest("a token request must be POSTed as " + FORM
                    + (contentType == null ? "; no Content-Type was sent" : ", not " + contentType));
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : req.bodyText().split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (value.isEmpty()) {
                continue; // §3.1: a parameter without a value is treated as omitted
            }
            if (values.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("parameter " + name + " was sent more than once");
            }
        }
        return new FormParameters(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("the form body is not valid application/x-www-form-urlencoded");
        }
    }

    /** The value, or null when the parameter is absent or empty. */
    String get(String name) {
        return values.get(name);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw OAuthError.invalidRequest("missing parameter " + name);
        }
        return v;
    }
}
