package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;

import java.util.List;
import java.util.UUID;

/**
 * Answers errors the way Relativity's services do. Kepler services (Matter Manager, Object Manager) and most
 * Workspace Service answers use {@code KeplerProblemDetails {ErrorType, Identifier, Message, Errors[]}}; the
 * Workspace Service's job endpoints, its 401s and 415s are ASP.NET {@code ProblemDetails}, because that is what
 * relativity-workspace-service.openapi.yml declares for them. Internal.
 */
public final class KeplerErrors {

    private static final String EXCEPTIONS = "Relativity.Services.Exceptions.";

    private KeplerErrors() {
    }

    public static Response render(Request req, ApiException e) {
        Response r = usesProblemDetails(req.path(), e.status()) ? problemDetails(e) : kepler(e);
        e.headers().forEach(r::header);
        return r;
    }

    static boolean usesProblemDetails(String path, int status) {
        if (!path.startsWith(WorkspaceServiceApi.BASE + "/")) {
            return false;
        }
        return path.startsWith(WorkspaceServiceApi.BASE + "/workspace-job") || status == 401 || status == 415;
    }

    private static Response kepler(ApiException e) {
        ObjectNode n = Json.object();
        n.put("ErrorType", EXCEPTIONS + switch (e.status()) {
            case 400 -> "ValidationException";
            case 401 -> "NotAuthorizedException";
            case 403 -> "PermissionDeniedException";
            case 404 -> "NotFoundException";
            case 409 -> "ConflictException";
            default -> "ServiceException";
        });
        // Relativity identifies each error instance so support can find it in its logs
        n.put("Identifier", UUID.randomUUID().toString());
        n.put("Message", e.getMessage());
        ArrayNode errors = n.putArray("Errors");
        for (PropertyError pe : propertyErrors(e)) {
            ObjectNode item = errors.addObject();
            item.put("PropertyName", pe.property());
            item.put("ErrorMessage", pe.message());
        }
        return Response.json(e.status(), n);
    }

    private static Response problemDetails(ApiException e) {
        List<PropertyError> props = propertyErrors(e);
        ObjectNode n = Json.object();
        n.put("type", e.status() == 429 ? "https://tools.ietf.org/html/rfc6585#section-4"
                : "https://tools.ietf.org/html/rfc9110#section-15." + section(e.status()));
        n.put("title", props.isEmpty() ? title(e.status()) : "One or more validation errors occurred.");
        n.put("status", e.status());
        n.put("detail", e.getMessage());
        if (!props.isEmpty()) {
            ObjectNode errors = n.putObject("errors");
            for (PropertyError pe : props) {
                ArrayNode list = errors.has(pe.property()) ? (ArrayNode) errors.get(pe.property()) : errors.putArray(pe.property());
                list.add(pe.message());
            }
        }
        n.put("traceId", "00-" + UUID.randomUUID().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-00");
        return Response.json(e.status(), n).header("Content-Type", "application/problem+json; charset=utf-8");
    }

    private static List<PropertyError> propertyErrors(ApiException e) {
        return e instanceof RelativityException re ? re.errors() : List.of();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "An error occurred while processing your request.";
        };
    }

    private static String section(int status) {
        return switch (status) {
            case 400 -> "5.1";
            case 401 -> "5.2";
            case 403 -> "5.4";
            case 404 -> "5.5";
            case 405 -> "5.6";
            case 409 -> "5.10";
            case 413 -> "5.14";
            case 415 -> "5.16";
            case 503 -> "6.4";
            default -> "6.1";
        };
    }
}
