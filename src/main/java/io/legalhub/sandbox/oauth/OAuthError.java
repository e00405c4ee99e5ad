package io.legalhub.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Response;

/**
 * A token-endpoint error as RFC 6749 §5.2 answers it: {@code {"error","error_description"}}, 400, or 401 with a
 * Basic challenge when the client could not be authenticated.
 */
final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    private OAuthError(int status, String error, String description) {
        super(ErrorDescriptions.sanitise(description), null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    Response toResponse(String realm) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", getMessage());
        Response r = TokenAnswers.noStore(Response.json(status, body));
        if (status == 401) {
            r.header("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        }
        return r;
    }
}
