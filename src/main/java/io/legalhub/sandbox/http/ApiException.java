package io.legalhub.sandbox.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An error answered as {@code {"error":{"type","message"}}} with an HTTP status. Internal. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<String> fields;

    public ApiException(int status, String type, String message) {
        this(status, type, message, List.of());
    }

    public ApiException(int status, String type, String message, List<String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.fields = List.copyOf(fields);
    }

    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * An extra member of the answer's {@code error} object, e.g. {@code existing_id} on a duplicate upload, so a
     * client can act on the error without reading the message.
     */
    public ApiException detail(String name, String value) {
        details.put(name, value);
        return this;
    }

    public Map<String, String> details() {
        return details;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<String> fields() {
        return fields;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NotFound", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "Conflict", message);
    }

    public static ApiException validation(String message, List<String> fields) {
        return new ApiException(422, "ValidationFailed", message, fields);
    }

    public static ApiException validation(String field, String problem) {
        return new ApiException(422, "ValidationFailed", field + " " + problem, List.of(field));
    }
}
