package io.legalhub.systems.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.legalhub.api.BadRequestException;
import io.legalhub.api.NotFoundException;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.SystemFailure;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the hub authenticates to each system, for operators: the grant and the current token's expiry (never a
 * token), "obtain a token now" to test a configuration, and a new refresh token after the old grant was revoked.
 */
@RestController
@RequestMapping("/api/system-auth")
public class SystemAuthController {

    private final SystemAccessTokens tokens;
    private final HubSystemsProperties properties;

    public SystemAuthController(SystemAccessTokens tokens, HubSystemsProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @GetMapping
    public Map<String, Object> list() {
        return Map.of("systems", tokens.statuses());
    }

    /** Obtains (or reuses) an access token now; the answer says whether the system's token endpoint gave one. */
    @PostMapping("/{system}/check")
    public Map<String, Object> check(@PathVariable String system) {
        requireOAuth(system);
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            tokens.accessToken(system);
            answer.put("ok", true);
        } catch (SystemFailure failure) {
            answer.put("ok", false);
            answer.put("error", failure.getMessage());
        }
        answer.put("status", status(system));
        return answer;
    }

    /** Body {@code {"refreshToken": "…"}}: the token the vendor gave when the hub was authorised again. */
    @PutMapping("/{system}/refresh-token")
    public Map<String, Object> replaceRefreshToken(@PathVariable String system, @RequestBody(required = false) Map<String, Object> body) {
        requireOAuth(system);
        Object value = body == null ? null : body.get("refreshToken");
        if (!(value instanceof String refreshToken) || refreshToken.isBlank()) {
            throw new BadRequestException("Body must be {\"refreshToken\": \"…\"} with the refresh token " + system + " issued");
        }
        tokens.replaceRefreshToken(system, refreshToken);
        return Map.of("status", status(system));
    }

    private TokenStatus status(String system) {
        return tokens.statuses().stream().filter(s -> s.system().equals(system)).findFirst().orElseThrow();
    }

    private void requireOAuth(String system) {
        if (properties.findSystem(system).isEmpty()) {
            throw new NotFoundException("No system named '" + system + "' is configured (hub.systems)");
        }
        if (!tokens.usesOAuth(system)) {
            throw new BadRequestException(system + " does not use OAuth 2 (hub.systems." + system + ".auth.type is not oauth2)");
        }
    }
}
