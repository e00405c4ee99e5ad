package io.legalhub.sandbox.oauth;

import io.legalhub.sandbox.http.Request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client's id and secret as a token request presents them: HTTP Basic (client_secret_basic) or
 * {@code client_id} and {@code client_secret} in the form (client_secret_post), RFC 6749 §2.3.1.
 *
 * @param rawClientId     for Basic, the id as sent, before form-decoding (equal to clientId otherwise)
 * @param rawClientSecret for Basic, the secret as sent, before form-decoding
 */
record ClientCredentials(String clientId, String clientSecret, String rawClientId, String rawClientSecret) {

    static ClientCredentials of(Request req, FormParameters form) {
        String authorization = req.header("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && form.get("client_secret") != null) {
            throw OAuthError.invalidRequest("the client authenticated twice (HTTP Basic and client_secret in the form); use one method");
        }
        if (basic) {
            ClientCredentials c = fromBasic(authorization.substring(6).trim());
            String formId = form.get("client_id");
            if (formId != null && !formId.equals(c.clientId()) && !formId.equals(c.rawClientId())) {
                throw OAuthError.invalidRequest("client_id in the form differs from the HTTP Basic user");
            }
            return c;
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null) {
            throw OAuthError.invalidClient("no client authentication: send HTTP Basic, or client_id and client_secret in the form");
        }
        if (secret == null) {
            throw OAuthError.invalidClient("client_secret is missing; public clients are not supported");
        }
        return new ClientCredentials(id, secret, id, secret);
    }

    private static ClientCredentials fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("the HTTP Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidClient("the HTTP Basic credentials are not of the form client_id:client_secret");
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        return new ClientCredentials(formDecode(id), formDecode(secret), id, secret);
    }

    /**
     * §2.3.1 has id and secret form-encoded before they are joined (Spring Security does so); curl's {@code -u} does
     * not, which is why {@link #matches} also tries the raw values.
     */
    private static String formDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    boolean matches(String expectedId, String expectedSecret) {
        boolean decoded = OpaqueTokens.sameSecret(expectedId, clientId) && OpaqueTokens.sameSecret(expectedSecret, clientSecret);
        boolean raw = OpaqueTokens.sameSecret(expectedId, rawClientId) && OpaqueTokens.sameSecret(expectedSecret, rawClientSecret);
        return decoded | raw;
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
