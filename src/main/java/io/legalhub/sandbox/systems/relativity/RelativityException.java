package io.legalhub.sandbox.systems.relativity;

import io.legalhub.sandbox.http.ApiException;

import java.util.List;

/**
 * An error of the Relativity stand-in that names the invalid properties, so {@link KeplerErrors} can list them
 * as {@code Errors[]} (KeplerProblemDetails) or {@code errors{}} (ASP.NET ProblemDetails). Internal.
 */
public final class RelativityException extends ApiException {

    private final List<PropertyError> errors;

    private RelativityException(int status, String type, String message, List<PropertyError> errors) {
        super(status, type, message);
        this.errors = List.copyOf(errors);
    }

    public List<PropertyError> errors() {
        return errors;
    }

    static RelativityException invalid(String message, List<PropertyError> errors) {
        return new RelativityException(400, "ValidationFailed", message, errors);
    }

    static RelativityException badInput(String message) {
        return new RelativityException(400, "BadRequest", message, List.of());
    }

    static RelativityException missing(String message) {
        return new RelativityException(404, "NotFound", message, List.of());
    }

    static RelativityException staleWrite(String message) {
        return new RelativityException(409, "Conflict", message, List.of());
    }

    static RelativityException unsupportedMediaType(String message) {
        return new RelativityException(415, "UnsupportedMediaType", message, List.of());
    }
}
